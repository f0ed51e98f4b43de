import type { Span } from '../document/positions';
import type { LineInfo } from './lines';
import { readNumber, type NumberReading } from './numbering';
import { isCapsHeadingLine, runInTitle, type TitleRange } from './titles';
import type { Clause, ClauseMarker, NumberFormat, PlainText } from './types';

/**
 * The clause tree. Two passes: (1) every place that could start a clause becomes a candidate — Markdown
 * headings and ordered list items, numbers at the start of a line ("12.3", "(c)", "ARTICLE IV",
 * "Section 4.2", "SCHEDULE A"), ALL-CAPS and bold run-in headings, and numbers after a sentence end
 * inside a line (EDGAR text often has a whole page on one line); (2) candidates are accepted in order
 * against a stack of open clauses: a number that continues a sequence (12.4 after 12.3, (d) after (c))
 * or starts one ((a), (i), 1.1 under 1) is taken; a line-start candidate is also taken when the sequence
 * has a gap; an in-line candidate only when it continues a sequence exactly.
 */
interface Candidate {
  marker: ClauseMarker;
  /** Line start or heading: trusted more than a number found inside running text. */
  strong: boolean;
  token?: string;
  readings: NumberReading[];
  prefix: string;
  suffix: string;
  /** Plain offsets. */
  start: number;
  headEnd: number;
  number?: TitleRange;
  title?: TitleRange;
  mdDepth?: number;
  listIndent?: number;
  /** Unnumbered headings (caps, bold) never adopt children. */
  leaf: boolean;
  /** Heading line: its span is the whole source line. */
  lineSpan?: Span;
  /** Source offset where the line's text starts, so leading markup ("**", "<span>") is in the heading. */
  srcStart?: number;
}

interface Open {
  cand: Candidate;
  reading?: NumberReading;
  family: string;
  path?: number[];
  clause: Clause;
}

const ARTICLE = /^(ARTICLE|Article)\s+([IVXLC]{1,7}|\d{1,3}|[A-Z])\b\.?/;
const SECTION = /^(SECTION|Section|Sec\.|§{1,2})\s*(\d{1,3}(?:\.\d{1,3}){0,5}[a-z]?)\.?(?=[\s:—–-]|$)/;
const SCHEDULE = /^(SCHEDULE|EXHIBIT|ANNEX|APPENDIX|ATTACHMENT|ADDENDUM|Schedule|Exhibit|Annex|Appendix|Attachment|Addendum)\s+([A-Z]{1,2}|\d{1,3}|[A-Z]-?\d{1,3}|\d{1,3}\.\d{1,2})\b\.?/;
const DECIMAL = /^(\d{1,3}(?:\.\d{1,3}){0,5})(\.|\))?(?=\s|$)|^(\d{1,2})(\.)(?=\p{Lu}\p{Ll})/u;
const PAREN = /^\(([a-z]{1,4}|[A-Z]{1,4}|\d{1,3})\)(?=\s|$)/;
const LETTER = /^([a-z]|[A-Z]|[ivxl]{2,6}|[IVXL]{2,6})([.)])(?=\s)/;
const INLINE = /([.:])["”’)]?[ \t\u00a0]{1,8}(?:(\d{1,3}(?:\.\d{1,3}){1,5})\.?|(\d{1,2})\.|\(([a-z]{1,3}|[A-Z]{1,2}|\d{1,2})\)|(SECTION|Section|ARTICLE|Article)\s+(\d{1,3}(?:\.\d{1,3}){0,4}|[IVXLC]{1,7})\.?)[ \t\u00a0]+(?=[A-Z"“(])/g;
// "1.0 Services 1.1. Client requires …": a sub-clause number right after an unpunctuated title.
const INLINE_AFTER_TITLE = /[ \t](\d{1,3}\.\d{1,3})\.?[ \t]+(?=\p{Lu}\p{Ll})/gu;
const REFERENCE_WORD = /\b(?:[Ss]ections?|[Aa]rticles?|[Cc]lauses?|[Ss]chedules?|[Ee]xhibits?|[Pp]aragraphs?|[Aa]nnex|and|or|to|of|in|under|through|No\.?)$/;
const INLINE_TIGHT = /([.:;])[ \t]{1,8}(\d{1,2})\.(?=\p{Lu}\p{Ll})/gu;
const MAX_DEPTH = 12;
const WITNESS = /^\s*(?:IN WITNESS WHEREOF|IN WITNESS THEREOF|In Witness Whereof)/;

export interface ClauseResult {
  roots: Clause[];
  all: Clause[];
  /** Plain-text [start, end) of every accepted heading, in document order (sentences skip them). */
  heads: [number, number][];
  title?: { text: string; span: Span };
}

export function findClauses(source: string, plain: PlainText, lines: LineInfo[], markdown: boolean): ClauseResult {
  const p = plain.text;
  const cands: Candidate[] = [];
  listNumbers = new ListNumbers();
  let prevEndsSentence = true;
  let afterWitness = false;
  let endOfBody = p.length;
  for (let n = 0; n < lines.length; n++) {
    const info = lines[n];
    if (info.kind === 'blank' || info.kind === 'meta') {
      if (info.kind === 'blank') prevEndsSentence = true;
      continue;
    }
    if (info.kind === 'noise' || info.kind === 'code' || info.kind === 'table') continue;
    if (info.kind === 'heading' || (info.kind === 'text' && info.srcStart < info.srcEnd && !/^[ \t]/.test(source[info.srcStart]))) listNumbers.reset();
    const line = p.slice(info.plainStart, Math.min(info.plainEnd, info.plainStart + 20000));
    let lead = line.length - line.trimStart().length;
    // "-2-    3 8.  LIABILITY": a page number run into the next clause's line.
    const furniture = markdown ? null : /^(?:[-–—]\s?\d{1,3}\s?[-–—]\s+(?:\d{1,3}\s+)?|\d{1,3}\s{2,})(?=\d{1,3}\.\s+\S)/.exec(line.slice(lead));
    if (furniture) lead += furniture[0].length;
    const at = info.plainStart + lead;
    const body = line.slice(lead);
    if (!afterWitness && WITNESS.test(body)) {
      afterWitness = true;
      endOfBody = at;
    } else if (afterWitness && /^(?:1\.\s+\S|ARTICLE\s+(?:1|I)\b|(?:STANDARD\s+)?TERMS\s+AND\s+CONDITIONS\s*$)/.test(body)) {
      // A signature page in front of the terms (cover-page contracts): the body starts again.
      afterWitness = false;
      endOfBody = p.length;
    }
    const lineStart: boolean = prevEndsSentence || info.kind === 'heading' || info.kind === 'list';
    // "Exhibit 10.7" on the first line is the filing's exhibit label, not a schedule of the contract.
    // EDGAR's "EXHIBIT 10.17" label on top of the filing is not a schedule of the contract.
    const exhibitLabel = cands.length === 0 && at < 400 && /^(?:EXHIBIT|Exhibit)\s+\d+(?:\.\d+|\b(?!\s*[.:—–-]?\s*$))/.test(body);
    const found: Candidate | undefined = exhibitLabel ? undefined : lineCandidate(info, body, at, lineStart, markdown, lines, n, p, afterWitness);
    if (found && markdown && !found.lineSpan) found.srcStart = sourceLineStart(source, info);
    if (found) cands.push(found);
    if (!afterWitness && body.length > 20) inlineCandidates(body, at, found ? found.headEnd - at : 0, cands);
    const trimmed = body.trimEnd();
    prevEndsSentence = info.kind === 'heading' || /[.:;!?)"”’]$/.test(trimmed) || (found !== undefined && found.headEnd >= at + trimmed.length) || isCapsHeadingLine(trimmed);
  }
  const title = documentTitle(source, plain, lines, cands, markdown);
  if (title) {
    // The document title is not a clause.
    const i = cands.findIndex((c) => c.start === title.plainStart);
    if (i >= 0 && !cands[i].token) cands.splice(i, 1);
  }
  const { roots, all, heads } = buildTree(cands, source, plain, endOfBody);
  return { roots, all, heads, title: title ? { text: title.text, span: title.span } : undefined };
}

/** Rendered numbers of Markdown ordered lists, per indentation. */
class ListNumbers {
  private byIndent = new Map<number, number>();
  next(indent: number, written: number): number {
    for (const k of [...this.byIndent.keys()]) if (k > indent) this.byIndent.delete(k);
    const prev = this.byIndent.get(indent);
    // Lazy numbering ("1. 1. 1.") continues the list; any other number is taken as written.
    const n = prev !== undefined && (written === 1 || written === prev) ? prev + 1 : written;
    this.byIndent.set(indent, n);
    return n;
  }
  reset(): void {
    this.byIndent.clear();
  }
}
let listNumbers = new ListNumbers();

function lineCandidate(
  info: LineInfo,
  body: string,
  at: number,
  lineStart: boolean,
  markdown: boolean,
  lines: LineInfo[],
  n: number,
  p: string,
  afterWitness: boolean,
): Candidate | undefined {
  if (info.kind === 'heading') {
    const c = numberedCandidate(body, at, true, true) ?? {
      marker: 'markdown-heading' as ClauseMarker,
      strong: true,
      readings: [],
      prefix: '',
      suffix: '',
      start: at,
      headEnd: at + body.trimEnd().length,
      title: body.trim() ? { start: at, end: at + body.trimEnd().length } : undefined,
      leaf: false,
    };
    c.marker = 'markdown-heading';
    c.mdDepth = info.headingDepth;
    c.lineSpan = { start: info.srcStart, end: info.srcEnd };
    c.leaf = false;
    return c;
  }
  if (info.kind === 'list' && info.list?.ordered && info.list.number !== undefined) {
    const number = info.list.number;
    const effective = listNumbers.next(info.list.indent, Number(number));
    const rest = body.slice(number.length + 1);
    const restAt = at + number.length + 1;
    const lead = info.leadingStrong;
    // A bold quoted term ("**"Affiliate"** means …") is a definition, not a title.
    const strong = lead && lead.start >= restAt && lead.start <= restAt + 2 && !/^["“‘']/.test(p.slice(lead.start, lead.start + 1)) ? lead : undefined;
    const t = strong ? { start: strong.start - restAt, end: strong.end - restAt } : runInTitle(rest, true);
    const title = t ? trimTitle(p, restAt + t.start, restAt + t.end) : undefined;
    return {
      marker: 'list-item',
      strong: true,
      token: number,
      // Markdown renumbers "1. 1. 1." as 1, 2, 3: the tree follows what the reader sees.
      readings: readNumber(String(effective)),
      prefix: '',
      suffix: info.list.delimiter ?? '.',
      start: at,
      headEnd: title ? title.end : at + number.length + 1,
      number: { start: at, end: at + number.length },
      title,
      listIndent: info.list.indent,
      leaf: false,
    };
  }
  if (info.kind !== 'text' && info.kind !== 'list') return undefined;
  if (!lineStart) return undefined;
  if (afterWitness && !SCHEDULE.test(body)) return undefined;
  const numbered = numberedCandidate(body, at, false, true, lines, n, p);
  if (numbered) return numbered;
  if (markdown && info.leadingStrong && info.leadingStrong.start <= at + 1) {
    const s = info.leadingStrong;
    const inner = p.slice(s.start, s.end);
    const after = p.slice(s.end, s.end + 2);
    const wholeLine = p.slice(s.end, info.plainEnd).trim() === '';
    if (!/^["“‘']/.test(inner) && inner.length <= 100 && (/[.:]\s*$/.test(inner) || /^[.:]/.test(after) || wholeLine)) {
      const title = trimTitle(p, s.start, s.end);
      if (title) return { marker: 'bold-run-in', strong: true, readings: [], prefix: '', suffix: '', start: at, headEnd: s.end + (/^[.:]/.test(after) ? 1 : 0), title, leaf: true };
    }
  }
  if (isCapsHeadingLine(body) && !/^\W*$/.test(body) && !/^["“‘']/.test(body)) {
    const end = at + body.trimEnd().length;
    return { marker: 'caps-heading', strong: true, readings: [], prefix: '', suffix: '', start: at, headEnd: end, title: trimTitle(p, at, end), leaf: true };
  }
  return undefined;
}

/** "ARTICLE IV — Title", "Section 4.2 Title", "SCHEDULE A", "12.3 Title.", "(c) Text", "a. Text" at the start of `body`. */
function numberedCandidate(body: string, at: number, heading: boolean, strong: boolean, lines?: LineInfo[], n?: number, p?: string): Candidate | undefined {
  let m: RegExpExecArray | null;
  let marker: ClauseMarker;
  let token: string;
  let prefix = '';
  let suffix = '';
  let tokenAt: number;
  if ((m = ARTICLE.exec(body))) {
    marker = 'article';
    token = m[2];
    prefix = m[1] + ' ';
    tokenAt = m[0].indexOf(token, m[1].length);
    suffix = m[0].endsWith('.') ? '.' : '';
  } else if ((m = SECTION.exec(body))) {
    marker = 'section-word';
    token = m[2];
    prefix = body.slice(0, m[0].indexOf(token, m[1].length));
    tokenAt = prefix.length;
    suffix = m[0].endsWith('.') ? '.' : '';
  } else if ((m = SCHEDULE.exec(body))) {
    marker = 'schedule';
    token = m[2];
    prefix = body.slice(0, m[0].indexOf(token, m[1].length));
    tokenAt = prefix.length;
    suffix = m[0].endsWith('.') ? '.' : '';
    // "Exhibit A attached hereto" starting a wrapped line is a reference, not a heading.
    const rest = body.slice(m[0].length);
    if (!heading && /^\s+\p{Ll}/u.test(rest) && !/^[A-Z]+$/.test(m[1])) return undefined;
  } else if ((m = DECIMAL.exec(body))) {
    marker = heading ? 'markdown-heading' : 'numbered';
    token = m[1] ?? m[3];
    suffix = m[2] ?? m[4] ?? '';
    tokenAt = 0;
    const parts = token.split('.');
    if (!heading && parts.length === 1 && !suffix) return undefined; // "2" alone is a page number
    if (Number(parts[0]) > 300 || (parts.length === 1 && Number(parts[0]) === 0)) return undefined;
  } else if ((m = PAREN.exec(body))) {
    marker = /^\d/.test(m[1]) ? 'numbered' : 'lettered';
    token = m[1];
    prefix = '(';
    suffix = ')';
    tokenAt = 1;
  } else if ((m = LETTER.exec(body))) {
    marker = 'lettered';
    token = m[1];
    suffix = m[2];
    tokenAt = 0;
  } else return undefined;
  const readings = dotZero(readNumber(token));
  if (readings.length === 0) return undefined;
  if (marker === 'lettered' && readings[0].kind === 'roman' && readings.every((r) => r.kind === 'roman')) marker = 'roman';
  const restAt = m[0].length;
  const rest = body.slice(restAt);
  // After the number: a separator, the end of the line, or a capitalised word / quote / parenthesis.
  const sep = /^\s*[:—–-]\s*/.exec(rest);
  const afterSep = sep ? rest.slice(sep[0].length) : rest;
  const afterAt = restAt + (sep ? sep[0].length : 0);
  // Lettered items may start in lower case ("(i) the Supplier …"); numbers must not ("1.5 million").
  const lowerOk = marker === 'lettered' || marker === 'roman' || prefix === '(';
  if (!heading && !sep && rest.trim() !== '' && !/^\s*["“‘(\[\p{Lu}\d§$]/u.test(rest) && !(lowerOk && /^\s+\p{Ll}/u.test(rest))) return undefined;
  let title: TitleRange | undefined;
  let headEnd = at + m[0].length;
  if (heading) {
    const t = afterSep.trim() ? { start: afterSep.length - afterSep.trimStart().length, end: afterSep.trimEnd().length } : undefined;
    title = t ? { start: at + afterAt + t.start, end: at + afterAt + t.end } : undefined;
    headEnd = at + body.trimEnd().length;
  } else if (afterSep.trim() === '' && lines && n !== undefined && p) {
    // "ARTICLE 1" / "1." alone on its line: the title is the next short line.
    const next = nextTextLine(lines, n);
    if (next) {
      const nl = p.slice(next.plainStart, next.plainEnd);
      const t = nl.trim();
      const numberedLine = ARTICLE.test(t) || SECTION.test(t) || SCHEDULE.test(t) || DECIMAL.test(t) || PAREN.test(t) || LETTER.test(t);
      if (t && t.length <= 90 && !numberedLine && /\p{L}/u.test(t) && (isCapsHeadingLine(t) || runInTitle(t, true))) {
        const s = next.plainStart + (nl.length - nl.trimStart().length);
        title = trimTitle(p, s, s + t.length);
        if (title) headEnd = title.end;
      }
    }
  } else {
    const t = runInTitle(afterSep, strong && (marker === 'article' || marker === 'section-word' || marker === 'schedule' || afterSep.length < 60));
    if (t) {
      title = { start: at + afterAt + t.start, end: at + afterAt + t.end };
      headEnd = title.end;
    }
  }
  return {
    marker,
    strong,
    token,
    readings,
    prefix,
    suffix,
    start: at,
    headEnd,
    number: { start: at + tokenAt, end: at + tokenAt + token.length },
    title,
    leaf: false,
  };
}

function nextTextLine(lines: LineInfo[], n: number): LineInfo | undefined {
  for (let k = n + 1; k < lines.length && k < n + 6; k++) {
    if (lines[k].kind === 'blank' || lines[k].kind === 'noise') continue;
    return lines[k].kind === 'text' ? lines[k] : undefined;
  }
  return undefined;
}

function trimTitle(p: string, start: number, end: number): TitleRange | undefined {
  while (start < end && /\s/.test(p[start])) start++;
  while (end > start && /[\s.:;,—–-]/.test(p[end - 1])) end--;
  return end > start ? { start, end } : undefined;
}

/** Numbers after a sentence end inside a line: "… as follows: 1. Services. 1.1 Provision of Services. (a) Provider …". */
function inlineCandidates(body: string, at: number, skip: number, out: Candidate[]): void {
  INLINE_AFTER_TITLE.lastIndex = skip;
  for (let m = INLINE_AFTER_TITLE.exec(body); m; m = INLINE_AFTER_TITLE.exec(body)) {
    if (REFERENCE_WORD.test(body.slice(Math.max(0, m.index - 12), m.index))) continue;
    const numStart = m.index + 1;
    const token = m[1];
    const restAt = m.index + m[0].length;
    const t = runInTitle(body.slice(restAt, restAt + 300), false);
    out.push({
      marker: 'numbered', strong: false, token, readings: dotZero(readNumber(token)), prefix: '', suffix: body[numStart + token.length] === '.' ? '.' : '',
      start: at + numStart, headEnd: t ? at + restAt + t.end : at + restAt, number: { start: at + numStart, end: at + numStart + token.length },
      title: t ? { start: at + restAt + t.start, end: at + restAt + t.end } : undefined, leaf: false,
    });
  }
  // "…; 2.Upon completion …": numbers written without a space.
  INLINE_TIGHT.lastIndex = skip;
  for (let m = INLINE_TIGHT.exec(body); m; m = INLINE_TIGHT.exec(body)) {
    const numStart = m.index + m[0].indexOf(m[2], 1);
    out.push({
      marker: 'numbered', strong: false, token: m[2], readings: readNumber(m[2]), prefix: '', suffix: '.',
      start: at + numStart, headEnd: at + numStart + m[2].length + 1, number: { start: at + numStart, end: at + numStart + m[2].length }, leaf: false,
    });
  }
  INLINE.lastIndex = skip;
  for (let m = INLINE.exec(body); m; m = INLINE.exec(body)) {
    const numStart = m.index + m[0].search(/[\d(SA]/);
    let token: string;
    let prefix = '';
    let suffix = '';
    let marker: ClauseMarker = 'numbered';
    let tokenAt = numStart;
    if (m[2]) {
      token = m[2];
      suffix = body[numStart + token.length] === '.' ? '.' : '';
    } else if (m[3]) {
      token = m[3];
      suffix = '.';
    } else if (m[4]) {
      if (m[1] !== '.' && m[1] !== ':') continue;
      token = m[4];
      prefix = '(';
      suffix = ')';
      tokenAt = numStart + 1;
      marker = /^\d/.test(token) ? 'numbered' : 'lettered';
    } else {
      token = m[6];
      const word = m[5];
      marker = /^article$/i.test(word) ? 'article' : 'section-word';
      prefix = word + ' ';
      tokenAt = numStart + word.length + body.slice(numStart + word.length).search(/\S/);
    }
    const readings = dotZero(readNumber(token));
    if (!readings.length) continue;
    if (marker === 'lettered' && readings.every((r) => r.kind === 'roman')) marker = 'roman';
    const headStart = numStart;
    const restAt = m.index + m[0].length;
    const t = runInTitle(body.slice(restAt, restAt + 300), false);
    const title = t ? { start: at + restAt + t.start, end: at + restAt + t.end } : undefined;
    // "Section 8.2 (Damages Waiver) does not apply" is a cross-reference; an in-line heading has a title.
    if ((marker === 'section-word' || marker === 'article') && !title) continue;
    out.push({
      marker,
      strong: false,
      token,
      readings,
      prefix,
      suffix,
      start: at + headStart,
      headEnd: title ? title.end : at + restAt,
      number: { start: at + tokenAt, end: at + tokenAt + token.length },
      title,
      leaf: false,
    });
  }
}

/** "1.0 Services" is section 1 written the "1.0, 1.1, 1.2" way. */
function dotZero(readings: NumberReading[]): NumberReading[] {
  return readings.map((r) =>
    r.path && r.path.length === 2 && r.path[1] === 0 ? { ...r, path: [r.path[0]], value: r.path[0] } : r,
  );
}

function familyOf(c: Candidate, r?: NumberReading): string {
  if (c.mdDepth !== undefined) return `h${c.mdDepth}`;
  if (c.marker === 'caps-heading' || c.marker === 'bold-run-in') return c.marker;
  if (c.marker === 'schedule') return 'schedule';
  if (c.marker === 'article') return 'article';
  if (!r) return 'none';
  if (c.marker === 'list-item') return `list${c.listIndent ?? 0}`;
  if (r.kind === 'decimal') return c.prefix === '(' ? 'dec()' : `dec${r.path?.length ?? 1}`;
  return `${r.kind}${r.upper ? 'U' : 'l'}${c.prefix.trim()}${c.suffix}`;
}

const samePath = (a?: number[], b?: number[]) => !!a && !!b && a.length === b.length && a.every((v, i) => v === b[i]);

function buildTree(cands: Candidate[], source: string, plain: PlainText, endOfBody: number): { roots: Clause[]; all: Clause[]; heads: [number, number][] } {
  const heads: [number, number][] = [];
  cands.sort((a, b) => a.start - b.start || (a.strong === b.strong ? 0 : a.strong ? -1 : 1));
  // "EXHIBITS  A …  B …" listed in front of the contract is an index, not the schedules themselves.
  const firstBody = cands.find((c) => c.strong && c.token !== undefined && c.marker !== 'schedule')?.start ?? Infinity;
  cands = cands.filter((c) => !(c.marker === 'schedule' && c.start < firstBody && c.start < plain.text.length * 0.15));
  const roots: Clause[] = [];
  const all: Clause[] = [];
  const stack: Open[] = [];
  let lastStart = -1;
  for (const c of cands) {
    if (c.start < lastStart || (c.start === lastStart && !c.strong)) continue;
    const placed = place(c, stack);
    if (!placed) continue;
    lastStart = c.start;
    heads.push([c.start, c.headEnd]);
    const { reading } = placed;
    // No real contract nests deeper than this; capping keeps odd input from building a pathological tree.
    const parentIndex = Math.min(placed.parentIndex, MAX_DEPTH - 2);
    stack.length = parentIndex + 1;
    const parent = parentIndex >= 0 ? stack[parentIndex] : undefined;
    const clause = makeClause(c, reading, parent, source, plain);
    const path = reading?.kind === 'decimal'
      ? c.marker === 'list-item' && parent?.path && (reading.path?.length ?? 1) === 1 ? [...parent.path, reading.value] : reading.path
      : c.marker === 'article' && reading ? [reading.value] : undefined;
    if (parent) {
      clause.parentId = parent.clause.id;
      parent.clause.children.push(clause);
    } else roots.push(clause);
    all.push(clause);
    stack.push({ cand: c, reading, family: familyOf(c, reading), path, clause });
    clause.level = stack.length;
  }
  assignIds(roots);
  assignSpans(all, source, plain, endOfBody);
  return { roots, all, heads };
}

/** Where a candidate goes: index of its parent on the stack (-1 = top level), or undefined = reject. */
function place(c: Candidate, stack: Open[]): { parentIndex: number; reading?: NumberReading } | undefined {
  // Unnumbered headings close leaf headings above them.
  const top = () => {
    let i = stack.length - 1;
    while (i >= 0 && stack[i].cand.leaf) i--;
    return i;
  };
  if (c.mdDepth !== undefined) {
    let i = stack.length - 1;
    while (i >= 0 && !(stack[i].cand.mdDepth !== undefined && stack[i].cand.mdDepth! < c.mdDepth)) i--;
    return { parentIndex: i, reading: c.readings[0] };
  }
  if (c.marker === 'schedule') return { parentIndex: -1, reading: c.readings[0] };
  if (c.marker === 'article') {
    // Articles are top-level (under a Markdown heading or schedule at most): the next article, or a new one.
    const r = c.readings.find((x) => x.kind !== 'alpha') ?? c.readings[0];
    for (let i = stack.length - 1; i >= 0; i--) {
      const e = stack[i];
      if (e.cand.marker === 'article' && e.reading && (r.value === e.reading.value + 1 || (c.strong && r.value > e.reading.value))) return { parentIndex: i - 1, reading: r };
    }
    if (!c.strong && r.value !== 1) return undefined;
    let i = stack.length - 1;
    while (i >= 0 && !(stack[i].cand.mdDepth !== undefined || stack[i].cand.marker === 'schedule')) i--;
    return { parentIndex: i, reading: r };
  }
  if (c.leaf) {
    // Caps / bold headings are leaves under the clause they appear in; they close no numbered clause.
    return { parentIndex: top() };
  }
  const t = top();
  for (const r of c.readings) {
    const fam = familyOf(c, r);
    // 1. The next sibling of an open clause.
    for (let i = t; i >= 0; i--) {
      const e = stack[i];
      if (e.family !== fam || !e.reading) continue;
      if (r.kind === 'decimal' && r.path && r.path.length > 1 && !samePath(e.reading.path?.slice(0, -1), r.path.slice(0, -1))) continue;
      const gap = r.value - e.reading.value;
      if (gap === 1 || (c.strong && gap > 1 && gap <= 3)) return { parentIndex: i - 1, reading: r };
      // "(a)" right after "(a)": the list restarts at the same level rather than nesting.
      if (gap === 0 && r.value === 1 && i === t) return { parentIndex: i - 1, reading: r };
    }
  }
  for (const r of c.readings) {
    // 2. A decimal child of the clause numbered by its prefix: 4.1 under 4 / ARTICLE IV.
    if (r.kind === 'decimal' && r.path && r.path.length > 1 && c.prefix !== '(') {
      const parentPath = r.path.slice(0, -1);
      for (let i = t; i >= 0; i--) {
        if (samePath(stack[i].path, parentPath) && (r.value <= 1 || c.strong)) return { parentIndex: i, reading: r };
      }
    }
    // 3. The first item of a new list: (a), (i), 1., A.
    if ((r.value === 1 || (r.kind === 'decimal' && r.value === 0)) && (!r.path || r.path.length === 1)) {
      // An enumeration inside a sentence before any clause ("appoints X as: (1) …") is not a clause.
      if (!c.strong && t < 0 && (c.prefix === '(' || r.kind !== 'decimal')) continue;
      // "1." starts a list under a heading, article, schedule or numbered clause — not under an "(a)".
      if (r.kind === 'decimal' && c.prefix !== '(') {
        // A "1." while a "1., 2., 3." list is open restarts that list (e.g. after a caps heading).
        const fam = familyOf(c, r);
        for (let j = t; j >= 0; j--) if (stack[j].family === fam) return { parentIndex: j - 1, reading: r };
        let i = t;
        while (i >= 0 && !(stack[i].cand.mdDepth !== undefined || stack[i].path || stack[i].cand.marker === 'schedule' || stack[i].cand.marker === 'list-item')) i--;
        return { parentIndex: i, reading: r };
      }
      return { parentIndex: t, reading: r };
    }
  }
  if (!c.strong) return undefined;
  // 4. A line-start number after a gap in the sequence: sibling of the deepest clause of its family, else by depth.
  for (const r of c.readings) {
    const fam = familyOf(c, r);
    for (let i = t; i >= 0; i--) if (stack[i].family === fam && r.value > (stack[i].reading?.value ?? 0)) return { parentIndex: i - 1, reading: r };
  }
  const r = c.readings[0];
  if (r?.kind === 'decimal' && r.path) {
    if (c.marker === 'section-word' || c.marker === 'numbered' || c.marker === 'list-item') {
      // Under the deepest open clause with a shorter number path, or at the top.
      for (let i = t; i >= 0; i--) {
        const e = stack[i];
        if (e.cand.mdDepth !== undefined || e.cand.marker === 'article' || e.cand.marker === 'schedule') return { parentIndex: i, reading: r };
        if (e.path && e.path.length < r.path.length) return { parentIndex: i, reading: r };
      }
      return { parentIndex: -1, reading: r };
    }
  }
  // An out-of-sequence letter or roman number is more often a cross-reference or list inside a sentence.
  return undefined;
}

function sourceLineStart(source: string, info: LineInfo): number {
  let i = info.srcStart;
  while (i < info.srcEnd && (source[i] === ' ' || source[i] === '\t' || source[i] === '>')) i++;
  return i;
}

function makeClause(c: Candidate, reading: NumberReading | undefined, parent: Open | undefined, source: string, plain: PlainText): Clause {
  let headingSpan = c.lineSpan ?? extendOverMarkup(source, plain, plain.toSourceSpan(c.start, c.headEnd), c.headEnd);
  if (c.srcStart !== undefined && c.srcStart < headingSpan.start) headingSpan = { start: c.srcStart, end: headingSpan.end };
  const numberSpan = c.number ? plain.toSourceSpan(c.number.start, c.number.end) : undefined;
  const titleSpan = c.title ? plain.toSourceSpan(c.title.start, c.title.end) : undefined;
  const format: NumberFormat | undefined = reading && c.token
    ? { kind: reading.kind, upper: reading.kind !== 'decimal' && reading.upper, prefix: c.prefix, suffix: c.suffix }
    : undefined;
  void parent;
  // "(i)" is lettered after "(h)" and roman otherwise: the marker follows the reading the tree chose.
  const marker: ClauseMarker = c.marker === 'lettered' && reading?.kind === 'roman' ? 'roman' : c.marker === 'roman' && reading?.kind === 'alpha' ? 'lettered' : c.marker;
  return {
    id: '',
    number: c.token,
    title: c.title ? plain.text.slice(c.title.start, c.title.end).replace(/\s+/g, ' ') : undefined,
    marker,
    level: 1,
    headingSpan,
    numberSpan,
    titleSpan,
    span: { start: headingSpan.start, end: headingSpan.end },
    headingText: source.slice(headingSpan.start, headingSpan.end),
    numberFormat: format,
    children: [],
  };
}

/** Include closing markup right after the heading ("**", "</span>") so headingText reads whole. */
function extendOverMarkup(source: string, plain: PlainText, span: Span, plainEnd: number): Span {
  // The run-in period belongs to the heading: "(c) Payment."
  if (plain.text[plainEnd] === '.' || plain.text[plainEnd] === ':') {
    plainEnd++;
    span = { start: span.start, end: Math.max(span.end, plain.toSourceSpan(plainEnd - 1, plainEnd).end) };
  }
  const next = plain.toSource(plainEnd);
  if (next <= span.end) return span;
  const gap = source.slice(span.end, Math.min(next, span.end + 200));
  const m = /^(?:[.:]?(?:\*\*?|__?|<\/[A-Za-z][A-Za-z0-9-]*>)[.:]?)+/.exec(gap);
  return m ? { start: span.start, end: span.end + m[0].length } : span;
}

function assignIds(roots: Clause[]): void {
  const used = new Map<string, number>();
  let positional = 0;
  const walk = (list: Clause[], parent: Clause | undefined, parentPath: string | undefined) => {
    for (const c of list) {
      let id: string;
      let path: string | undefined;
      const fmt = c.numberFormat;
      if (c.number && fmt?.kind === 'decimal' && fmt.prefix !== '(') {
        const nested = c.marker === 'list-item' && !c.number.includes('.') && parentPath && /^\d+(\.\d+)*$/.test(parentPath);
        path = nested ? `${parentPath}.${c.number}` : c.number;
        id = path;
      } else if (c.number && c.marker === 'article') {
        id = `Article ${c.number}`;
        path = String(readNumber(c.number)[0]?.value ?? c.number);
      } else if (c.number && c.marker === 'schedule') {
        id = `${(c.numberFormat?.prefix ?? 'Schedule ').trim()} ${c.number}`;
        path = undefined;
      } else if (c.number) {
        id = `${parent ? parent.id : ''}(${c.number})`;
        path = undefined;
      } else {
        id = `h${++positional}`;
        path = undefined;
      }
      const seen = used.get(id) ?? 0;
      used.set(id, seen + 1);
      if (seen) id = `${id}~${seen + 1}`;
      c.id = id;
      for (const ch of c.children) ch.parentId = id;
      walk(c.children, c, path ?? parentPath);
    }
  };
  walk(roots, undefined, undefined);
}

function assignSpans(all: Clause[], source: string, plain: PlainText, endOfBody: number): void {
  const bodyEnd = endOfBody >= plain.text.length ? source.length : plain.toSource(endOfBody);
  const open: Clause[] = [];
  const close = (c: Clause, end: number) => {
    let e = Math.max(c.headingSpan.end, end);
    while (e > c.headingSpan.end && /\s/.test(source[e - 1])) e--;
    c.span = { start: c.headingSpan.start, end: e };
  };
  for (const c of all) {
    while (open.length && open[open.length - 1].level >= c.level) close(open.pop()!, c.headingSpan.start);
    open.push(c);
  }
  while (open.length) {
    const c = open.pop()!;
    close(c, c.headingSpan.start < bodyEnd ? bodyEnd : source.length);
  }
  // A parent always covers its children (a heading that ran onto the next line can reach past a sibling).
  for (let i = all.length - 1; i >= 0; i--) {
    const c = all[i];
    for (const ch of c.children) if (ch.span.end > c.span.end) c.span = { start: c.span.start, end: ch.span.end };
  }
}

function documentTitle(
  source: string,
  plain: PlainText,
  lines: LineInfo[],
  cands: Candidate[],
  markdown: boolean,
): { text: string; span: Span; plainStart: number } | undefined {
  const firstNumbered = cands.find((c) => c.token !== undefined)?.start ?? plain.text.length;
  const depths = lines.filter((l) => l.kind === 'heading').map((l) => l.headingDepth ?? 1);
  const minDepth = depths.reduce((a, b) => Math.min(a, b), 7);
  const titleDepth = depths.filter((d) => d === minDepth).length === 1 ? minDepth : 0;
  let seen = 0;
  for (const l of lines) {
    if (l.plainStart >= firstNumbered || seen > 40) break;
    if (l.kind === 'blank' || l.kind === 'meta' || l.kind === 'noise') continue;
    seen++;
    const raw = plain.text.slice(l.plainStart, l.plainEnd);
    const t = raw.trim();
    const s = l.plainStart + raw.length - raw.trimStart().length;
    const mdTitle = markdown && l.kind === 'heading' && l.headingDepth === titleDepth;
    if (mdTitle || (l.kind === 'text' && isCapsHeadingLine(t) && /\b(AGREEMENT|CONTRACT|TERMS|ADDENDUM|AMENDMENT|LICEN[SC]E|ORDER|MEMORANDUM)\b/i.test(t))) {
      const span = plain.toSourceSpan(s, s + t.length);
      return { text: t.replace(/\s+/g, ' '), span: mdTitle ? { start: l.srcStart, end: l.srcEnd } : span, plainStart: s };
    }
  }
  void source;
  return undefined;
}

/**
 * A caps run-in title can run into a party's role: "2. SERVICES MMI will produce …" reads "SERVICES MMI".
 * Once the parties are known, a trailing role is cut off the title (plain text only, where plain and
 * source offsets are the same). Updates the clause and its heading entry in `heads`.
 */
export function trimRolesFromTitles(result: ClauseResult, roles: ReadonlySet<string>, source: string): void {
  if (roles.size === 0) return;
  result.all.forEach((c, i) => {
    if (!c.title || !c.titleSpan || c.marker === 'markdown-heading') return;
    const words = c.title.split(' ');
    let keep = words.length;
    while (keep > 1 && roles.has(words[keep - 1])) keep--;
    if (keep === words.length) return;
    const slice = source.slice(c.titleSpan.start, c.titleSpan.end);
    const m = new RegExp(`^(?:\\S+\\s+){${keep - 1}}\\S+`).exec(slice);
    if (!m) return;
    let end = c.titleSpan.start + m[0].length;
    while (end > c.titleSpan.start && /[\s.:;,—–-]/.test(source[end - 1])) end--;
    const headingEnds = c.headingSpan.end === c.titleSpan.end;
    c.title = source.slice(c.titleSpan.start, end).replace(/\s+/g, ' ');
    c.titleSpan = { start: c.titleSpan.start, end };
    if (headingEnds) {
      c.headingSpan = { start: c.headingSpan.start, end };
      c.headingText = source.slice(c.headingSpan.start, end);
      if (result.heads[i]) result.heads[i] = [result.heads[i][0], end];
    }
  });
}
