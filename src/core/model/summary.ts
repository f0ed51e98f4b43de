import type { Span } from '../document/positions';
import { clauseLabel } from './numbering';
import type { Clause, ClauseMarker, ContractModel } from './types';

/**
 * What the editor's Outline, folding and defined-term features need from the contract model, as plain
 * data: the check worker builds the model and sends this, so a 2 MB contract never costs the extension
 * host more than reading a few thousand spans. Offsets are UTF-16 source offsets of that text version.
 */
export interface ClauseSummary {
  label: string;
  /** Shown beside the label in the Outline. */
  detail: string;
  marker: ClauseMarker;
  level: number;
  span: Span;
  headingSpan: Span;
  children: ClauseSummary[];
}

export interface TermSummary {
  term: string;
  termSpan: Span;
  definition: string;
  uses: Span[];
  /** "clause 4.2" or the heading of the unnumbered clause it is defined in. */
  definedIn?: string;
}

export interface ModelSummary {
  clauses: ClauseSummary[];
  /** Every clause's span, in document order (folding). */
  clauseSpans: Span[];
  terms: TermSummary[];
}

export function summarizeModel(model: ContractModel): ModelSummary {
  const clause = (c: Clause): ClauseSummary => ({
    label: clauseLabel(c),
    detail: c.title && c.number ? '' : c.marker === 'caps-heading' ? 'heading' : '',
    marker: c.marker,
    level: c.level,
    span: c.span,
    headingSpan: c.headingSpan,
    children: c.children.map(clause),
  });
  const terms = model.definedTerms.map((t): TermSummary => {
    const c = model.clauseAt(t.termSpan.start);
    return { term: t.term, termSpan: t.termSpan, definition: t.definition, uses: t.uses, definedIn: c ? (c.number ? `clause ${c.id}` : `“${c.title ?? c.headingText.trim()}”`) : undefined };
  });
  return { clauses: model.clauses.map(clause), clauseSpans: model.allClauses.map((c) => c.span), terms };
}
