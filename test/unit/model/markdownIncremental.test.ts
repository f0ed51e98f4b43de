import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { LineIndex } from '../../../src/core/document/positions';
import { blockStartLines } from '../../../src/core/model/markdownBlocks';
import { clearMarkdownCache, lastParsedBlocks, readMarkdown, type MarkdownReading } from '../../../src/core/model/markdownReader';
import { sharedDataAvailable } from '../helpers/sharedData';
import { CONTRACTS, corpusFiles } from './corpus';

// Issue 16, incremental parsing: a block parsed alone reads exactly as it does inside the whole document,
// so an edit re-parses only the blocks it touched and the result equals a cold read of the new text.

const SAMPLES = join(__dirname, '..', '..', '..', '..', 'samples');

const read = (text: string, chunkChars?: number) => readMarkdown(text, new LineIndex(text).lineStarts, chunkChars);
const cold = (text: string, chunkChars?: number) => {
  clearMarkdownCache();
  return read(text, chunkChars);
};

/** Everything the model reads from a Markdown reading, including the source map at every line start and end. */
function reading(r: MarkdownReading): unknown {
  const map = (p: MarkdownReading['plain']) => r.lines.flatMap((l) => [p.toSource(l.plainStart), p.toSourceSpan(l.plainStart, l.plainEnd)]);
  return { plain: r.plain.text, all: r.allText.text, lines: r.lines, map: map(r.plain), allMap: r.allText.text === r.plain.text ? null : map(r.allText) };
}

function markdownFiles(): { name: string; text: string }[] {
  const out = ['animation-production-agreement.md', 'design-services-agreement.contract.md'].map((f) => ({ name: f, text: readFileSync(join(SAMPLES, f), 'utf8') }));
  if (sharedDataAvailable()) for (const f of corpusFiles().filter((x) => x.endsWith('.md'))) out.push({ name: f, text: readFileSync(join(CONTRACTS, f), 'utf8') });
  return out;
}

const FRAGMENTS = [
  '# Agreement\n', '## 4. Subcontracting\n', '1. The Supplier shall not subcontract.\n', '   continued item text\n', '- bullet\n', '\n', '\n\n',
  '```\ncode\n\nmore code\n```\n', '<!-- hidden\n\nstill hidden -->\n', '<div style="display:none">\n\nSek Studio\n\n</div>\n', '> quoted\n> more\n',
  '| a | b |\n|---|---|\n| 1 | 2 |\n', '[ref]: https://example.com\n', 'See [the terms][ref] and [ref].\n', 'Text ~~not~~ here.\n', '---\n', 'Title\n===\n',
  '    indented text\n', '1. <span class="h">Heading</span>\n', '    1. <span>Sub.</span> The Supplier shall.\n', '    2. Second sub.\n', '        - deep\n',
  '2. Next item\n', '   lazy or continued\n', '- a\n', '  - b\n', '1.  two spaces\n', '3) other kind\n', '    ```\n', '  <div>\n', '\t- tab item\n', '    > quote in item\n', '**Bold.** run-in\n', '<pre>\n\n</pre>\n', '&amp; &#8217;\n', '* * *\n', '[^1]: A note.\n', 'x[^1]\n', '\r\n', 'word ',
];
const docArb = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 40 }).map((a) => a.join(''));

describe('Markdown read incrementally, block by block', function () {
  this.timeout(300000);

  it('reads every real Markdown contract and sample the same block by block as in chunks', () => {
    const files = markdownFiles();
    for (const f of files) {
      const whole = reading(cold(f.text, Infinity));
      assert.deepEqual(reading(cold(f.text, 0)), whole, f.name);
      assert.deepEqual(reading(cold(f.text)), whole, f.name);
    }
    assert.ok(files.length >= (sharedDataAvailable() ? 22 : 2));
  });

  it('re-parses one block after a one-character edit, and reads the same as a cold read', () => {
    for (const f of markdownFiles()) {
      cold(f.text);
      const blocks = blockStartLines(f.text, new LineIndex(f.text).lineStarts).length;
      // An edit inside a word in the middle of the document.
      let at = f.text.length >> 1;
      while (at < f.text.length && !/[a-z]/.test(f.text[at])) at++;
      const edited = f.text.slice(0, at) + 'x' + f.text.slice(at);
      const after = read(edited);
      assert.equal(lastParsedBlocks, 1, `${f.name}: ${lastParsedBlocks} of ${blocks} blocks parsed again`);
      assert.deepEqual(reading(after), reading(cold(edited)), f.name);
    }
  });

  it('after any edit of a random document, reads as a cold read of the new text (property)', () => {
    fc.assert(
      fc.property(docArb, fc.nat(), fc.constantFrom('x', '\n', '\n\n', '`', '<!--', '-->', '[ref]: /y\n', '  ', '|', '~~'), fc.nat(4), (text, pos, insert, del) => {
        cold(text);
        const at = text.length ? pos % text.length : 0;
        const edited = text.slice(0, at) + insert + text.slice(Math.min(text.length, at + del));
        const incremental = reading(read(edited));
        assert.deepEqual(incremental, reading(cold(edited, 0)), `block by block: ${JSON.stringify(edited)}`);
        // The whole document in one parser call is the truth.
        assert.deepEqual(incremental, reading(cold(edited, Infinity)), `whole document: ${JSON.stringify(edited)}`);
      }),
      { numRuns: 1000 },
    );
  });

  it('resolves a link reference whose definition is in another block', () => {
    const text = 'See [the terms][t].\n\nMore text.\n\n[t]: https://example.com/terms\n';
    const r = cold(text, 0);
    assert.ok(r.plain.text.startsWith('See the terms.'), r.plain.text);
    // Removing the definition turns the reference back into literal text.
    const r2 = read(text.replace(/\[t\]: .*\n/, ''));
    assert.ok(r2.plain.text.startsWith('See [the terms][t].'), r2.plain.text);
  });
});
