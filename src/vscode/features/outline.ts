import * as vscode from 'vscode';
import type { Span } from '../../core/document/positions';
import type { ClauseSummary, ModelSummary } from '../../core/model/summary';
import type { ExtensionServices } from '../services';
import { CONTRACT_SELECTOR, registerSummaryCleanup, summaryFor } from './contractModel';

/** Outline view and breadcrumbs: the clause tree (articles, sections, sub-clauses, schedules), read in the check worker. */
export function registerOutline(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerSummaryCleanup(context);
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider(
      CONTRACT_SELECTOR,
      { provideDocumentSymbols: async (doc) => clauseSymbols(doc, await summaryFor(doc, services)) },
      { label: 'ClauseGuard clauses' },
    ),
  );
}

export function clauseSymbols(doc: vscode.TextDocument, summary: ModelSummary | undefined): vscode.DocumentSymbol[] {
  if (!summary) return [];
  const symbol = (c: ClauseSummary): vscode.DocumentSymbol => {
    const range = rangeOf(doc, c.span);
    const selection = rangeOf(doc, c.headingSpan);
    const s = new vscode.DocumentSymbol(c.label, c.detail, kindOf(c), range, range.contains(selection) ? selection : range);
    s.children = c.children.map(symbol);
    return s;
  };
  return summary.clauses.map(symbol);
}

export function rangeOf(doc: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

function kindOf(c: ClauseSummary): vscode.SymbolKind {
  if (c.marker === 'article' || c.marker === 'schedule') return vscode.SymbolKind.Namespace;
  if (c.level === 1) return vscode.SymbolKind.Module;
  return c.children.length ? vscode.SymbolKind.Class : vscode.SymbolKind.Field;
}
