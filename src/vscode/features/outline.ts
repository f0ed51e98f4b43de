import * as vscode from 'vscode';
import { toVsRange } from '../convert';
import type { ExtensionServices } from '../extensionServices';
import { modelFor } from './contractModel';

/**
 * Documents whose Outline is ClauseGuard's clause tree. Not the `markdown` language: VS Code's Markdown
 * extension already gives those their headings, and two providers show two trees in one Outline.
 */
export const OUTLINE_SELECTOR: vscode.DocumentSelector = [{ language: 'contract-markdown' }, { language: 'contract' }, { language: 'plaintext' }];
import { type Clause, clauseLabel, type ContractModel } from '../../core/index';

/** Outline view and breadcrumbs: the clause tree (articles, sections, sub-clauses, schedules). */
export function registerOutline(context: vscode.ExtensionContext, services: ExtensionServices): void {
  context.subscriptions.push(
    vscode.languages.registerDocumentSymbolProvider(
      OUTLINE_SELECTOR,
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
    const s = new vscode.DocumentSymbol(symbolName(model, c), c.title && c.number ? '' : c.marker === 'caps-heading' ? 'heading' : '', kindOf(c), range, range.contains(selection) ? selection : range);
    s.children = c.children.map(symbol);
    return s;
  };
  return model.clauses.map(symbol);
}

const FIRST_WORDS = 6;

/** The clause's label; a clause with a number but no title gets its first words ("1.1 The Studio shall paint…"). */
export function symbolName(model: ContractModel, c: Clause): string {
  const label = clauseLabel(c);
  if (c.title || !c.number) return label;
  const bodyStart = c.numberSpan?.end ?? c.headingSpan.end;
  const firstChild = c.children[0]?.span.start ?? c.span.end;
  const words = model.doc.text
    .slice(bodyStart, Math.min(firstChild, bodyStart + 400))
    .replace(/[*_`#>[\]]/g, '')
    .replace(/^[\s.):\-–—]+/, '')
    .split(/\s+/)
    .filter(Boolean);
  if (!words.length) return label;
  return `${label} ${words.slice(0, FIRST_WORDS).join(' ')}${words.length > FIRST_WORDS ? '…' : ''}`;
}

function kindOf(c: Clause): vscode.SymbolKind {
  if (c.marker === 'article' || c.marker === 'schedule') return vscode.SymbolKind.Namespace;
  if (c.level === 1) return vscode.SymbolKind.Module;
  return c.children.length ? vscode.SymbolKind.Class : vscode.SymbolKind.Field;
}
