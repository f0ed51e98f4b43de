import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { CONTRACT_SELECTOR, modelFor } from './contractModel';
import type { ContractModel } from '../../core/index';

/** Folding by clause: each clause that spans several lines folds to its heading line. */
export function registerFolding(context: vscode.ExtensionContext, services: ExtensionServices): void {
  context.subscriptions.push(
    vscode.languages.registerFoldingRangeProvider(CONTRACT_SELECTOR, { provideFoldingRanges: (doc) => clauseFoldingRanges(modelFor(doc, services)) }),
  );
}

export function clauseFoldingRanges(model: ContractModel | undefined): vscode.FoldingRange[] {
  if (!model) return [];
  const out: vscode.FoldingRange[] = [];
  for (const c of model.allClauses) {
    const start = model.doc.lines.positionAt(c.span.start).line;
    const end = model.doc.lines.positionAt(c.span.end);
    // A span ending at the start of a line ends on the line before.
    const endLine = end.character === 0 && end.line > start ? end.line - 1 : end.line;
    if (endLine > start) out.push(new vscode.FoldingRange(start, endLine));
  }
  return out;
}
