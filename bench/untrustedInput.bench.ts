import { createSourceDocument } from '../src/core/document/sourceDocument';
import { readOfacCsvSet } from '../src/core/screening/readers/ofac';
import { readUnXml } from '../src/core/screening/readers/un';
import { createScreener } from '../src/core/screening/screener';
import { applyInlineSuppressions } from '../src/core/review/inlineDirectives';
import type { Finding } from '../src/core/types';
import { consecutiveDirectives, ofacSetWithAliases, oneLineUnXml } from '../test/unit/adversarial/hostileInputs';
import { measure, type BenchLine } from './harness';

// Paths that were quadratic in hostile input (issue 12, item 8), each measured at a size and at ten
// times that size in the same run. Linear growth gives a ratio near 10; the target is at most 12×
// (quadratic growth gave about 100×). The small size is the baseline.

export const title = 'Hostile input grows linearly (issue 12)';

const TARGET = 12;

function growth(name: string, small: number, unit: string, run: (n: number) => unknown, iterations = 5): BenchLine {
  const a = measure(() => run(small), iterations, 1);
  const b = measure(() => run(small * 10), iterations, 1);
  const ratio = b / a;
  return { name: `${name}: ${(small * 10).toLocaleString('en-US')} ${unit} vs ${small.toLocaleString('en-US')}`, medianMs: b, baselineMs: a, ratio, target: `≤ ${TARGET}× for 10× input`, pass: ratio <= TARGET };
}

function directives(n: number): number {
  const doc = createSourceDocument('hostile.md', consecutiveDirectives(n));
  const line = doc.lines.lineCount - 2;
  const finding = { rule: 'subcontracting-consent-missing', severity: 'error', message: 'm', range: { start: { line, character: 0 }, end: { line, character: 1 } } } as unknown as Finding;
  return applyInlineSuppressions(doc, [finding], { tagsOf: () => [], known: () => true, enabled: true, protectedRules: new Set(), allowProtected: false }).suppressed.length;
}

function aliases(n: number): number {
  const set = ofacSetWithAliases(n);
  const { entities } = readOfacCsvSet(
    { primary: { name: 'sdn.csv', text: set.primary }, alt: { name: 'alt.csv', text: set.alt }, add: { name: 'add.csv', text: set.add }, comments: { name: 'sdn_comments.csv', text: set.comments } },
    { listId: 'ofac-sdn' },
  );
  createScreener([{ info: { id: 'ofac-sdn', name: 'SDN', date: '2026-01-01', entries: entities.length, sha256: '' }, entities }]);
  return entities[0].aliases.length;
}

export function run(): BenchLine[] {
  const xmlSmall = oneLineUnXml(1_000_000);
  const xmlLarge = oneLineUnXml(10_000_000);
  const xml = (n: number) => readUnXml(n === 1 ? xmlSmall : xmlLarge, 'consolidated.xml').entities.length;
  return [
    growth('consecutive disable-next-line comments', 5_000, 'comments', directives),
    growth('one OFAC entity with many aliases (read + index)', 20_000, 'aliases', aliases, 3),
    { ...growth('UN XML on one line', 1, 'MB', xml, 3), name: 'UN XML on one line: 10 MB vs 1 MB' },
  ];
}
