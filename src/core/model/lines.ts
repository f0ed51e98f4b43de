/**
 * What the segmenters know about each source line. Plain text keeps every line break, so source line n
 * is plain line n in both formats; clause, sentence and party finders work line by line on the plain text.
 */
export type LineKind =
  | 'blank'
  | 'text'
  | 'heading' // Markdown ATX / setext heading
  | 'list' // Markdown list item (first line)
  | 'table' // table row (Markdown pipes)
  | 'code' // fenced code: never clauses or sentences
  | 'meta' // front matter, fences, rules, setext underlines, HTML comments: no text
  | 'noise'; // page numbers, "Source: …" footers, running headers of EDGAR text

export interface LineInfo {
  kind: LineKind;
  /** Source offsets of the line's content (line break excluded). */
  srcStart: number;
  srcEnd: number;
  /** Plain-text offsets of the same line. */
  plainStart: number;
  plainEnd: number;
  /** Markdown heading depth 1–6. */
  headingDepth?: number;
  /** Markdown list item: indentation (columns) and, for ordered lists, the number and delimiter. */
  list?: { indent: number; ordered: boolean; number?: string; delimiter?: string };
  /** A bold (strong) run at the very start of the line's text, in plain offsets. */
  leadingStrong?: { start: number; end: number };
}

/** Page numbers, "-2-", "Page 3 of 10", EDGAR "Source: …" footers, "Table of Contents". */
const FURNITURE = /^(?:[-–—]?\s*\d{1,3}\s*[-–—]?|page\s+\d+(?:\s+of\s+\d+)?|[ivxlc]{1,6}|source:\s.*|table of contents)$/i;

export function isPageFurniture(trimmed: string): boolean {
  return trimmed.length < 200 && FURNITURE.test(trimmed);
}

/** Lines of a plain-text document (identity plain map). Repeated long lines are running headers. */
export function plainTextLines(text: string, lineStarts: readonly number[]): LineInfo[] {
  const lines: LineInfo[] = [];
  const counts = new Map<string, number>();
  for (let n = 0; n < lineStarts.length; n++) {
    const start = lineStarts[n];
    let end = n + 1 < lineStarts.length ? lineStarts[n + 1] : text.length;
    if (end > start && text.charCodeAt(end - 1) === 10) end--;
    if (end > start && text.charCodeAt(end - 1) === 13) end--;
    const trimmed = text.slice(start, Math.min(end, start + 400)).trim();
    let kind: LineKind = trimmed.length === 0 || /^[\s\u0000\u200b-\u200f\ufeff]*$/.test(trimmed) ? 'blank' : 'text';
    if (kind === 'text' && isPageFurniture(trimmed)) kind = 'noise';
    if (kind === 'text' && trimmed.length >= 25 && trimmed.length < 300 && end - start < 400) counts.set(trimmed, (counts.get(trimmed) ?? 0) + 1);
    lines.push({ kind, srcStart: start, srcEnd: end, plainStart: start, plainEnd: end });
  }
  markTableOfContents(text, lines);
  // A line that recurs on many pages ("Confidential Materials omitted …") is a running header/footer.
  const repeated = new Set([...counts].filter(([t, c]) => c >= 3 && !/^\s*(?:\(?[0-9a-z]{1,4}(?:\.\d{1,3})*[.)]?\s|section\s|article\s)/i.test(t)).map(([t]) => t));
  if (repeated.size) {
    for (const l of lines) {
      if (l.kind !== 'text' || l.srcEnd - l.srcStart >= 400) continue;
      if (repeated.has(text.slice(l.srcStart, l.srcEnd).trim())) l.kind = 'noise';
    }
  }
  return lines;
}

/** A table of contents entry: "12. Confidentiality ........ 14", "ARTICLE 1 DEFINITIONS 2". */
const TOC_ENTRY = /(?:\.{4,}|\s)\s*\d{1,3}\s*$/;

/**
 * Lines of a table of contents (after "TABLE OF CONTENTS" / "CONTENTS" / "INDEX") are not clauses:
 * they become noise until the entries stop (three lines in a row that do not end with a page number).
 */
export function markTableOfContents(text: string, lines: LineInfo[]): void {
  for (let n = 0; n < lines.length; n++) {
    const l = lines[n];
    if (l.kind !== 'text' || l.srcEnd - l.srcStart > 120) continue;
    if (!/^\s*(?:TABLE\s+OF\s+CONTENTS|CONTENTS|INDEX)\b/i.test(text.slice(l.srcStart, l.srcEnd))) continue;
    l.kind = 'noise';
    let misses = 0;
    for (let k = n + 1; k < lines.length && misses < 3; k++) {
      const e = lines[k];
      if (e.kind === 'blank' || e.kind === 'noise') continue;
      const t = text.slice(Math.max(e.srcStart, e.srcEnd - 200), e.srcEnd).trim();
      if (TOC_ENTRY.test(t) || /^(?:page|section|article|clause)\s*$/i.test(t)) {
        e.kind = 'noise';
        misses = 0;
      } else misses++;
    }
  }
}
