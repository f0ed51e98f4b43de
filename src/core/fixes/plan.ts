import type { ContractFormat } from '../document/sourceDocument';
import type { Clause, ContractModel } from '../model/types';
import { nextNumber } from './nextNumber';

/**
 * Where and in what style a clause is inserted. Computed by the rules when they report a finding
 * (stored in finding.data.fix.insertion) so quick fixes never re-analyse the document.
 */
export interface InsertionPlan {
  offset: number;
  /** child: next sub-clause of the anchor; sibling: next clause after the anchor's last sibling;
   *  paragraph: run-in paragraph at the end of the anchor; top-level: next top-level clause; end: end of the body. */
  where: 'child' | 'sibling' | 'paragraph' | 'top-level' | 'end';
  /** Number for the new clause when the surroundings are numbered ("12.4", "d", "14"). */
  number?: string;
  /** Heading copied from the neighbour, with {number} and {title} slots: "## {number}. {title}". */
  heading?: string;
  /** The body continues on the heading line ("12.4 Subcontracting. The Studio shall …"). */
  runIn: boolean;
  upperTitle: boolean;
  /** Leading whitespace for every line of the inserted clause (nested Markdown lists). */
  indent: string;
  eol: '\n' | '\r\n';
  format: ContractFormat;
  /** The clause the new one directly follows (for the quick-fix title: "after 12.3"). */
  afterClauseId?: string;
  afterClauseLabel?: string;
  anchorClauseId?: string;
}

const WITNESS = /^[ \t>*_#]*(?:IN WITNESS WHEREOF|IN WITNESS THEREOF|\[?signature page follows|signatures?\s*:?\s*$|\[signature)/im;
const NUMBERED: ReadonlySet<Clause['marker']> = new Set(['markdown-heading', 'numbered', 'lettered', 'roman', 'article', 'section-word', 'list-item', 'bold-run-in']);

export function planInsertion(model: ContractModel, anchor?: Clause): InsertionPlan {
  const text = model.doc.text;
  const eol: InsertionPlan['eol'] = text.includes('\r\n') ? '\r\n' : '\n';
  const base = { eol, format: model.doc.format, anchorClauseId: anchor?.id } as const;
  const bodyEnd = signatureStart(text);

  if (anchor) {
    const kids = anchor.children.filter((c) => c.number && NUMBERED.has(c.marker));
    if (kids.length) return afterSibling(model, kids[kids.length - 1], anchor.span.end, 'child', base, bodyEnd, styleSource(kids));
    const parent = anchor.parentId ? model.clauseById(anchor.parentId) : undefined;
    if (parent && anchor.number) {
      const sibs = parent.children.filter((c) => c.number && c.marker === anchor.marker);
      const last = sibs[sibs.length - 1] ?? anchor;
      return afterSibling(model, last, parent.span.end, 'sibling', base, bodyEnd, styleSource(sibs, anchor));
    }
    const tops = model.clauses.filter((c) => c.number && NUMBERED.has(c.marker) && c.marker === anchor.marker);
    if (anchor.number && tops[tops.length - 1] === anchor) return afterSibling(model, anchor, anchor.span.end, 'top-level', base, bodyEnd);
    return {
      ...base,
      where: 'paragraph',
      offset: contentEnd(text, anchor.span.start, Math.min(anchor.span.end, bodyEnd)),
      runIn: true,
      upperTitle: false,
      indent: paragraphIndent(model, anchor),
      afterClauseId: anchor.id,
      afterClauseLabel: label(anchor),
    };
  }
  const tops = model.clauses.filter((c) => c.number && NUMBERED.has(c.marker) && c.span.start < bodyEnd);
  if (tops.length) {
    const last = tops[tops.length - 1];
    return afterSibling(model, last, last.span.end, 'top-level', base, bodyEnd);
  }
  return { ...base, where: 'end', offset: contentEnd(text, 0, bodyEnd), runIn: true, upperTitle: false, indent: '' };
}

function afterSibling(
  model: ContractModel,
  sibling: Clause,
  limit: number,
  where: InsertionPlan['where'],
  base: Pick<InsertionPlan, 'eol' | 'format' | 'anchorClauseId'>,
  bodyEnd: number,
  style: Clause = sibling,
): InsertionPlan {
  const text = model.doc.text;
  const number = sibling.number ? nextNumberFor(sibling) : undefined;
  const pattern = headingPattern(style);
  // "12. ASSIGNMENT. Neither…" / "7.1 **Assignment.** …": the run-in title's full stop (and closing
  // emphasis) lie outside the heading span.
  const punct = /^(?:[.:](?:\*\*|__|\*|_)?|(?:\*\*|__|\*|_)[.:]?)(?=\s)/.exec(text.slice(style.headingSpan.end, style.headingSpan.end + 4));
  const heading = punct && !/[.:]$/.test(pattern.heading) ? pattern.heading + punct[0] : pattern.heading;
  const upperTitle = pattern.upperTitle;
  const lineEnd = text.indexOf('\n', style.headingSpan.end);
  const restOfLine = text.slice(style.headingSpan.end, lineEnd < 0 ? text.length : lineEnd);
  const end = Math.min(Math.max(sibling.span.end, limit), bodyEnd > sibling.span.start ? bodyEnd : text.length);
  return {
    ...base,
    where,
    offset: contentEnd(text, sibling.span.start, end),
    number: number ?? undefined,
    heading: number ? heading : undefined,
    runIn: style.marker !== 'markdown-heading' && restOfLine.trim().length > 0,
    upperTitle,
    indent: lineIndent(text, sibling.headingSpan.start),
    afterClauseId: sibling.id,
    afterClauseLabel: label(sibling),
  };
}


/** The sibling whose heading shows the style best: one with a title (the anchor first), else the last. */
function styleSource(siblings: Clause[], anchor?: Clause): Clause {
  const titled = [anchor, ...[...siblings].reverse()].find((c) => c && c.title && c.marker === siblings[siblings.length - 1].marker);
  return titled ?? siblings[siblings.length - 1];
}

function nextNumberFor(c: Clause): string | undefined {
  return nextNumber(c.number!, c.marker === 'roman');
}

/** "## 12.3 Assignment" → "## {number} {title}"; ALL-CAPS titles stay ALL CAPS. */
export function headingPattern(c: Clause): { heading: string; upperTitle: boolean } {
  let h = c.headingText.replace(/\r?\n[\s\S]*$/, '');
  const upperTitle = !!c.title && /[A-Z]/.test(c.title) && c.title === c.title.toUpperCase();
  if (c.number) {
    const i = h.indexOf(c.number);
    if (i >= 0) h = h.slice(0, i) + '{number}' + h.slice(i + c.number.length);
  }
  const numAt = Math.max(0, h.indexOf('{number}'));
  const title = c.title?.trim();
  if (title) {
    const ti = h.indexOf(title, numAt);
    if (ti >= 0) h = h.slice(0, ti) + '{title}' + h.slice(ti + title.length);
    else h = h.trimEnd() + ' {title}';
  } else if (!h.includes('{title}')) {
    h = h.trimEnd() + ' {title}' + (c.marker === 'markdown-heading' ? '' : '.');
  }
  return { heading: h.replace(/^[ \t]+/, ''), upperTitle };
}

function label(c: Clause): string {
  return [c.number, c.title].filter(Boolean).join(' ') || c.headingText.trim().slice(0, 40);
}

function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const lead = text.slice(start, offset);
  return /^[ \t]*$/.test(lead) ? lead : '';
}

function paragraphIndent(model: ContractModel, c: Clause): string {
  const indent = lineIndent(model.doc.text, c.headingSpan.start);
  return c.marker === 'list-item' ? indent + ' '.repeat((c.number?.length ?? 1) + 2) : indent;
}

/** End of the last non-blank character in [start, end). */
export function contentEnd(text: string, start: number, end: number): number {
  let i = Math.min(end, text.length);
  while (i > start && /\s/.test(text[i - 1])) i--;
  return i;
}

function signatureStart(text: string): number {
  const m = WITNESS.exec(text);
  return m && m.index > text.length * 0.3 ? m.index : text.length;
}
