import * as vscode from 'vscode';
import { toVsRange } from '../convert';
import type { ExtensionServices } from '../extensionServices';
import { CONTRACT_SELECTOR, modelFor } from './contractModel';
import { type ContractModel, type DefinedTerm, lastAtOrBefore, type Span } from '../../core/index';

/** Go to Definition and hover for defined terms: from any use (or the term itself) to where it is defined. */
export function registerDefinedTerms(context: vscode.ExtensionContext, services: ExtensionServices): void {
  context.subscriptions.push(
    vscode.languages.registerDefinitionProvider(CONTRACT_SELECTOR, {
      provideDefinition(doc, position) {
        const model = modelFor(doc, services);
        const hit = model && termAt(model, doc.offsetAt(position));
        return hit ? new vscode.Location(doc.uri, toVsRange(model.doc.lines.rangeOf(hit.term.termSpan))) : undefined;
      },
    }),
    vscode.languages.registerHoverProvider(CONTRACT_SELECTOR, {
      provideHover(doc, position) {
        const model = modelFor(doc, services);
        const hit = model && termAt(model, doc.offsetAt(position));
        return hit ? new vscode.Hover(termHover(model, hit.term), toVsRange(model.doc.lines.rangeOf(hit.span))) : undefined;
      },
    }),
  );
}

const DEFINITION_MAX = 700;

export function termHover(model: ContractModel, term: DefinedTerm): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  const clause = model.clauseAt(term.termSpan.start);
  md.appendMarkdown('**Defined term:** ');
  md.appendText(`"${term.term}"`);
  if (clause) md.appendText(` — defined in ${clause.number ? `clause ${clause.id}` : `“${clause.title ?? clause.headingText.trim()}”`}`);
  md.appendMarkdown('\n\n');
  const text = term.definition.length > DEFINITION_MAX ? term.definition.slice(0, DEFINITION_MAX) + '…' : term.definition;
  md.appendText(text);
  md.appendMarkdown(`\n\n*Used ${term.uses.length} time${term.uses.length === 1 ? '' : 's'} in this document.*`);
  return md;
}

interface Hit {
  term: DefinedTerm;
  span: Span;
}

// Per model, every term occurrence (definition and uses) sorted by start, for binary search.
const indexes = new WeakMap<ContractModel, { hits: Hit[]; starts: number[] }>();

export function termAt(model: ContractModel, offset: number): Hit | undefined {
  let index = indexes.get(model);
  if (!index) {
    const hits: Hit[] = [];
    for (const t of model.definedTerms) {
      hits.push({ term: t, span: t.termSpan });
      for (const u of t.uses) hits.push({ term: t, span: u });
    }
    hits.sort((a, b) => a.span.start - b.span.start);
    index = { hits, starts: hits.map((h) => h.span.start) };
    indexes.set(model, index);
  }
  const best = lastAtOrBefore(index.starts, offset);
  const hit = best >= 0 ? index.hits[best] : undefined;
  return hit && offset <= hit.span.end ? hit : undefined;
}
