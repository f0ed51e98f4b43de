import type { Span } from '../document/positions';
import { clauseLabel } from './numbering';
import type { Clause, ClauseMarker, ContractModel } from './types';

/**
 * What the editor's Outline, folding and defined-term features need from the contract model, as plain
 * data: the check worker builds the model and sends this, so a 2 MB contract never costs the extension
 * host more than copying a few arrays. Offsets are UTF-16 source offsets of that text version. Spans are
 * packed into Int32Arrays, which cross the thread boundary as one copy (a 2 MB contract has ~20,000
 * clauses and ~20,000 term uses: as objects they took ~200 ms to deserialise).
 */
export interface ModelSummary {
  clauses: {
    /** The labels joined by NUL (one string crosses threads as one copy). */
    labels: string;
    /** Index into MARKERS. */
    markers: Uint8Array;
    levels: Int32Array;
    /** Index of the parent clause, -1 at the top level (clauses in document order). */
    parents: Int32Array;
    /** Per clause: span start, span end, heading start, heading end. */
    spans: Int32Array;
  };
  terms: TermSummary[];
}

export const MARKERS: readonly ClauseMarker[] = ['markdown-heading', 'numbered', 'lettered', 'roman', 'article', 'section-word', 'schedule', 'caps-heading', 'bold-run-in', 'list-item'];

export interface TermSummary {
  term: string;
  termSpan: Span;
  definition: string;
  /** Start, end of every use. */
  uses: Int32Array;
  /** "clause 4.2" or the heading of the unnumbered clause it is defined in. */
  definedIn?: string;
}

export function summarizeModel(model: ContractModel): ModelSummary {
  const all = model.allClauses;
  const index = new Map<Clause, number>(all.map((c, i) => [c, i]));
  const parents = new Int32Array(all.length).fill(-1);
  all.forEach((c, i) =>
    c.children.forEach((k) => {
      const j = index.get(k);
      if (j !== undefined) parents[j] = i;
    }),
  );
  const spans = new Int32Array(all.length * 4);
  all.forEach((c, i) => spans.set([c.span.start, c.span.end, c.headingSpan.start, c.headingSpan.end], i * 4));
  const terms = model.definedTerms.map((t): TermSummary => {
    const c = model.clauseAt(t.termSpan.start);
    const uses = new Int32Array(t.uses.length * 2);
    t.uses.forEach((u, i) => uses.set([u.start, u.end], i * 2));
    return { term: t.term, termSpan: t.termSpan, definition: t.definition, uses, definedIn: c ? (c.number ? `clause ${c.id}` : `“${c.title ?? c.headingText.trim()}”`) : undefined };
  });
  return {
    clauses: {
      labels: all.map((c) => outlineLabel(model, c).replace(/\u0000/g, ' ')).join('\u0000'),
      markers: Uint8Array.from(all, (c) => Math.max(0, MARKERS.indexOf(c.marker))),
      levels: Int32Array.from(all, (c) => c.level),
      parents,
      spans,
    },
    terms,
  };
}

const FIRST_WORDS = 6;

/** The clause's label; a clause with a number but no title gets its first words ("1.1 The Studio shall paint…"). */
export function outlineLabel(model: ContractModel, c: Clause): string {
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
