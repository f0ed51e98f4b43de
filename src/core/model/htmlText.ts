import { decodeEntityAt } from './entities';
import type { PieceSink } from './pieces';

/**
 * The text of raw HTML inside Markdown (an HTML block, or an inline tag such as Common Paper's
 * `<span class="…">`): tags are dropped, their text kept, entities decoded. Comments are hidden text;
 * a tag that hides its content (`<del>`, `<s>`, `<div style="display:none">`, `hidden` …) is reported as
 * a tag event so the document-wide pass can hide everything up to its closing tag, across blocks.
 * Linear, never throws: an unclosed tag or comment runs to the end of the HTML.
 */
export function htmlPieces(src: string, from: number, to: number, out: PieceSink, hidden: boolean, inline: boolean, quoteDepth: number): void {
  let i = from;
  let textFrom = from;
  const flushText = (end: number) => {
    if (end > textFrom) textRun(src, textFrom, end, out, hidden, quoteDepth);
  };
  while (i < to) {
    const c = src.charCodeAt(i);
    if (c !== 60 /* < */) {
      i++;
      continue;
    }
    if (src.startsWith('<!--', i)) {
      flushText(i);
      const close = src.indexOf('-->', i + 4);
      const bodyEnd = close < 0 || close + 3 > to ? to : close;
      // The comment's text is hidden from the reader, but it is still in the file: screening reads it.
      textRun(src, i + 4, bodyEnd, out, true, quoteDepth);
      i = textFrom = Math.min(to, bodyEnd + 3);
      continue;
    }
    const tag = TAG.exec(src.slice(i, Math.min(to, i + 2000)));
    if (!tag) {
      i++;
      continue;
    }
    flushText(i);
    const name = tag[2].toLowerCase();
    const close = tag[1] === '/';
    const selfClosing = tag[3].endsWith('/') || VOID.has(name);
    if (!selfClosing) out.tag(i, name, close, !close && hides(name, tag[3]), inline);
    i = textFrom = i + tag[0].length;
  }
  flushText(to);
}

const TAG = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:\s[^<>]*)?\/?)\s*>/;
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr', 'area', 'base', 'col', 'embed', 'source', 'track', 'param']);
const HIDING_ELEMENTS = new Set(['del', 's', 'strike', 'script', 'style', 'template']);
const HIDING_STYLE = /(?:^|[;"'\s])(?:display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0(?:\.0*)?(?:px|pt|em|rem|%)?\s*(?:[;"']|$)|opacity\s*:\s*0(?:\.0*)?\s*(?:[;"']|$))/i;

/** Whether an element's content is not shown as operative text: struck out, hidden or not rendered. */
function hides(name: string, attributes: string): boolean {
  if (HIDING_ELEMENTS.has(name)) return true;
  if (!attributes) return false;
  if (/(?:^|\s)hidden(?:\s|=|\/|$)/i.test(attributes)) return true;
  const style = /\bstyle\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/i.exec(attributes);
  return style !== null && HIDING_STYLE.test(style[1]);
}

/** Text between tags: kept line by line (leading indentation and block quote markers dropped), entities decoded. */
function textRun(src: string, from: number, to: number, out: PieceSink, hidden: boolean, quoteDepth: number): void {
  let i = from;
  let lineStart = true;
  let keepFrom = from;
  while (i < to) {
    const c = src.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.keep(keepFrom, i, hidden);
      i++;
      if (c === 13 && src.charCodeAt(i) === 10) i++;
      keepFrom = i;
      lineStart = true;
      continue;
    }
    if (lineStart) {
      let q = quoteDepth;
      while (i < to) {
        const d = src.charCodeAt(i);
        if (d === 32 || d === 9) i++;
        else if (d === 62 /* > */ && q > 0) {
          q--;
          i++;
        } else break;
      }
      keepFrom = i;
      lineStart = false;
      continue;
    }
    if (c === 38 /* & */) {
      const ent = decodeEntityAt(src, i, to);
      if (ent) {
        out.keep(keepFrom, i, hidden);
        out.replace(i, i + ent.length, ent.text, hidden);
        i = keepFrom = i + ent.length;
        continue;
      }
    }
    i++;
  }
  out.keep(keepFrom, to, hidden);
}
