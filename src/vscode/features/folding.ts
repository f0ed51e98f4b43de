import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { CONTRACT_SELECTOR, summaryFor, timedStep } from './contractModel';
import type { ModelSummary } from '../../core/index';

/** Folding by clause: each clause that spans several lines folds to its heading line. */
export function registerFolding(context: vscode.ExtensionContext, services: ExtensionServices): void {
  context.subscriptions.push(
    vscode.languages.registerFoldingRangeProvider(CONTRACT_SELECTOR, {
      provideFoldingRanges: async (doc) => {
        const summary = await summaryFor(doc, services);
        return timedStep(services, 'folding', () => clauseFoldingRanges(doc, summary));
      },
    }),
  );
}

export function clauseFoldingRanges(doc: vscode.TextDocument, summary: ModelSummary | undefined): vscode.FoldingRange[] {
  if (!summary) return [];
  const out: vscode.FoldingRange[] = [];
  const spans = summary.clauses.spans;
  for (let i = 0; i < spans.length; i += 4) {
    const start = doc.positionAt(spans[i]).line;
    const end = doc.positionAt(spans[i + 1]);
    // A span ending at the start of a line ends on the line before.
    const endLine = end.character === 0 && end.line > start ? end.line - 1 : end.line;
    if (endLine > start) out.push(new vscode.FoldingRange(start, endLine));
  }
  return out;
}
