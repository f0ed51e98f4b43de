import { describeShared } from '../helpers/sharedData';
import * as assert from 'node:assert/strict';
import { buildContractModel } from '../../../src/core/model/buildModel';
import { scanMarkdown } from '../../../src/core/model/markdownText';
import { sharedDataAvailable } from '../helpers/sharedData';
import { corpusFiles, loadContract } from './corpus';

/* eslint-disable @typescript-eslint/no-require-imports */
// remark (ESM-only; require() works on Node 20.20) is the reference the fast Markdown scanner is compared with.
interface MdNode {
  type: string;
  depth?: number;
  children?: MdNode[];
  position?: { start: { line: number; offset?: number }; end: { line: number; offset?: number } };
}
function remarkParse(text: string): MdNode {
  const { unified } = require('unified') as { unified: () => { use: (p: unknown) => unknown; parse: (t: string) => MdNode } };
  const u = unified() as unknown as { use: (p: unknown) => typeof u; parse: (t: string) => MdNode };
  return u.use((require('remark-parse') as { default: unknown }).default).use((require('remark-gfm') as { default: unknown }).default).use((require('remark-frontmatter') as { default: unknown }).default).parse(text);
}
const toString = (n: MdNode): string => (require('mdast-util-to-string') as { toString: (n: unknown, o: unknown) => string }).toString(n, { includeHtml: false });
/* eslint-enable @typescript-eslint/no-require-imports */

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

function walk(n: MdNode, visit: (n: MdNode) => void): void {
  visit(n);
  for (const c of n.children ?? []) walk(c, visit);
}

describeShared('Markdown scanner agrees with remark-parse on the real Markdown contracts', function () {
  this.timeout(120000); // remark is slow: that is why it is only the reference
  const trees = new Map<string, MdNode>();
  const tree = (file: string, text: string) => trees.get(file) ?? (trees.set(file, remarkParse(text)), trees.get(file)!);
  before(function () {
    if (!sharedDataAvailable()) this.skip();
  });
  const files = sharedDataAvailable() ? corpusFiles().filter((f) => f.endsWith('.md')) : [];

  it('finds the same headings (line and depth)', () => {
    for (const file of files) {
      const doc = loadContract(file);
      const ours: string[] = [];
      // Our line kinds come from the same scan the model uses.
      scanMarkdown(doc.text, doc.lines.lineStarts).lines.forEach((l, i) => l.kind === 'heading' && ours.push(`${i}:${l.headingDepth}`));
      const theirs: string[] = [];
      walk(tree(file, doc.text), (n) => n.type === 'heading' && n.position && theirs.push(`${n.position.start.line - 1}:${n.depth}`));
      assert.deepEqual(ours, theirs, file);
    }
  });

  it('gives the same text as remark for at least 95% of paragraphs and headings, markup removed', () => {
    let same = 0;
    let total = 0;
    const differ: string[] = [];
    for (const file of files) {
      const doc = loadContract(file);
      const model = buildContractModel(doc);
      const { lines } = scanMarkdown(doc.text, doc.lines.lineStarts);
      walk(tree(file, doc.text), (n) => {
        if ((n.type !== 'paragraph' && n.type !== 'heading') || !n.position) return;
        const first = lines[n.position.start.line - 1];
        const last = lines[n.position.end.line - 1];
        if (!first || !last) return;
        let ours = fold(model.plain.text.slice(first.plainStart, last.plainEnd));
        // Our plain text keeps an ordered-list number ("1. ") in front of the item's paragraph.
        if (first.kind === 'list') ours = ours.replace(/^(?:[-+*]|\d{1,9}[.)])\s+/, '');
        const theirs = fold(toString(n));
        total++;
        if (ours === theirs) same++;
        else if (differ.length < 8) differ.push(`${file}:${n.position.start.line}: ours ${JSON.stringify(ours.slice(0, 90))} / remark ${JSON.stringify(theirs.slice(0, 90))}`);
      });
    }
    const rate = same / total;
    console.log(`      plain text equal to remark's on ${same}/${total} blocks (${(rate * 100).toFixed(1)}%)`);
    assert.ok(total > 1000, `compared ${total} blocks`);
    assert.ok(rate >= 0.95, `only ${(rate * 100).toFixed(1)}% equal:\n${differ.join('\n')}`);
  });
});
