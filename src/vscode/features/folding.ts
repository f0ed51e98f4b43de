import * as vscode from 'vscode';
import type { ModelSummary } from '../../core/model/summary';
import type { ExtensionServices } from '../services';
import { CONTRACT_SELECTOR, summaryFor } from './contractModel';

/** Folding by clause: each clause that spans several lines folds to its heading line. */
export function registerFolding(context: vscode.ExtensionContext, services: ExtensionServices): void {
  context.subscriptions.push(
    vscode.languages.registerFoldingRangeProvider(CONTRACT_SELECTOR, { provideFoldingRanges: async (doc) => clauseFoldingRanges(doc, await summaryFor(doc, services)) }),
  );
}

export function clauseFoldingRanges(doc: vscode.TextDocument, summary: ModelSummary | undefined): vscode.FoldingRange[] {
  if (!summary) return [];
  const out: vscode.FoldingRange[] = [];
  for (const span of summary.clauseSpans) {
    const start = doc.positionAt(span.start).line;
    const end = doc.positionAt(span.end);
    // A span ending at the start of a line ends on the line before.
    const endLine = end.character === 0 && end.line > start ? end.line - 1 : end.line;
    if (endLine > start) out.push(new vscode.FoldingRange(start, endLine));
  }
  return out;
}
