/**
 * Where a Markdown document can be cut into blocks that parse the same alone as in the whole document.
 *
 * - At a blank line followed by a line that starts in the first column, outside fenced code, HTML blocks
 *   that may hold blank lines (`<!-- … -->`, `<pre>`, `<script>` …) and front matter.
 * - Before a list item that follows a sibling item of the same kind (or a blank line), also inside a list
 *   item (Common Paper's contracts are one long nested list). Such a block is parsed after its `context`:
 *   the markers of the list items it sits in, each on its own empty line at its own indentation, which is
 *   how CommonMark reads an item's content. An item whose text does not start one space after its marker
 *   gets no cuts inside it (its content column would differ from the context's).
 *
 * The reader checks every cut against the parse (markdownReader.ts) and joins blocks when a construct runs
 * across one. Two items of one list may land in different blocks: each item reads the same either way (the
 * model takes list numbers from the source). Linear; never throws.
 */
export interface BlockStart {
  line: number;
  /** Container list-item markers to parse the block after ("" at the top level). */
  context: string;
}

interface OpenItem {
  indent: number;
  /** Content column. */
  content: number;
  marker: string;
  kind: string;
  /** Its text does not start one space after the marker: no context can stand for it. */
  opaque: boolean;
}

export function blockStarts(text: string, lineStarts: readonly number[]): BlockStart[] {
  const starts: BlockStart[] = [{ line: 0, context: '' }];
  let fence: { ch: number; len: number } | undefined;
  let htmlClose: RegExp | undefined;
  let frontMatter = FRONT_MATTER.test(text.slice(0, 8));
  let prevBlank = false;
  /** The last non-blank line was text (a paragraph line, a heading …), not a list item line. */
  let prevText = false;
  const items: OpenItem[] = [];
  /** After a fence or HTML block opened inside the lists, the list context is not known: no item cuts until the next top-level cut. */
  let lost = false;
  let inHtml = false;
  /** The last non-blank line could be indented code. */
  let lastCode = false;
  /** The last non-blank line was a list marker with nothing after it. */
  let emptyItem = false;
  for (let n = 0; n < lineStarts.length; n++) {
    const s = lineStarts[n];
    const e = n + 1 < lineStarts.length ? lineStarts[n + 1] : text.length;
    const first = text.charCodeAt(s);
    const blank = isBlankLine(text, s, e);
    const free = !fence && !htmlClose && !frontMatter;
    const wasBlank = prevBlank;
    prevBlank = blank;
    if (blank) {
      inHtml = false;
      // An item that starts with an empty line and then a blank one is empty: it has ended.
      if (emptyItem && items.length) items.pop();
      emptyItem = false;
      continue;
    }
    const line = text.slice(s, Math.min(e, s + 400)).replace(/\r?\n$|\r$/, '');
    emptyItem = false;
    const indent = leadingColumns(line);
    // remark reads an ordered list after indented code and a blank line as a paragraph: no cut after code.
    const afterCode = lastCode;
    const top = items[items.length - 1];
    lastCode = indent >= (top ? top.content + 4 : 4);
    if (free && wasBlank && first !== 32 && first !== 9 && !afterCode) {
      starts.push({ line: n, context: '' });
      items.length = 0;
      lost = false;
    }
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
      lost = true;
      continue;
    }
    let html = false;
    for (const h of HTML_BLOCKS) {
      const m = h.open.exec(line);
      if (!m) continue;
      html = true;
      // The closing marker may be on the opening line, after the opener.
      if (!h.close.test(text.slice(s + m[0].length, e))) htmlClose = h.close;
      break;
    }
    if (html || /^ *\t/.test(line)) {
      lost = true;
      continue;
    }
    // Other HTML blocks run to the next blank line: list markers inside them are text.
    if (/^ *<\/?[A-Za-z]/.test(line)) {
      inHtml = true;
      // Under-indented HTML may close the items or go on with their paragraph: the context is not known.
      const open = items[items.length - 1];
      if (open && leadingColumns(line) < open.content) lost = true;
    }
    if (inHtml) {
      prevText = true;
      continue;
    }
    const item = ITEM.exec(line);
    const afterText = prevText;
    if (!item || THEMATIC.test(line) || (top && indent >= top.content + 4) || (!top && indent >= 4)) {
      // Content. It continues a paragraph lazily only right after paragraph text; after a blank line, an
      // empty item or a heading, or when it is itself a heading, rule or quote, it closes the items it is
      // not indented enough for.
      const heading = HEADING.test(line) || THEMATIC.test(line) || /^ {0,3}=+[ \t]*$/.test(line);
      // An under-indented setext underline or rule under an item: whose it is is not known here.
      if (top && indent < top.content && /^ *(?:=+|-+)[ \t]*$/.test(line)) lost = true;
      // Cuts inside lists are made only while every line is an item or indented as its content: any
      // line less indented (lazy text, or one that closes items) leaves the context unknown.
      if (items.length && indent < items[items.length - 1].content) lost = true;
      if (wasBlank || !afterText || BLOCK_START.test(line)) while (items.length && items[items.length - 1].content > indent) items.pop();
      prevText = !heading;
      continue;
    }
    prevText = true;
    // remark reads a list marker right after indented code and a blank line as text: the context is lost.
    if (afterCode) {
      lost = true;
      prevText = true;
      continue;
    }
    const marker = item[2];
    const kind = /\d/.test(marker) ? `ordered${marker[marker.length - 1]}` : `bullet${marker}`;
    // The item this line would close at its own level: a sibling when of the same kind.
    let k = items.length;
    while (k > 0 && items[k - 1].content > indent) k--;
    const sameKind = k < items.length && items[k].kind === kind;
    // Right after a line of text, only a sibling, "1." or a bullet with text starts an item; otherwise the
    // line goes on with the paragraph.
    const interrupts = /^(?:[-+*]|0*1[.)])$/.test(marker) && item[3] !== '';
    // Four or more columns past its container's content, a marker is code or text, never an item.
    const base = k > 0 ? items[k - 1].content : 0;
    if ((afterText && !wasBlank && !sameKind && !interrupts) || indent - base >= 4) {
      if (top && indent < top.content) lost = true; // under-indented: lazy text or a new block, not known here
      continue;
    }
    items.length = k;
    const cut = !lost && !afterCode && (wasBlank || sameKind) && !items.some((i) => i.opaque) && starts[starts.length - 1].line !== n;
    if (cut) starts.push({ line: n, context: items.map((i) => `${' '.repeat(i.indent)}${i.marker}\n`).join('') });
    // What the item starts with decides whether a later under-indented line can continue it lazily.
    const content = line.slice(item[0].length);
    if (ITEM_HTML.test(content) || /^(?:`{3,}|~{3,})/.test(content)) lost = true;
    prevText = content.trim() !== '' && !HEADING.test(content);
    emptyItem = content.trim() === '';
    // Content column: after the marker and its spaces (one space when the text starts 5 or more columns later).
    const gap = leadingColumns(item[3]);
    items.push({ indent, content: indent + marker.length + (gap >= 1 && gap <= 4 ? gap : 1), marker, kind, opaque: item[3] !== ' ' && item[3] !== '' });
  }
  return starts;
}

/** The first line of each block (tests). */
export function blockStartLines(text: string, lineStarts: readonly number[]): number[] {
  return blockStarts(text, lineStarts).map((b) => b.line);
}

/** Columns of leading whitespace, tabs to the next multiple of 4 as CommonMark counts them. */
function leadingColumns(line: string): number {
  let n = 0;
  for (const ch of line) {
    if (ch === ' ') n++;
    else if (ch === '\t') n += 4 - (n % 4);
    else break;
  }
  return n;
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
// Fences and HTML blocks are looked for at any indentation (inside list items too): joining more is safe.
const FENCE = /^[ ]*(`{3,}|~{3,})/;
const ITEM = /^( *)([-+*]|\d{1,9}[.)])([ \t]+|(?=[\r\n]|$))/;
/** An HTML block (CommonMark kinds 1–7) starting right after a list marker. */
const ITEM_HTML =
  /^(?:<(?:!--|\?|![A-Za-z]|!\[CDATA\[|\/?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul|pre|script|style|textarea)(?:[\s/>]|$))|<\/?[A-Za-z][^<>]*>\s*$)/i;
const HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const BLOCK_START = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|>|([-*_])(?:[ \t]*\1){2,}[ \t]*$)/;
const THEMATIC = /^ *([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
/** CommonMark HTML blocks 1–5: they end at their closing marker, not at a blank line. */
const HTML_BLOCKS = [
  { open: /^ *<(?:script|pre|style|textarea)(?=[\s>]|$)/i, close: /<\/(?:script|pre|style|textarea)>/i },
  { open: /^ *<!--/, close: /-->/ },
  { open: /^ *<\?/, close: /\?>/ },
  { open: /^ *<![A-Za-z]/, close: />/ },
  { open: /^ *<!\[CDATA\[/, close: /\]\]>/ },
];

/**
 * A first guess at the document's link reference definitions (`[label]: url "title"` lines after a blank
 * line, the start, a heading or another definition), prepended to every block that could refer to one so
 * a block parsed alone resolves its references as the whole document does. The reader checks the guess
 * against the definitions remark finds.
 */
export function linkDefinitions(text: string): string {
  const defs: string[] = [];
  if (!text.includes(']:')) return '';
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
