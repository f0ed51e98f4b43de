import * as assert from 'node:assert/strict';
import { BUNDLED_CLAUSE_FILES } from '../../../src/core/fixes/bundled';
import { renderClause } from '../../../src/core/fixes/fill';
import { parseFrontMatter } from '../../../src/core/fixes/frontMatter';
import { clausesFixing, loadClauseLibrary, parseClauseFile } from '../../../src/core/fixes/library';
import { nextNumber } from '../../../src/core/fixes/nextNumber';
import type { InsertionPlan } from '../../../src/core/fixes/plan';
import { applyFixAction, clauseFixActions, disableFileComment } from '../../../src/core/fixes/quickFix';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { checkDocument } from '../../../src/core/index';
import { allRules } from '../../../src/core/rules/registry';

const plan = (over: Partial<InsertionPlan> = {}): InsertionPlan => ({
  offset: 10,
  where: 'child',
  number: '12.4',
  heading: '## {number} {title}',
  runIn: false,
  upperTitle: false,
  indent: '',
  eol: '\n',
  format: 'markdown',
  ...over,
});

describe('clause library', () => {
  const library = loadClauseLibrary(BUNDLED_CLAUSE_FILES);

  it('loads every bundled clause without problems, each fixing a registered rule', () => {
    assert.deepEqual(library.problems, []);
    const ids = library.clauses.map((c) => c.id).sort();
    assert.deepEqual(ids, ['sanctions-representation-covenant', 'subcontracting-approved-schedule', 'subcontracting-consent-strict', 'subcontracting-flow-down-liability']);
    for (const c of library.clauses) for (const r of c.fixes) assert.ok(allRules.some((x) => x.id === r), `${c.id} fixes unknown rule ${r}`);
    assert.ok(clausesFixing(library, 'subcontracting-consent-missing').length >= 2);
  });

  it('a workspace clause with the same id replaces the bundled one; bad files are reported, not thrown', () => {
    const firm = '---\nid: subcontracting-consent-strict\ntitle: Sub-contracting\nfixes: [subcontracting-consent-missing]\nvariables:\n  - name: supplier\n    from: performingParty\n    default: the Vendor\n---\n{{supplier}} shall not sub-contract without our consent.\n';
    const lib = loadClauseLibrary(BUNDLED_CLAUSE_FILES, [
      { name: 'firm/strict.md', text: firm },
      { name: 'firm/broken.md', text: 'no front matter' },
      { name: 'firm/undeclared.md', text: '---\nid: x\ntitle: X\n---\n{{nobody}} shall.\n' },
    ]);
    const strict = lib.clauses.find((c) => c.id === 'subcontracting-consent-strict')!;
    assert.equal(strict.title, 'Sub-contracting');
    assert.equal(strict.origin, 'firm/strict.md');
    assert.equal(lib.problems.length, 2);
    assert.match(lib.problems.map((p) => p.message).join('\n'), /front-matter block/);
    assert.match(lib.problems.map((p) => p.message).join('\n'), /\{\{nobody\}\} is not declared/);
  });

  it('front matter: CRLF, BOM, inline lists, list of maps', () => {
    const fm = parseFrontMatter('\uFEFF---\r\nid: a\r\nfixes: [r1, "r2"]\r\nvariables:\r\n  - name: v\r\n    default: "X, Y"\r\n---\r\nBody\r\n');
    assert.deepEqual(fm.errors, []);
    assert.deepEqual(fm.data.fixes, ['r1', 'r2']);
    assert.deepEqual(fm.data.variables, [{ name: 'v', default: 'X, Y' }]);
    assert.equal(fm.body, 'Body\r\n');
    assert.ok('error' in parseClauseFile({ name: 'big.md', text: '---\nid: a\ntitle: b\n---\n' + 'x'.repeat(300_000) }));
  });

  it('numbering continues the sequence', () => {
    assert.equal(nextNumber('12.3'), '12.4');
    assert.equal(nextNumber('9'), '10');
    assert.equal(nextNumber('c'), 'd');
    assert.equal(nextNumber('C'), 'D');
    assert.equal(nextNumber('iv', true), 'v');
    assert.equal(nextNumber('IX', true), 'X');
    assert.equal(nextNumber('i', false), 'j');
    assert.equal(nextNumber('i', true), 'ii');
    assert.equal(nextNumber('4.2.a'), '4.2.b');
  });

  it('fills party names (capitalised at a sentence start), copies the heading style and line endings', () => {
    const strict = library.clauses.find((c) => c.id === 'subcontracting-consent-strict')!;
    const r = renderClause(strict, plan({ eol: '\r\n' }), { performingParty: 'the Studio', otherParty: 'the Producer' });
    assert.ok(r.text.startsWith('\r\n\r\n## 12.4 Subcontracting\r\n\r\nNotwithstanding any other provision of this Agreement, the Studio shall not'));
    assert.ok(!/[^\r]\n/.test(r.text));
    assert.match(r.text, /\r\n\r\nThe Studio remains|\. The Studio remains/);
    const caps = renderClause(strict, plan({ heading: '{number}. {title}.', runIn: true, upperTitle: true, format: 'plaintext', number: '13' }), {});
    assert.match(caps.text, /^\n\n13\. SUBCONTRACTING\. Notwithstanding any other provision of this Agreement, the Supplier shall not/);
  });

  it('snippet: one tab stop per placeholder, repeats mirror it, $ and } escaped', () => {
    const lib = loadClauseLibrary([{ name: 'x.md', text: '---\nid: x\ntitle: Cost\nvariables:\n  - name: who\n    default: the Supplier\n  - name: amount\n    default: $100 {net}\n---\n{{who}} pays {{amount}}; {{who}} bears tax. {{who}} files.\n' }]);
    const r = renderClause(lib.clauses[0], plan({ heading: undefined, number: undefined, offset: 0 }), {});
    assert.equal(r.text, '**Cost.** The Supplier pays $100 {net}; the Supplier bears tax. The Supplier files.');
    assert.equal(r.snippet, '**Cost.** ${1:The Supplier} pays ${2:\\$100 {net\\}}; ${3:the Supplier} bears tax. $1 files.$0');
  });

  it('"Disable for this file" comment uses the engine’s suppression syntax and removes the finding', () => {
    for (const [uri, text, md] of [
      ['c.md', '---\ntitle: x\n---\n# Services Agreement\n\nThe Supplier shall provide the Services.\n', true],
      ['c.txt', 'SERVICES AGREEMENT\r\n\r\nThe Supplier shall provide the Services.\r\n', false],
    ] as const) {
      const rule = 'sanctions-clause-missing';
      const before = checkDocument(createSourceDocument(uri, text)).findings.filter((f) => f.rule === rule);
      assert.equal(before.length, 1);
      const c = disableFileComment(text, md, rule);
      const after = text.slice(0, c.offset) + c.text + text.slice(c.offset);
      assert.equal(checkDocument(createSourceDocument(uri, after)).findings.filter((f) => f.rule === rule).length, 0, after);
      if (md) assert.ok(after.startsWith('---\ntitle: x\n---\n<!-- clauseguard-disable-file sanctions-clause-missing -->\n'));
      else assert.ok(after.startsWith('[clauseguard-disable-file sanctions-clause-missing]\r\n\r\n'));
    }
  });

  it('weak clause: "prior written" added in place together with the flow-down clause', () => {
    const text =
      '# Services Agreement\n\nThis Agreement is made between Acme Ltd., a company incorporated in England (the "Supplier"), and Beta LLC, a Delaware company (the "Customer").\n\n## 1. Services\n\nThe Supplier shall provide the Services.\n\n## 2. Subcontracting\n\nThe Supplier shall not subcontract any of the Services without the Customer’s consent.\n';
    const weak = checkDocument(createSourceDocument('w.md', text)).findings.find((f) => f.rule === 'subcontracting-consent-weak')!;
    assert.deepEqual(weak.data?.missing, ['prior', 'written', 'liability', 'flow-down']);
    const [first] = clauseFixActions(weak, library);
    assert.match(first.title, /Add “prior written” before “consent”/);
    const after = applyFixAction(text, first);
    assert.match(after, /without the Customer’s prior written consent\./);
    assert.match(after, /## 3\. Subcontractors — Flow-Down and Responsibility\n\nBefore any subcontractor or delegate begins work under this Agreement, the Supplier shall bind it/);
    assert.equal(checkDocument(createSourceDocument('w.md', after)).findings.filter((f) => f.rule === 'subcontracting-consent-weak').length, 0);
  });
});
