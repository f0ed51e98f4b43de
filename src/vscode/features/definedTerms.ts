import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { CONTRACT_SELECTOR, summaryFor } from './contractModel';
import { rangeOf } from './outline';
import { lastAtOrBefore, type ModelSummary, type Span, type TermSummary } from '../../core/index';

/** Go to Definition and hover for defined terms: from any use (or the term itself) to where it is defined. */
export function registerDefinedTerms(context: vscode.ExtensionContext, services: ExtensionServices): void {
  context.subscriptions.push(
    vscode.languages.registerDefinitionProvider(CONTRACT_SELECTOR, {
      async provideDefinition(doc, position) {
        const summary = await summaryFor(doc, services);
        const hit = summary ? termAt(summary, doc.offsetAt(position)) : undefined;
        return hit ? new vscode.Location(doc.uri, rangeOf(doc, hit.term.termSpan)) : undefined;
      },
    }),
    vscode.languages.registerHoverProvider(CONTRACT_SELECTOR, {
      async provideHover(doc, position) {
        const summary = await summaryFor(doc, services);
        const hit = summary ? termAt(summary, doc.offsetAt(position)) : undefined;
        return hit ? new vscode.Hover(termHover(hit.term), rangeOf(doc, hit.span)) : undefined;
      },
    }),
  );
}

const DEFINITION_MAX = 700;

export function termHover(term: TermSummary): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  md.appendMarkdown('**Defined term:** ');
  md.appendText(`"${term.term}"`);
  if (term.definedIn) md.appendText(` — defined in ${term.definedIn}`);
  md.appendMarkdown('\n\n');
  const text = term.definition.length > DEFINITION_MAX ? term.definition.slice(0, DEFINITION_MAX) + '…' : term.definition;
  md.appendText(text);
  const uses = term.uses.length / 2;
  md.appendMarkdown(`\n\n*Used ${uses} time${uses === 1 ? '' : 's'} in this document.*`);
  return md;
}

interface Hit {
  term: TermSummary;
  span: Span;
}

// Per summary, every term occurrence (definition and uses) sorted by start, for binary search.
const indexes = new WeakMap<ModelSummary, { hits: Hit[]; starts: number[] }>();

export function termAt(summary: ModelSummary, offset: number): Hit | undefined {
  let index = indexes.get(summary);
  if (!index) {
    const hits: Hit[] = [];
    for (const t of summary.terms) {
      hits.push({ term: t, span: t.termSpan });
      for (let i = 0; i < t.uses.length; i += 2) hits.push({ term: t, span: { start: t.uses[i], end: t.uses[i + 1] } });
    }
    hits.sort((a, b) => a.span.start - b.span.start);
    index = { hits, starts: hits.map((h) => h.span.start) };
    indexes.set(summary, index);
  }
  const best = lastAtOrBefore(index.starts, offset);
  const hit = best >= 0 ? index.hits[best] : undefined;
  return hit && offset <= hit.span.end ? hit : undefined;
}
