import * as vscode from 'vscode';
import { toVsRange } from '../convert';
import type { ExtensionServices } from '../extensionServices';
import { CONTRACT_SELECTOR, modelFor } from './contractModel';
import { type Clause, clauseLabel, type ContractModel } from '../../core/index';

/** Outline view and breadcrumbs: the clause tree (articles, sections, sub-clauses, schedules). */
export function registerOutline(context: vscode.ExtensionContext, services: ExtensionServices): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider(
      CONTRACT_SELECTOR,
      { provideDocumentSymbols: (doc) => clauseSymbols(modelFor(doc, services)) },
      { label: 'ClauseGuard clauses' },
    ),
  );
}

export function clauseSymbols(model: ContractModel | undefined): vscode.DocumentSymbol[] {
  if (!model) return [];
  const symbol = (c: Clause): vscode.DocumentSymbol => {
    const range = toVsRange(model.doc.lines.rangeOf(c.span));
    const selection = toVsRange(model.doc.lines.rangeOf(c.headingSpan));
    const s = new vscode.DocumentSymbol(clauseLabel(c), c.title && c.number ? '' : c.marker === 'caps-heading' ? 'heading' : '', kindOf(c), range, range.contains(selection) ? selection : range);
    s.children = c.children.map(symbol);
    return s;
  };
  return model.clauses.map(symbol);
}

function kindOf(c: Clause): vscode.SymbolKind {
  if (c.marker === 'article' || c.marker === 'schedule') return vscode.SymbolKind.Namespace;
  if (c.level === 1) return vscode.SymbolKind.Module;
  return c.children.length ? vscode.SymbolKind.Class : vscode.SymbolKind.Field;
}
