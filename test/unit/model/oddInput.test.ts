import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { createSourceDocument, type ContractFormat } from '../../../src/core/document/sourceDocument';
import { buildContractModel, clearModelCache } from '../../../src/core/model/buildModel';
import { assertSpansSliceBack } from './spans';

const build = (text: string, format: ContractFormat) => {
  clearModelCache();
  return buildContractModel(createSourceDocument(format === 'markdown' ? 'odd.md' : 'odd.txt', text, format));
};
const both = (text: string) => (['markdown', 'plaintext'] as const).map((f) => build(text, f));

/** Pieces real contracts and broken files are made of, so random documents hit the parsers' branches. */
const PIECES = [
  '1.', '1.1', '(a)', '(iv)', 'ARTICLE IV', 'Section 4.2', 'SCHEDULE A', '# ', '## ', '**', '*', '_', '`', '[', ']', '(', ')',
  '<span class="x">', '</span>', '<!--', '-->', '&amp;', '&#x0;', '|', '---', '```', '> ', '- ', '"', '“', '”', 'means', ' between ',
  'Acme Inc.', ' ("Supplier")', ', and ', 'IN WITNESS WHEREOF', 'By:', '\n', '\n\n', '\r\n', '\r', '\t', ' ', '.', 'e.g.', 'U.S.',
  '\u0000', '\ufeff', '\u200b', '\u200f', 'שלום', 'مرحبا', '😀', '\ud800', 'Shall', 'shall not subcontract', 'x',
];
const documentArb = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 })), { maxLength: 80 }).map((a) => a.join(''));

describe('contract model on odd input', () => {
  it('keeps every span in bounds and slicing back for random documents (property)', () => {
    fc.assert(
      fc.property(documentArb, fc.boolean(), (text, markdown) => {
        const model = build(text, markdown ? 'markdown' : 'plaintext');
        assertSpansSliceBack(model, JSON.stringify(text.slice(0, 80)));
      }),
      { numRuns: 1000 },
    );
  });

  it('handles an empty file', () => {
    for (const m of both('')) {
      assert.equal(m.allClauses.length, 0);
      assert.equal(m.sentences.length, 0);
      assert.equal(m.plain.toSource(0), 0);
      assertSpansSliceBack(m, 'empty');
    }
  });

  it('handles a file that is only a table', () => {
    const text = '| Party | Role |\n| --- | --- |\n| Acme Inc. | Supplier |\n| Beta LLC | Customer |\n';
    const [m] = both(text);
    assert.equal(m.allClauses.length, 0);
    assert.ok(m.plain.text.includes('Acme Inc.'), 'table text stays in the plain text');
    assert.ok(!m.plain.text.includes('|'));
    assertSpansSliceBack(m, 'table');
  });

  it('handles CRLF line endings, a BOM, tabs, NUL bytes, RTL and zero-width characters', () => {
    const text = '\ufeffSERVICES AGREEMENT\r\n\r\n1.\tServices.\tThe Supplier\u200b shall not\u0000 subcontract.\r\n\r\n2. Law. שלום עולם. مرحبا.\r\n';
    for (const m of both(text)) {
      assert.deepEqual(m.allClauses.map((c) => c.number), ['1', '2']);
      assert.equal(m.allClauses[0].title, 'Services');
      assert.ok(m.sentences.some((s) => s.text.includes('subcontract')));
      assert.ok(!m.sentences.some((s) => /\r/.test(s.text)));
      assertSpansSliceBack(m, 'crlf');
    }
  });

  it('handles unbalanced Markdown without losing text', () => {
    const text = '**Subcontracting. The Supplier shall _not [subcontract](without `consent <span class="a">\n\n```\nunclosed fence\n';
    const m = build(text, 'markdown');
    assert.ok(m.plain.text.includes('subcontract'));
    assert.ok(m.plain.text.includes('unclosed fence'));
    assertSpansSliceBack(m, 'unbalanced');
  });

  it('handles a 10 MB file in linear time', function () {
    this.timeout(60000);
    const page = '12.3 Subcontracting. The Supplier shall not subcontract any of the Services (the "Work") to Acme Co. without consent.\n(a) first item;\n\n';
    const text = page.repeat(Math.ceil(10_000_000 / page.length));
    const m = build(text, 'plaintext');
    assert.ok(m.sentences.length > 50000);
    const one = build('x'.repeat(10_000_000), 'markdown'); // one 10 MB line, no structure
    assert.equal(one.allClauses.length, 0);
    assert.equal(one.buildError, undefined);
  });
});
