import type { SourceDocument } from '../document/sourceDocument';
import type { Span } from '../document/positions';

/** How a clause number is written, so a quick fix can write the next one the same way. */
export interface NumberFormat {
  kind: 'decimal' | 'alpha' | 'roman';
  upper: boolean;
  /** Text before the number: "(", "Section ", "ARTICLE ". */
  prefix: string;
  /** Text after it: ".", ")", "". */
  suffix: string;
}


/** How a clause's heading is written in the source, so inserted clauses can copy the style. */
export type ClauseMarker =
  | 'markdown-heading' // ## 12. Subcontracting
  | 'numbered' // 12.3 / 1.
  | 'lettered' // (a)
  | 'roman' // (iv)
  | 'article' // ARTICLE IV / Article 5 —
  | 'section-word' // Section 4.2
  | 'schedule' // SCHEDULE A / EXHIBIT B
  | 'caps-heading' // ALL-CAPS heading line
  | 'bold-run-in' // **Subcontracting.** text…
  | 'list-item'; // Markdown numbered list item used as a clause

export interface Clause {
  /** Stable within one parse: the number path when there is one ("12.3"), else a positional id. */
  id: string;
  /** The clause's own number as written, without punctuation: "12.3", "a", "iv", "IV", "A". */
  number?: string;
  title?: string;
  marker: ClauseMarker;
  /** Depth in the tree, 1 = top level. */
  level: number;
  /** The heading (or number + run-in title) only. */
  headingSpan: Span;
  numberSpan?: Span;
  titleSpan?: Span;
  /** From the heading to the end of the clause, children included. */
  span: Span;
  /** The heading line exactly as written (e.g. "## 12. Subcontracting", "(c) Payment."), for style copying. */
  headingText: string;
  /** How the number is written ("(", "c", ")"); with nextClauseNumber() gives "(d)" after "(c)". */
  numberFormat?: NumberFormat;
  children: Clause[];
  parentId?: string;
}

export interface Sentence {
  /** Source span, from the first to the last character of the sentence. */
  span: Span;
  /** The sentence with markup removed and line breaks / runs of spaces folded to one space. */
  text: string;
  /** Innermost clause that contains the sentence. */
  clauseId?: string;
}

export interface Party {
  /** Legal name as written: "Acme Animation Ltd." */
  name: string;
  nameSpan: Span;
  /** Defined role: "Producer", "Studio", "Company" when the contract defines one. */
  role?: string;
  roleSpan?: Span;
  /** "a Delaware corporation", etc. */
  description?: string;
  source: 'preamble' | 'signature' | 'cover';
}

export interface DefinedTerm {
  term: string;
  /** The quoted term where it is defined. */
  termSpan: Span;
  /** The defining sentence or parenthetical. */
  definitionSpan: Span;
  definition: string;
  uses: Span[];
}

/**
 * The document with Markdown markup removed (and, for both formats, kept 1:1 where nothing is removed),
 * with a map back to source offsets so rules can match "**not** subcontract" and names split by emphasis.
 */
export interface PlainText {
  readonly text: string;
  /** Source offset of plain-text offset i (for i == text.length, the end of the source). */
  toSource(plainOffset: number): number;
  /** Source span covering plain span [start, end). */
  toSourceSpan(start: number, end: number): Span;
}

export interface ContractModel {
  readonly doc: SourceDocument;
  readonly title?: { text: string; span: Span };
  /** Top-level clauses; each has children. */
  readonly clauses: Clause[];
  /** Every clause in document order. */
  readonly allClauses: Clause[];
  readonly paragraphs: Span[];
  readonly sentences: Sentence[];
  readonly parties: Party[];
  readonly definedTerms: DefinedTerm[];
  /** The operative text: what the rules read. Struck-out (`~~not~~`, `<del>`) and hidden text (HTML comments, `display:none`) is left out. */
  readonly plain: PlainText;
  /** The plain text with struck-out and hidden text kept: what name screening reads (a hidden name is still in the contract). Same as `plain` for plain text. */
  readonly allText: PlainText;
  /** Source spans of struck-out and hidden text (Markdown only), in order. */
  readonly hiddenSpans: Span[];
  /** Set when the model could not be built (the model is then empty): a message for logs, never shown as a finding. */
  readonly buildError?: string;
  /** Innermost clause containing a source offset. */
  clauseAt(offset: number): Clause | undefined;
  clauseById(id: string): Clause | undefined;
}
