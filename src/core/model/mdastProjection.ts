import type { Nodes, Parents, Root } from 'mdast';
import { decodeEntityAt } from './entities';
import { htmlPieces } from './htmlText';
import { PieceKind, PieceSink, type LineMark, type Piece } from './pieces';

/**
 * Projects the mdast of a Markdown text onto what the contract model reads: the pieces of plain text
 * (text node values aligned back to their exact source offsets) and a classification of each line
 * (heading, list item, paragraph text, table row, code). Struck-out text (`~~…~~`) and comments are
 * marked hidden. Linear in the size of the tree.
 */
export interface Projection {
  pieces: Piece[];
  /** By line of the projected text (0-based); undefined = blank or markup only. */
  marks: (LineMark | undefined)[];
  /** Link reference definitions: where and as written. */
  defs: { start: number; text: string }[];
}

const RANK: Record<string, number> = { meta: 0, code: 1, text: 2, table: 3, list: 4, heading: 5 };
/** Deeper nesting than this is read as flat text (no recursion limit can be reached). */
const MAX_DEPTH = 400;

/** Only the window [from, to) of `src` is the document's (the rest is link definitions added for the parse). */
export function projectMdast(tree: Root, src: string, lineStarts: readonly number[], from = 0, to = src.length): Projection {
  const sink = new PieceSink();
  const marks: (LineMark | undefined)[] = new Array(lineStarts.length);
  const defs: { start: number; text: string }[] = [];
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const mark = (line: number, m: LineMark) => {
    const prev = marks[line];
    if (!prev || RANK[m.kind] > RANK[prev.kind]) marks[line] = m;
  };
  const markLines = (from: number, to: number, kind: LineMark['kind']) => {
    for (let l = from; l <= to; l++) mark(l, { kind });
  };
  const lineEnd = (line: number): number => {
    let e = line + 1 < lineStarts.length ? lineStarts[line + 1] : src.length;
    if (e > lineStarts[line] && src.charCodeAt(e - 1) === 10) e--;
    if (e > lineStarts[line] && src.charCodeAt(e - 1) === 13) e--;
    return e;
  };

  const walk = (node: Nodes, hidden: boolean, quote: number, depth: number): void => {
    const pos = node.position;
    if (!pos || pos.start.offset === undefined || pos.end.offset === undefined) {
      if ('children' in node) for (const c of node.children) walk(c as Nodes, hidden, quote, depth + 1);
      return;
    }
    const start = pos.start.offset;
    const end = pos.end.offset;
    if (depth > MAX_DEPTH) {
      flatText(node, src, sink, hidden);
      return;
    }
    switch (node.type) {
      case 'root':
        for (const c of node.children) {
          const cs = c.position?.start.offset ?? 0;
          if (cs >= to) break;
          if ((c.position?.end.offset ?? 0) > from) walk(c, hidden, quote, depth + 1);
        }
        return;
      case 'list':
        return children(node, hidden, quote, depth);
      case 'definition':
        if (start >= from && start < to) defs.push({ start, text: src.slice(start, end) });
        return;
      case 'yaml':
      case 'toml' as Nodes['type']:
      case 'thematicBreak':
        return;
      case 'heading': {
        const first = lineOf(start);
        const last = lineOf(Math.max(start, end - 1));
        if (last > first) {
          // Setext: the text line(s), then the underline.
          markLines(first, last - 2, 'text');
          mark(last - 1, { kind: 'heading', headingDepth: node.depth });
        } else mark(first, { kind: 'heading', headingDepth: node.depth });
        inline(node, hidden, quote, depth);
        return;
      }
      case 'paragraph':
        markLines(lineOf(start), lineOf(Math.max(start, end - 1)), 'text');
        inline(node, hidden, quote, depth);
        return;
      case 'blockquote':
        return children(node, hidden, quote + 1, depth);
      case 'listItem': {
        // A list item of the context a block is parsed in (markdownBlocks.ts) is not the block's.
        if (start < from) return children(node, hidden, quote, depth);
        const line = lineOf(start);
        const m = LIST_MARKER.exec(src.slice(start, Math.min(end, start + 12)));
        const indent = columns(src.slice(lineStarts[line], start).replace(QUOTE_PREFIX, ''));
        if (m && m[2] !== undefined) {
          mark(line, { kind: 'list', list: { indent, ordered: true, number: m[2], delimiter: m[3] } });
          // The number stays in the plain text ("3. "), as the reader sees it.
          sink.listNumber(start, start + m[0].length, hidden);
        } else mark(line, { kind: 'list', list: { indent, ordered: false } });
        return children(node, hidden, quote, depth);
      }
      case 'code': {
        const first = lineOf(start);
        const last = lineOf(Math.max(start, Math.min(end, to) - 1));
        const fenced = /^[ \t>]*(?:`{3,}|~{3,})/.test(src.slice(lineStarts[first], Math.min(end, start + 8)));
        if (!fenced) {
          // Indented text is contract text a reader sees, not program code: read it as text.
          for (let l = first; l <= last; l++) {
            const s = Math.max(start, lineStarts[l]);
            const e = Math.min(end, lineEnd(l));
            let from = s;
            while (from < e && (src[from] === ' ' || src[from] === '\t' || src[from] === '>')) from++;
            if (from < e) {
              mark(l, { kind: 'text' });
              // Contracts converted to Markdown indent sub-clauses: their inline tags are markup, not text.
              htmlPieces(src, from, e, sink, hidden, true, 0);
            }
          }
          return;
        }
        const closed = last > first && /^[ \t>]*(?:`{3,}|~{3,})[ \t]*$/.test(src.slice(lineStarts[last], lineEnd(last)));
        for (let l = first + 1; l <= (closed ? last - 1 : last); l++) {
          mark(l, { kind: 'code' });
          sink.keep(lineStarts[l], lineEnd(l), hidden);
        }
        return;
      }
      case 'html': {
        const before = sink.pieces.length;
        htmlPieces(src, start, end, sink, hidden, false, quote);
        for (let k = before; k < sink.pieces.length; k++) {
          const p = sink.pieces[k];
          if ((p.kind === PieceKind.Keep || p.kind === PieceKind.Replace) && p.end > p.start) mark(lineOf(p.start), { kind: 'text' });
        }
        return;
      }
      case 'table':
        for (const row of node.children) {
          const rs = row.position?.start.offset;
          if (rs === undefined) continue;
          mark(lineOf(rs), { kind: 'table' });
          for (const cell of row.children) {
            const cs = cell.position?.start.offset;
            // Cells are read apart: the pipe between them reads as a column gap (three spaces), as the
            // readers of the plain text take it (a name never runs from one cell into the next).
            if (cs !== undefined && src[cs] === '|') sink.replace(cs, cs + 1, '   ', hidden);
            inline(cell, hidden, quote, depth + 2);
          }
        }
        return;
      case 'footnoteDefinition': {
        const label = src.indexOf(']:', start);
        if (label >= 0 && label < end) sink.keep(start, label + 2, hidden);
        return children(node, hidden, quote, depth);
      }
      default:
        // Inline content outside a paragraph cannot occur in mdast; read it as inline anyway.
        inlineNode(node, hidden, quote, depth);
    }
  };

  const children = (node: Parents, hidden: boolean, quote: number, depth: number) => {
    for (const c of node.children) walk(c as Nodes, hidden, quote, depth + 1);
  };

  /** The inline content of a paragraph, heading or table cell; an inline tag that hides ends with it. */
  const inline = (node: Parents, hidden: boolean, quote: number, depth: number) => {
    for (const c of node.children) inlineNode(c as Nodes, hidden, quote, depth + 1);
    sink.event(PieceKind.EndInline, node.position?.end.offset ?? 0);
  };

  const inlineNode = (node: Nodes, hidden: boolean, quote: number, depth: number): void => {
    const pos = node.position;
    const start = pos?.start.offset;
    const end = pos?.end.offset;
    if (start === undefined || end === undefined) return;
    if (depth > MAX_DEPTH) {
      flatText(node, src, sink, hidden);
      return;
    }
    switch (node.type) {
      case 'text':
        return alignText(src, start, end, node.value, sink, hidden);
      case 'inlineCode': {
        let ticks = 0;
        while (src[start + ticks] === '`') ticks++;
        keepLines(src, start + ticks, Math.max(start + ticks, end - ticks), sink, hidden, quote);
        return;
      }
      case 'delete':
        for (const c of node.children) inlineNode(c, true, quote, depth + 1);
        return;
      case 'strong':
        sink.event(PieceKind.StrongOpen, start);
        for (const c of node.children) inlineNode(c, hidden, quote, depth + 1);
        sink.event(PieceKind.StrongClose, end);
        return;
      case 'image':
      case 'imageReference':
        if (node.alt) alignText(src, Math.min(end, start + 2), end, node.alt, sink, hidden);
        return;
      case 'html':
        htmlPieces(src, start, end, sink, hidden, true, quote);
        return;
      case 'footnoteReference':
        sink.keep(start, end, hidden);
        return;
      case 'break':
        return;
      default:
        if ('children' in node) for (const c of node.children) inlineNode(c as Nodes, hidden, quote, depth + 1);
        else if ('value' in node && typeof node.value === 'string') alignText(src, start, end, node.value, sink, hidden);
    }
  };

  walk(tree, false, 0, 0);
  return { pieces: sink.pieces, marks, defs };
}

const LIST_MARKER = /^(?:([-+*])|(\d{1,9})([.)]))[ \t]*/;
const QUOTE_PREFIX = /^(?: {0,3}>[ ]?)+/;

function columns(s: string): number {
  let n = 0;
  for (const ch of s) n = ch === '\t' ? n + 4 - (n % 4) : n + 1;
  return n;
}

/** Source [from, to) kept line by line (line breaks are written by the document pass). */
function keepLines(src: string, from: number, to: number, sink: PieceSink, hidden: boolean, quote: number): void {
  let s = from;
  for (let i = from; i < to; i++) {
    const c = src.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    sink.keep(s, i, hidden);
    if (c === 13 && src.charCodeAt(i + 1) === 10) i++;
    s = i + 1;
    let q = quote;
    while (s < to && (src[s] === ' ' || src[s] === '\t' || (src[s] === '>' && q-- > 0))) s++;
    i = s - 1;
  }
  sink.keep(s, to, hidden);
}

const ASCII_PUNCT = /[!-/:-@[-`{-~]/;

/**
 * Aligns a text node's value with its source [from, to): characters that are the same are kept (so a
 * match maps back exactly), escapes lose their backslash, entities are replaced by what they decode to,
 * and a line break skips the next line's indentation and block quote markers. Anything else (NUL read
 * as U+FFFD) is replaced one for one. Linear: both positions only move forward.
 */
export function alignText(src: string, from: number, to: number, value: string, sink: PieceSink, hidden: boolean): void {
  let s = from;
  let keepFrom = from;
  let i = 0;
  const flush = (at: number) => {
    sink.keep(keepFrom, at, hidden);
  };
  while (i < value.length) {
    const c = value[i];
    if (s >= to) {
      flush(s);
      sink.replace(to, to, value.slice(i).replace(/[\r\n]+/g, ' '), hidden);
      return;
    }
    const d = src[s];
    if (c === '\n') {
      flush(s);
      // The source line break (with any trailing spaces before it), then the next line's indentation.
      while (s < to && src[s] !== '\n' && src[s] !== '\r') s++;
      if (src[s] === '\r') s++;
      if (src[s] === '\n') s++;
      const next = value[i + 1];
      while (s < to && src[s] !== next && (src[s] === ' ' || src[s] === '\t' || src[s] === '>')) s++;
      keepFrom = s;
      i++;
      continue;
    }
    if (d === '\\' && s + 1 < to && src[s + 1] === c && ASCII_PUNCT.test(c)) {
      flush(s);
      keepFrom = s + 1;
      s += 2;
      i++;
      continue;
    }
    if (d === '&' && c !== '&') {
      const ent = decodeEntityAt(src, s, to);
      if (ent && value.startsWith(ent.text, i)) {
        flush(s);
        sink.replace(s, s + ent.length, ent.text, hidden);
        s += ent.length;
        keepFrom = s;
        i += ent.text.length;
        continue;
      }
    }
    if (d === '&' && c === '&') {
      // "&amp;" read as "&" (unless the value goes on with the reference itself, as after an escape).
      const ent = decodeEntityAt(src, s, to);
      if (ent && ent.text === '&' && !value.startsWith(src.slice(s, s + ent.length), i)) {
        flush(s);
        sink.replace(s, s + ent.length, '&', hidden);
        s += ent.length;
        keepFrom = s;
        i++;
        continue;
      }
    }
    // NUL is read by remark as U+FFFD: the source character is kept, so the text slices back exactly.
    if (d === c || (c === '\ufffd' && d === '\u0000')) {
      s++;
      i++;
      continue;
    }
    flush(s);
    sink.replace(s, s + 1, c, hidden);
    s++;
    i++;
    keepFrom = s;
  }
  flush(s);
}

/** Every text value under a node, for pathologically deep nesting. */
function flatText(node: Nodes, src: string, sink: PieceSink, hidden: boolean): void {
  const stack: Nodes[] = [node];
  const found: Nodes[] = [];
  while (stack.length) {
    const n = stack.pop()!;
    if ('children' in n) for (let k = n.children.length - 1; k >= 0; k--) stack.push(n.children[k] as Nodes);
    else if (n.type === 'text' && n.position?.start.offset !== undefined) found.push(n);
  }
  for (const n of found) alignText(src, n.position!.start.offset!, n.position!.end.offset!, (n as { value: string }).value, sink, hidden);
}
