import type { LineInfo, LineKind } from '../../../../src/core/model/lines';
import { PlainTextBuilder } from '../../../../src/core/model/plainText';
import type { PlainText } from '../../../../src/core/model/types';

/**
 * REFERENCE ONLY (tests): the hand-written line scanner the model used before it read Markdown through
 * remark (issue 16). Kept so test/unit/model/readerComparison.test.ts can compare the old and new models
 * on the real contracts; nothing in src/ uses it.
 *
 * A single linear pass over Markdown that removes markup (heading hashes, bullets, emphasis, links,
 * inline HTML, escapes, entities, table pipes) and classifies each line, keeping every line break so
 * plain line n is source line n. Deliberately not a full CommonMark parser: it only needs what the
 * contract model reads, must stay linear on any input, and never throws. remark-parse is the reference
 * it is tested against (test/unit/model/markdownText.test.ts); it is too slow to run on every keystroke
 * for 100-page documents (see docs/model.md).
 */
export interface MarkdownScan {
  plain: PlainText;
  lines: LineInfo[];
}

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const ATX_CLOSE = /[ \t]+#+[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const THEMATIC = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const QUOTE = /^ {0,3}>[ ]?/;
const LIST = /^([ \t]*)(?:([-+*])|(\d{1,9})([.)]))(?:[ \t]+|$)/;
const TABLE_DELIM = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>\n]{0,500})?\/?>|<!--[\s\S]{0,2000}?-->/y;
const AUTOLINK = /<((?:https?|mailto|ftp):[^<>\s]+)>/y;
const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
const NAMED: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '—', ndash: '–', rsquo: '’',
  lsquo: '‘', ldquo: '“', rdquo: '”', hellip: '…', sect: '§', copy: '©', reg: '®', trade: '™', para: '¶',
  shy: '\u00ad', euro: '€', pound: '£', yen: '¥', deg: '°', times: '×', middot: '·', bull: '•',
};
const ASCII_PUNCT = /[!-/:-@[-`{-~]/;
const SPECIAL = /[\\`*_~<[!&|\]]/g;

export function scanMarkdown(text: string, lineStarts: readonly number[]): MarkdownScan {
  const out = new PlainTextBuilder(text);
  const lines: LineInfo[] = [];
  let fence: string | undefined;
  let inComment = false;
  let frontMatterEnd = -1;
  if (/^(?:\ufeff)?(---|\+\+\+)[ \t]*(?:\r?\n|\r)/.test(text)) {
    const close = /^(?:---|\.\.\.|\+\+\+)[ \t]*$/;
    for (let n = 1; n < lineStarts.length && n < 200; n++) {
      if (close.test(lineText(text, lineStarts, n))) {
        frontMatterEnd = n;
        break;
      }
    }
  }

  for (let n = 0; n < lineStarts.length; n++) {
    const start = lineStarts[n];
    const end = contentEnd(text, lineStarts, n);
    const next = n + 1 < lineStarts.length ? lineStarts[n + 1] : text.length;
    const plainStart = out.plainLength;
    const line = text.slice(start, end);
    const info: LineInfo = { kind: 'text', srcStart: start, srcEnd: end, plainStart, plainEnd: plainStart };
    const finish = (kind: LineKind) => {
      info.kind = kind;
      info.plainEnd = out.plainLength;
      out.keep(end, next); // the line break itself
      lines.push(info);
    };

    if (n <= frontMatterEnd) {
      finish('meta');
      continue;
    }
    if (fence !== undefined) {
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1].trim()) {
        fence = undefined;
        finish('meta');
      } else {
        out.keep(start, end);
        finish('code');
      }
      continue;
    }
    if (inComment) {
      const close = line.indexOf('-->');
      if (close < 0) {
        finish('meta');
        continue;
      }
      inComment = false;
      scanInline(text, start + close + 3, end, out, info, false);
      finish(/\S/.test(text.slice(start + close + 3, end)) ? 'text' : 'meta');
      continue;
    }
    if (/^\s*$/.test(line)) {
      out.keep(start, end);
      finish('blank');
      continue;
    }
    const first = line.trimStart().charCodeAt(0);
    const plainStartChar = (first >= 65 && first <= 90) || (first >= 97 && first <= 122) || first > 127 || first === 40 || first === 34;
    if (plainStartChar && !line.includes('|') && !(lines.length && lines[lines.length - 1].kind !== 'blank' && n + 1 < lineStarts.length && /^ {0,3}[=-]/.test(text.slice(next, next + 4)))) {
      scanInline(text, start, end, out, info, false);
      finish('text');
      continue;
    }
    const fm = FENCE.exec(line);
    if (fm) {
      fence = fm[1];
      finish('meta');
      continue;
    }
    if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) {
      inComment = true;
      finish('meta');
      continue;
    }
    const prev = lines[lines.length - 1];
    if (prev && (prev.kind === 'text' || prev.kind === 'list') && SETEXT.test(line) && !(prev.kind === 'list' && line.trim()[0] === '-')) {
      // The previous line was a setext heading.
      prev.kind = 'heading';
      prev.headingDepth = line.trim()[0] === '=' ? 1 : 2;
      finish('meta');
      continue;
    }
    if (THEMATIC.test(line)) {
      finish('meta');
      continue;
    }
    if (TABLE_DELIM.test(line) && line.includes('-') && (line.includes('|') || prev?.kind === 'table')) {
      if (prev && prev.kind === 'text' && text.slice(prev.srcStart, prev.srcEnd).includes('|')) prev.kind = 'table';
      finish('meta');
      continue;
    }

    let from = start;
    // Block quote markers.
    for (let q = QUOTE.exec(text.slice(from, end)); q; q = QUOTE.exec(text.slice(from, end))) from += q[0].length;
    const rest = text.slice(from, end);
    const atx = ATX.exec(rest);
    if (atx) {
      info.headingDepth = atx[1].length;
      const close = ATX_CLOSE.exec(rest);
      const contentEnd = close && close.index >= atx[0].length ? from + close.index : end;
      scanInline(text, from + atx[0].length, contentEnd, out, info, false);
      finish('heading');
      continue;
    }
    const list = LIST.exec(rest);
    if (list && !(list[2] && /^\s*([-*_])(\s*\1){2,}\s*$/.test(rest))) {
      const indent = list[1].replace(/\t/g, '    ').length;
      if (list[2]) {
        info.list = { indent, ordered: false };
        scanInline(text, from + list[0].length, end, out, info, false);
      } else {
        info.list = { indent, ordered: true, number: list[3], delimiter: list[4] };
        out.keep(from + list[1].length, from + list[0].length); // keep "1. " in the plain text
        scanInline(text, from + list[0].length, end, out, info, false);
      }
      finish('list');
      continue;
    }
    const isTable = /^\s*\|/.test(rest) || (rest.includes('|') && n + 1 < lineStarts.length && TABLE_DELIM.test(lineText(text, lineStarts, n + 1)) && lineText(text, lineStarts, n + 1).includes('-'));
    scanInline(text, from, end, out, info, isTable);
    finish(isTable ? 'table' : 'text');
  }
  return { plain: out.build(), lines };
}

function contentEnd(text: string, starts: readonly number[], n: number): number {
  let end = n + 1 < starts.length ? starts[n + 1] : text.length;
  if (end > starts[n] && text.charCodeAt(end - 1) === 10) end--;
  if (end > starts[n] && text.charCodeAt(end - 1) === 13) end--;
  return end;
}

function lineText(text: string, starts: readonly number[], n: number): string {
  return text.slice(starts[n], contentEnd(text, starts, n));
}

const isSpace = (c: string | undefined) => c === undefined || /\s/.test(c);
const isPunct = (c: string | undefined) => c !== undefined && /[\p{P}\p{S}]/u.test(c);

/**
 * Inline markup of one line's content [from, to): emphasis delimiters, code spans, links, images,
 * HTML tags, autolinks, escapes, entities and (in tables) pipes. Emphasis runs are recognised by the
 * CommonMark flanking rules without pairing, which is enough to remove them.
 */
function scanInline(text: string, from: number, to: number, out: PlainTextBuilder, info: LineInfo, table: boolean): void {
  // Leading indentation is dropped: it is layout, not text.
  while (from < to && (text[from] === ' ' || text[from] === '\t')) from++;
  let keepFrom = from;
  const drop = (a: number, b: number) => {
    out.keep(keepFrom, a);
    keepFrom = b;
  };
  const closers: { at: number; end: number }[] = []; // pending link tails "](url)" to drop
  let strongOpen = -1;
  let sawText = false;
  let i = from;
  while (i < to) {
    // Jump to the next character that can be markup (most of a contract is plain words).
    SPECIAL.lastIndex = i;
    const next = SPECIAL.exec(text);
    const j = next && next.index < to ? next.index : to;
    const pending = closers.length ? closers[closers.length - 1].at : -1;
    const stop = pending >= i && pending < j ? pending : j;
    if (stop > i) {
      if (!sawText && /\S/.test(text.slice(i, stop))) sawText = true;
      i = stop;
      if (i >= to) break;
    }
    while (closers.length && closers[closers.length - 1].at < i) closers.pop(); // skipped by a code span
    if (closers.length && closers[closers.length - 1].at === i) {
      const c = closers.pop()!;
      drop(i, c.end);
      i = c.end;
      continue;
    }
    const c = text[i];
    if (c === '\\' && i + 1 < to && ASCII_PUNCT.test(text[i + 1])) {
      drop(i, i + 1);
      i += 2;
      continue;
    }
    if (c === '\\' && i + 1 === to) {
      drop(i, i + 1);
      i++;
      continue;
    }
    if (c === '`') {
      let n = 1;
      while (i + n < to && text[i + n] === '`') n++;
      const ticks = '`'.repeat(n);
      const close = text.indexOf(ticks, i + n);
      if (close >= 0 && close + n <= to && text[close + n] !== '`') {
        drop(i, i + n);
        out.keep(keepFrom, close);
        keepFrom = close + n;
        i = close + n;
        sawText = true;
        continue;
      }
      i += n;
      continue;
    }
    if (c === '*' || c === '_' || c === '~') {
      let n = 1;
      while (i + n < to && text[i + n] === c) n++;
      const before = i > from ? text[i - 1] : undefined;
      const after = i + n < to ? text[i + n] : undefined;
      const left = !isSpace(after) && (!isPunct(after) || isSpace(before) || isPunct(before));
      const right = !isSpace(before) && (!isPunct(before) || isSpace(after) || isPunct(after));
      let delimiter = left || right;
      if (c === '_') delimiter = (left && !/[\p{L}\p{N}]/u.test(before ?? '')) || (right && !/[\p{L}\p{N}]/u.test(after ?? ''));
      if (c === '~') delimiter = delimiter && n === 2;
      if (delimiter) {
        drop(i, i + n);
        if (c !== '~' && n >= 2) {
          if (left && strongOpen < 0 && !sawText) strongOpen = out.plainLength;
          else if (right && strongOpen >= 0 && !info.leadingStrong) {
            info.leadingStrong = { start: strongOpen, end: out.plainLength };
            strongOpen = -2;
          }
        }
      } else sawText = true;
      i += n;
      continue;
    }
    if (c === '<') {
      HTML_TAG.lastIndex = i;
      const tag = HTML_TAG.exec(text);
      if (tag && i + tag[0].length <= to) {
        drop(i, i + tag[0].length);
        i += tag[0].length;
        continue;
      }
      AUTOLINK.lastIndex = i;
      const auto = AUTOLINK.exec(text);
      if (auto && i + auto[0].length <= to) {
        drop(i, i + 1);
        out.keep(keepFrom, i + auto[0].length - 1);
        keepFrom = i + auto[0].length;
        i += auto[0].length;
        sawText = true;
        continue;
      }
    }
    if ((c === '[' || (c === '!' && text[i + 1] === '[')) && !(c === '[' && text[i + 1] === '^')) {
      const open = c === '!' ? i + 1 : i;
      const tail = linkTail(text, open, to);
      if (tail) {
        drop(i, open + 1);
        closers.push(tail);
        i = open + 1;
        continue;
      }
    }
    if (c === '&') {
      ENTITY.lastIndex = i;
      const ent = ENTITY.exec(text);
      if (ent && i + ent[0].length <= to) {
        const decoded = decodeEntity(ent[1]);
        if (decoded !== undefined) {
          drop(i, i + ent[0].length);
          out.replace(i, i + ent[0].length, decoded);
          i += ent[0].length;
          sawText = true;
          continue;
        }
      }
    }
    if (c === '|' && table) {
      drop(i, i + 1);
      out.replace(i, i + 1, ' ');
      i++;
      continue;
    }
    if (c !== ' ' && c !== '\t') sawText = true;
    i++;
  }
  // Trailing spaces (hard breaks) are layout too.
  let end = to;
  while (end > keepFrom && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  out.keep(keepFrom, end);
}

/** For "[text](url)", "[text][ref]" starting at `open`: where "]" is and where the link ends. */
function linkTail(text: string, open: number, to: number): { at: number; end: number } | undefined {
  let depth = 0;
  let close = -1;
  for (let j = open; j < to && j < open + 1000; j++) {
    const ch = text[j];
    if (ch === '\\') {
      j++;
      continue;
    }
    if (ch === '[') depth++;
    else if (ch === ']' && --depth === 0) {
      close = j;
      break;
    }
  }
  if (close < 0) return undefined;
  const after = text[close + 1];
  if (after === '(') {
    let d = 0;
    for (let k = close + 1; k < to && k < close + 2000; k++) {
      if (text[k] === '(') d++;
      else if (text[k] === ')' && --d === 0) return { at: close, end: k + 1 };
    }
    return undefined;
  }
  if (after === '[') {
    const end = text.indexOf(']', close + 2);
    if (end > 0 && end < to && end - close < 200) return { at: close, end: end + 1 };
  }
  return undefined;
}

function decodeEntity(body: string): string | undefined {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  }
  return NAMED[body];
}
