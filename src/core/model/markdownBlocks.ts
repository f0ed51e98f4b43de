/**
 * Where a Markdown document can be cut into blocks that parse the same alone as in the whole document:
 * at a blank line followed by a line that starts in the first column, outside fenced code, HTML blocks
 * that may hold blank lines (`<!-- … -->`, `<pre>`, `<script>` …) and front matter. A line indented
 * after a blank line may continue a list item (or be indented code), so it never starts a block. Two
 * items of one list may land in different blocks: each item reads the same either way (the model takes
 * list numbers from the source, not from the list). Linear; never throws.
 */
export function blockStartLines(text: string, lineStarts: readonly number[]): number[] {
  const starts = [0];
  let fence: { ch: number; len: number } | undefined;
  let htmlClose: RegExp | undefined;
  let frontMatter = FRONT_MATTER.test(text.slice(0, 8));
  let prevBlank = false;
  for (let n = 0; n < lineStarts.length; n++) {
    const s = lineStarts[n];
    const e = n + 1 < lineStarts.length ? lineStarts[n + 1] : text.length;
    const first = text.charCodeAt(s);
    const blank = isBlankLine(text, s, e);
    if (prevBlank && !blank && !fence && !htmlClose && !frontMatter && first !== 32 && first !== 9) starts.push(n);
    prevBlank = blank;
    if (blank) continue;
    const line = text.slice(s, Math.min(e, s + 400));
    if (frontMatter) {
      if (n > 0 && FRONT_MATTER_CLOSE.test(line)) frontMatter = false;
      continue;
    }
    if (fence) {
      const m = FENCE.exec(line);
      if (m && m[1].charCodeAt(0) === fence.ch && m[1].length >= fence.len && /^\s*$/.test(line.slice(m[0].length))) fence = undefined;
      continue;
    }
    if (htmlClose) {
      if (htmlClose.test(text.slice(s, e))) htmlClose = undefined;
      continue;
    }
    const f = FENCE.exec(line);
    if (f && !(f[1][0] === '`' && line.indexOf('`', f[0].length) >= 0)) {
      fence = { ch: f[1].charCodeAt(0), len: f[1].length };
      continue;
    }
    for (const h of HTML_BLOCKS) {
      const m = h.open.exec(line);
      if (!m) continue;
      // The closing marker may be on the opening line, after the opener.
      if (!h.close.test(text.slice(s + m[0].length, e))) htmlClose = h.close;
      break;
    }
  }
  return starts;
}

function isBlankLine(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) return false;
  }
  return true;
}

const FRONT_MATTER = /^\ufeff?(?:---|\+\+\+)[ \t]*(?:\r?\n|\r)/;
const FRONT_MATTER_CLOSE = /^(?:---|\.\.\.|\+\+\+)[ \t]*(?:\r?\n|\r|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
/** CommonMark HTML blocks 1–5: they end at their closing marker, not at a blank line. */
const HTML_BLOCKS = [
  { open: /^ {0,3}<(?:script|pre|style|textarea)(?=[\s>]|$)/i, close: /<\/(?:script|pre|style|textarea)>/i },
  { open: /^ {0,3}<!--/, close: /-->/ },
  { open: /^ {0,3}<\?/, close: /\?>/ },
  { open: /^ {0,3}<![A-Za-z]/, close: />/ },
  { open: /^ {0,3}<!\[CDATA\[/, close: /\]\]>/ },
];

/**
 * A first guess at the document's link reference definitions (`[label]: url "title"` lines after a blank
 * line, the start, a heading or another definition), prepended to every block that could refer to one so
 * a block parsed alone resolves its references as the whole document does. The reader checks the guess
 * against the definitions remark finds.
 */
export function linkDefinitions(text: string): string {
  const defs: string[] = [];
  let lastEnd = -1;
  for (const m of text.matchAll(DEFINITION)) {
    const at = m.index ?? 0;
    const prevStart = text.lastIndexOf('\n', Math.max(0, at - 2)) + 1;
    const prev = at === 0 ? '' : text.slice(prevStart, at);
    if (at === 0 || prevStart - 1 === lastEnd || /^\s*$/.test(prev) || /^ {0,3}#{1,6}(?:\s|$)/.test(prev)) {
      defs.push(m[0]);
      lastEnd = at + m[0].length;
    }
  }
  return defs.join('\n');
}

const DEFINITION = /^ {0,3}\[(?!\^)(?:[^\]\\\r\n]|\\.){1,999}\]:[^\r\n]*/gm;
