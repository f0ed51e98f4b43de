import { buildContractModel, clearModelCache, modelFromLines } from '../../../src/core/model/buildModel';
import type { SourceDocument } from '../../../src/core/document/sourceDocument';
import { clauseLabel } from '../../../src/core/model/numbering';
import type { ContractModel } from '../../../src/core/model/types';
import { scanMarkdown } from './reference/lineScanner';

/** The model as the old line scanner built it (reference for the comparison with the remark reader). */
export function lineScannerModel(doc: SourceDocument): ContractModel {
  const { plain, lines } = scanMarkdown(doc.text, doc.lines.lineStarts);
  return modelFromLines(doc, plain, lines, plain);
}

export function remarkModel(doc: SourceDocument): ContractModel {
  clearModelCache();
  return buildContractModel(doc);
}

/** What the comparison looks at, one string per item, so differences read as a diff. */
export function modelSummary(m: ContractModel): { clauses: string[]; parties: string[]; title: string; sentences: number } {
  const lineOf = (o: number) => m.doc.lines.positionAt(o).line + 1;
  return {
    clauses: m.allClauses.map((c) => `${lineOf(c.headingSpan.start)}: ${'  '.repeat(c.level - 1)}${clauseLabel(c)} [${c.marker}] → line ${lineOf(Math.max(c.span.start, c.span.end - 1))}`),
    parties: m.parties.map((p) => `${p.name} (${p.role ?? '-'}, ${p.source})`),
    title: m.title?.text ?? '',
    sentences: m.sentences.length,
  };
}

/** Items only in a, only in b (multiset difference, order ignored). */
export function difference(a: string[], b: string[]): { onlyA: string[]; onlyB: string[] } {
  const count = new Map<string, number>();
  for (const x of b) count.set(x, (count.get(x) ?? 0) + 1);
  const onlyA: string[] = [];
  for (const x of a) {
    const n = count.get(x) ?? 0;
    if (n > 0) count.set(x, n - 1);
    else onlyA.push(x);
  }
  const onlyB = [...count].flatMap(([x, n]) => Array<string>(n).fill(x));
  return { onlyA, onlyB: b.filter((x) => onlyB.includes(x)) };
}
