/**
 * Run-in clause titles: the "Provision of Services" in "1.1 Provision of Services. (a) Provider…",
 * the "PURPOSE OF AGREEMENT" in "1. PURPOSE OF AGREEMENT Formalize…". Offsets are relative to `s`.
 */
const SMALL = new Set([
  'of', 'and', 'the', 'to', 'for', 'in', 'on', 'or', 'with', 'by', 'a', 'an', 'its', 'upon', 'under', 'from', 'at', 'as', 'not', 'into', 'vs', 'v', 'non', 'no', 'than', 'other', 'between', 'against', 'after', 'before', 'during', 'per', 'their', 'all', 'any', 'this', 'other',
]);
const MAX_WORDS = 12;
const QUOTES = /^["“‘'«]/;

export interface TitleRange {
  start: number;
  end: number;
}

export function runInTitle(s: string, wholeLineAllowed: boolean): TitleRange | undefined {
  let i = 0;
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\u00a0')) i++;
  if (i >= s.length || QUOTES.test(s[i]) || s[i] === '(' || s[i] === '[') return undefined;
  return capsTitle(s, i) ?? titleCaseTitle(s, i, wholeLineAllowed);
}

const WORD = /\S+/g;

function words(s: string, from: number): { w: string; start: number; end: number }[] {
  WORD.lastIndex = from;
  const out: { w: string; start: number; end: number }[] = [];
  for (let m = WORD.exec(s); m && out.length <= MAX_WORDS + 1; m = WORD.exec(s)) out.push({ w: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const isCaps = (w: string) => /\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w);
const isConnector = (w: string) => /^[&/\-–—]$/.test(w);

/** Leading ALL-CAPS words followed by the end of the line, a period/colon, or sentence text. */
function capsTitle(s: string, from: number): TitleRange | undefined {
  const ws = words(s, from);
  let n = 0;
  let letters = 0;
  for (; n < ws.length && n < MAX_WORDS; n++) {
    const w = ws[n].w;
    if (!(isCaps(w) || isConnector(w))) break;
    letters += (w.match(/\p{L}/gu) ?? []).length;
    if (/[.:;]$/.test(w) || /[—–]$/.test(w)) {
      n++;
      break;
    }
  }
  if (n === 0 || letters < 3) return undefined;
  const last = ws[n - 1];
  const endsWithStop = /[.:;—–]$/.test(last.w);
  const rest = ws[n];
  if (!endsWithStop && rest && !/^[\p{Lu}\p{Ll}"“(\d]/u.test(rest.w)) return undefined;
  if (!endsWithStop && rest && isCaps(rest.w)) return undefined; // a caps sentence longer than a title
  return trimEnd(s, ws[0].start, last.end);
}

/** Title Case words ending with "." or ":" (or the end of the line when allowed). */
function titleCaseTitle(s: string, from: number, wholeLineAllowed: boolean): TitleRange | undefined {
  const ws = words(s, from);
  for (let n = 0; n < ws.length && n < MAX_WORDS; n++) {
    const raw = ws[n].w;
    const core = raw.replace(/^[("“‘']+|[.,:;)"”’']+$/g, '');
    // The next clause number ends a run-in title: "Services 1.1 Client requires" → "Services".
    if (n > 0 && /^\(?\d+(?:\.\d+)*[.)]?$/.test(raw)) return trimEnd(s, ws[0].start, ws[n - 1].end);
    const titleish = core === '' || /^[\p{Lu}\d]/u.test(core) || SMALL.has(core.toLowerCase()) || isConnector(core);
    if (!titleish) return undefined;
    if (n === 0 && !/^[\p{Lu}\d]/u.test(core)) return undefined;
    if (/[.:]$/.test(raw) && !/^(?:[A-Z]\.)+$/.test(raw) && !/^(?:Inc|Co|Ltd|No|Corp|Sec|Art)\.$/.test(raw)) return trimEnd(s, ws[0].start, ws[n].end);
    if (/[,;]$/.test(raw)) return undefined;
  }
  if (wholeLineAllowed && ws.length > 0 && ws.length <= MAX_WORDS) return trimEnd(s, ws[0].start, ws[ws.length - 1].end);
  return undefined;
}

function trimEnd(s: string, start: number, end: number): TitleRange | undefined {
  while (end > start && /[\s.:;,—–-]/.test(s[end - 1])) end--;
  return end > start && /\p{L}/u.test(s.slice(start, end)) ? { start, end } : undefined;
}

/** A line that is a heading on its own: ALL CAPS, short, not a sentence. */
export function isCapsHeadingLine(line: string): boolean {
  const t = line.trim();
  if (t.length < 3 || t.length > 90) return false;
  const letters = t.match(/\p{L}/gu) ?? [];
  if (letters.length < 4) return false;
  const upper = letters.filter((c) => c === c.toUpperCase() && c !== c.toLowerCase()).length;
  if (upper / letters.length < 0.9) return false;
  if (/[,;]$/.test(t) || /^(?:BY|NAME|TITLE|DATE|ADDRESS|ATTN|ATTENTION|FAX|TEL|PHONE|EMAIL|E-MAIL|WITNESS)\b\s*:/i.test(t)) return false;
  if (/\b(?:INC|LLC|L\.L\.C|LTD|LIMITED|CORP|CORPORATION|PLC|GMBH|S\.A|B\.V|N\.V|AG|LP|L\.P|CO)\b\.?/.test(t)) return false;
  if (/_{3,}|\[\s*\*|\*\s*\]/.test(t)) return false;
  // Preamble connectives set in capitals ("BETWEEN:", "AND:", "- and -") are not headings.
  if (/^[-–—\s]*(?:BY\s+AND\s+)?(?:BETWEEN|AMONG|AND|WITNESSETH|W\s*I\s*T\s*N\s*E\s*S\s*S\s*E\s*T\s*H)\s*:?[-–—\s]*$/i.test(t)) return false;
  if ((t.match(/\d/g) ?? []).length > letters.length / 2) return false;
  return t.split(/\s+/).length <= 12;
}
