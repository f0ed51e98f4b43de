import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { registerSummaryCleanup, summaryFor, timedStep } from './contractModel';
import { type ClauseMarker, MARKERS, type ModelSummary, type Span } from '../../core/index';

/**
 * Documents whose Outline is ClauseGuard's clause tree. Not the `markdown` language: VS Code's Markdown
 * extension already gives those their headings, and two providers show two trees in one Outline.
 */
export const OUTLINE_SELECTOR: vscode.DocumentSelector = [{ language: 'contract-markdown' }, { language: 'contract' }, { language: 'plaintext' }];

/** Outline view and breadcrumbs: the clause tree (articles, sections, sub-clauses, schedules), read in the check worker. */
export function registerOutline(context: vscode.ExtensionContext, services: ExtensionServices): void {
  registerSummaryCleanup(context);
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider(
      OUTLINE_SELECTOR,
      { provideDocumentSymbols: async (doc) => {
        const summary = await summaryFor(doc, services);
        return timedStep(services, 'outline', () => clauseSymbols(doc, summary));
      } },
      { label: 'ClauseGuard clauses' },
    ),
  );
}

export function clauseSymbols(doc: vscode.TextDocument, summary: ModelSummary | undefined): vscode.DocumentSymbol[] {
  if (!summary) return [];
  const c = summary.clauses;
  const labels = c.labels ? c.labels.split('\u0000') : [];
  const roots: vscode.DocumentSymbol[] = [];
  const symbols: vscode.DocumentSymbol[] = [];
  const children = new Int32Array(labels.length);
  for (let i = 0; i < c.parents.length; i++) if (c.parents[i] >= 0) children[c.parents[i]]++;
  for (let i = 0; i < labels.length; i++) {
    const range = rangeOf(doc, { start: c.spans[i * 4], end: c.spans[i * 4 + 1] });
    const selection = rangeOf(doc, { start: c.spans[i * 4 + 2], end: c.spans[i * 4 + 3] });
    const marker = MARKERS[c.markers[i]];
    const s = new vscode.DocumentSymbol(labels[i], detail(marker), kindOf(marker, c.levels[i], children[i] > 0), range, range.contains(selection) ? selection : range);
    symbols.push(s);
    const parent = c.parents[i];
    if (parent >= 0 && parent < i) symbols[parent].children.push(s);
    else roots.push(s);
  }
  return roots;
}

export function rangeOf(doc: vscode.TextDocument, span: Span): vscode.Range {
  return new vscode.Range(doc.positionAt(span.start), doc.positionAt(span.end));
}

/** "heading" beside an ALL-CAPS heading (it has no number). */
function detail(marker: ClauseMarker): string {
  return marker === 'caps-heading' ? 'heading' : '';
}

function kindOf(marker: ClauseMarker, level: number, hasChildren: boolean): vscode.SymbolKind {
  if (marker === 'article' || marker === 'schedule') return vscode.SymbolKind.Namespace;
  if (level === 1) return vscode.SymbolKind.Module;
  return hasChildren ? vscode.SymbolKind.Class : vscode.SymbolKind.Field;
}
