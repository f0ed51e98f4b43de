import type { LineInfo, LineKind } from './lines';
import { blockStarts, linkDefinitions } from './markdownBlocks';
import { parseMarkdown } from './markdownParser';
import { projectMdast } from './mdastProjection';
import { PieceKind, type LineMark, type Piece } from './pieces';
import { PlainTextBuilder } from './plainText';
import type { Nodes, Root } from 'mdast';
import type { Span } from '../document/positions';
import type { PlainText } from './types';

/**
 * Reads a Markdown contract through remark (unified + remark-parse + GFM + front matter) into what the
 * contract model works on: the operative plain text with its map to source, the text including struck-out
 * and hidden passages (which screening reads), and a classification of every source line. Plain line n is
 * source line n (every line break is kept).
 *
 * Incremental: the document is cut into blocks at safe boundaries (markdownBlocks.ts) and each block's
 * projection is cached by its text, so after an edit only the blocks it touched are parsed again. Blocks
 * not in the cache are parsed together in chunks (one parser call per chunk, bounded memory).
 */
export interface MarkdownReading {
  plain: PlainText;
  /** Plain text with struck-out and hidden text too (HTML comments, `~~…~~`, `<del>`, `display:none`). */
  allText: PlainText;
  /** Source spans of struck-out and hidden text, in order, merged. */
  hidden: Span[];
  lines: LineInfo[];
}

interface BlockProjection {
  pieces: Piece[];
  marks: (LineMark | undefined)[];
  /** The link reference definitions in the block, as written. */
  defs: string[];
}

/** Uncached blocks are parsed together up to about this many characters per parser call. */
const CHUNK_CHARS = 64 * 1024;

const cache = new Map<string, { projection: BlockProjection; used: number }>();
let generation = 0;

export function clearMarkdownCache(): void {
  cache.clear();
}

/** How many blocks the last read parsed (the rest came from the cache): for tests and benches. */
export let lastParsedBlocks = 0;

/** `chunkChars`: how much uncached text one parser call takes (0 = every block alone, as after edits; tests). */
export function readMarkdown(text: string, lineStarts: readonly number[], chunkChars = CHUNK_CHARS): MarkdownReading {
  const gen = ++generation;
  lastParsedBlocks = 0;
  const guess = linkDefinitions(text);
  let read = readBlocks(text, lineStarts, chunkChars, guess, gen);
  // The definitions the parse found are the truth; parse again with them when the guess was wrong (what
  // was parsed with the wrong ones is not cached: its references may have resolved differently).
  if (read.defs !== guess) read = readBlocks(text, lineStarts, chunkChars, read.defs, gen);
  for (const [key, projection] of read.parsed) cache.set(key, { projection, used: gen });
  evict(gen, read.starts.length);
  return assemble(text, lineStarts, read.starts, read.offsets, read.projections);
}

function readBlocks(text: string, lineStarts: readonly number[], chunkChars: number, defs: string, gen: number) {
  const found = blockStarts(text, lineStarts);
  const starts = found.map((b) => b.line);
  const contexts = found.map((b) => b.context);
  const offsets = starts.map((l) => lineStarts[l]);
  offsets.push(text.length);
  const projections: (BlockProjection | undefined)[] = [];
  const parsed = new Map<string, BlockProjection>();
  const keyOf = (b: number) => {
    const blockText = text.slice(offsets[b], offsets[b + 1]);
    // The first block is parsed with front matter (and a byte order mark) in mind: its own key space.
    return (b === 0 ? '\u0001' : '') + contexts[b] + '\u0002' + (defs && blockText.includes('[') ? blockText + '\u0000' + defs : blockText);
  };
  const keys = starts.map((_, b) => keyOf(b));
  const cached = (b: number) => {
    const hit = cache.get(keys[b]);
    if (hit) hit.used = gen;
    return hit?.projection ?? parsed.get(keys[b]);
  };
  /** Joins block k to the one before it (the cut before k was not safe). */
  const join = (k: number) => {
    starts.splice(k, 1);
    contexts.splice(k, 1);
    offsets.splice(k, 1);
    keys.splice(k, 1);
    projections.splice(k, 1);
    keys[k - 1] = keyOf(k - 1);
  };
  let b = 0;
  let widen = 1;
  while (b < starts.length) {
    const hit = cached(b);
    if (hit) {
      projections[b] = hit;
      b++;
      continue;
    }
    let to = b + 1;
    while (to < starts.length && offsets[to + 1] - offsets[b] <= chunkChars && !cache.has(keys[to]) && !parsed.has(keys[to])) to++;
    const run = parseRun(text, lineStarts, starts, offsets, b, to, defs, contexts[b]);
    if (run.unsafe.length) {
      // A construct runs on across a cut (an unclosed fence or comment): join and parse again. Joining
      // more blocks each time keeps an unclosed fence at the top of a long document linear.
      const cuts = run.unsafe.includes(to) && to < starts.length ? [...run.unsafe.filter((k) => k !== to), ...range(to, Math.min(starts.length, to + widen))] : run.unsafe;
      if (run.unsafe.includes(to)) widen *= 2;
      for (const k of [...new Set(cuts)].sort((x, y) => y - x)) join(k);
      continue;
    }
    widen = 1;
    for (let k = b; k < to; k++) {
      projections[k] = run.projections[k - b];
      parsed.set(keys[k], run.projections[k - b]);
    }
    lastParsedBlocks += to - b;
    b = to;
  }
  const definitions = (projections as BlockProjection[]).flatMap((p) => p.defs).join('\n');
  return { starts, offsets, projections: projections as BlockProjection[], defs: definitions, parsed };
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);

/**
 * Parses blocks [from, to) in one parser call and splits the projection by block. `unsafe` lists the cuts
 * (block indices) that a top-level construct runs across — and `to` when the last block ends inside an
 * unclosed fence or HTML block — so the caller joins them; a block is only cached when it reads the same
 * alone as in the document.
 */
function parseRun(
  text: string,
  lineStarts: readonly number[],
  starts: number[],
  offsets: number[],
  from: number,
  to: number,
  defs: string,
  context: string,
): { projections: BlockProjection[]; unsafe: number[] } {
  const base = offsets[from];
  const chunk = text.slice(base, offsets[to]);
  const needsDefs = defs !== '' && chunk.includes('[') && !(from === 0 && to === starts.length);
  // The document's link definitions go in front of the chunk (after it for the first block, where front
  // matter must stay on top); remark drops a byte order mark before counting offsets, so parse after it.
  const bom = base === 0 && chunk.charCodeAt(0) === 0xfeff ? 1 : 0;
  const prefix = (needsDefs && base > 0 ? `${defs}\n\n` : '') + context;
  const parsed = prefix + (bom ? chunk.slice(1) : chunk) + (needsDefs && base === 0 ? `\n\n${defs}\n` : '');
  /** Parsed offset = chunk offset + delta. */
  const delta = prefix.length - bom;
  const tree = parseMarkdown(parsed, base === 0);
  const windowStart = prefix.length;
  const windowEnd = chunk.length + delta;

  const cuts: number[] = [];
  for (let k = from + 1; k < to; k++) cuts.push(offsets[k] - base + delta);
  const unsafe = unsafeCuts(tree, cuts, windowStart, windowEnd).map((i) => from + 1 + i);
  if (openAtEnd(tree, windowEnd) && to < starts.length) unsafe.push(to);
  if (unsafe.length) return { projections: [], unsafe };

  const firstLine = starts[from];
  const lastLine = to < starts.length ? starts[to] : lineStarts.length;
  const rel: number[] = [];
  for (let l = firstLine; l < lastLine; l++) rel.push(Math.max(windowStart, lineStarts[l] - base + delta));
  for (let at = parsed.indexOf('\n', windowEnd); at >= 0 && at + 1 < parsed.length; at = parsed.indexOf('\n', at + 1)) rel.push(at + 1);
  const { pieces, marks, defs: defined } = projectMdast(tree, parsed, rel, windowStart, windowEnd);

  const projections: BlockProjection[] = [];
  let p = 0;
  for (let b = from; b < to; b++) {
    const start = offsets[b] - base + delta;
    const end = offsets[b + 1] - base + delta;
    const last = b === to - 1;
    const own: Piece[] = [];
    while (p < pieces.length && (pieces[p].start < end || (last && pieces[p].start <= end))) {
      const piece = pieces[p++];
      if (piece.start < start) continue;
      own.push({ ...piece, start: piece.start - start, end: piece.end - start });
    }
    const blockDefs = defined.filter((d) => d.start >= start && d.start < end).map((d) => d.text);
    projections.push({ pieces: own, marks: marks.slice(starts[b] - firstLine, (b + 1 < starts.length ? starts[b + 1] : lineStarts.length) - firstLine), defs: blockDefs });
  }
  return { projections, unsafe };
}

/** Lists and list items may run across cuts; any other block (a paragraph, fence, HTML, quote, table) may not. */
function unsafeCuts(tree: Root, cuts: number[], from: number, to: number): number[] {
  const out: number[] = [];
  if (!cuts.length) return out;
  const stack: Nodes[] = [...tree.children];
  while (stack.length) {
    const node = stack.pop()!;
    const s = node.position?.start.offset ?? 0;
    const e = node.position?.end.offset ?? 0;
    if (e <= from || s >= to) continue;
    if (node.type === 'list' || node.type === 'listItem') {
      stack.push(...(node.children as Nodes[]));
      continue;
    }
    // The first cut after the node's start: inside the node when before its end.
    let lo = 0;
    let hi = cuts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cuts[mid] <= s) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < cuts.length && cuts[i] < e; i++) out.push(i);
  }
  return out;
}

/** The run ends inside an unclosed fence or HTML block (at any depth of lists): the next block belongs to it. */
function openAtEnd(tree: Root, end: number): boolean {
  let node: Nodes | undefined = tree;
  while (node && 'children' in node && node.children.length) {
    const kids: Nodes[] = node.children as Nodes[];
    let k = kids.length - 1;
    while (k > 0 && (kids[k].position?.start.offset ?? 0) >= end) k--;
    node = kids[k];
    if ((node.type === 'code' || node.type === 'html') && (node.position?.end.offset ?? 0) >= end) return true;
    if (node.type !== 'list' && node.type !== 'listItem') return false;
  }
  return false;
}

/** Keeps the blocks of the last few reads (several open documents, the previous version of each). */
function evict(gen: number, blocksNow: number): void {
  if (cache.size <= 4 * blocksNow + 2000) return;
  for (const [k, v] of cache) if (v.used < gen - 4) cache.delete(k);
}

const TEXT_KINDS = new Set<LineKind>(['text', 'list', 'heading', 'table']);

/** One pass over the lines: pieces into the plain texts, hidden regions resolved across blocks. */
function assemble(text: string, lineStarts: readonly number[], starts: number[], offsets: number[], projections: BlockProjection[]): MarkdownReading {
  const plain = new PlainTextBuilder(text);
  // The text with hidden parts is the operative text until the first hidden piece: copied then.
  let all: PlainTextBuilder | undefined;
  const lines: LineInfo[] = new Array(lineStarts.length);
  const hidden: Span[] = [];
  const hideSpan = (s: number, e: number) => {
    all ??= plain.clone();
    const last = hidden[hidden.length - 1];
    if (last && s <= last.end + 2 && /^\s*$/.test(text.slice(last.end, s))) last.end = Math.max(last.end, e);
    else hidden.push({ start: s, end: e });
  };
  let hide: { tag: string; depth: number; inline: boolean } | undefined;
  let strong: { line: number; start: number; depth: number } | undefined;

  for (let b = 0; b < starts.length; b++) {
    const { pieces, marks } = projections[b];
    const base = offsets[b];
    const lastLine = b + 1 < starts.length ? starts[b + 1] - 1 : lineStarts.length - 1;
    let pi = 0;
    for (let n = starts[b]; n <= lastLine; n++) {
      const start = lineStarts[n];
      const next = n + 1 < lineStarts.length ? lineStarts[n + 1] : text.length;
      let end = next;
      if (end > start && text.charCodeAt(end - 1) === 10) end--;
      if (end > start && text.charCodeAt(end - 1) === 13) end--;
      const m = marks[n - starts[b]];
      const kind: LineKind = m?.kind ?? (/\S/.test(text.slice(start, end)) ? 'meta' : 'blank');
      const info: LineInfo = { kind, srcStart: start, srcEnd: end, plainStart: plain.plainLength, plainEnd: 0 };
      if (m?.headingDepth) info.headingDepth = m.headingDepth;
      if (m?.list) info.list = m.list;
      if (kind === 'blank') {
        plain.keep(start, end);
        all?.keep(start, end);
      }
      let textStart = plain.plainLength;
      let visible = false;
      let hiddenText = false;
      while (pi < pieces.length && (base + pieces[pi].start < next || n === lastLine)) {
        const piece = pieces[pi++];
        const s = base + piece.start;
        const e = Math.min(base + piece.end, Math.max(s, end));
        switch (piece.kind) {
          case PieceKind.Keep:
          case PieceKind.ListNumber:
            if (piece.hidden || hide) {
              hideSpan(s, e);
              all!.keep(s, e);
              hiddenText ||= /\S/.test(text.slice(s, e));
            } else {
              plain.keep(s, e);
              all?.keep(s, e);
              visible ||= /\S/.test(text.slice(s, e));
              if (piece.kind === PieceKind.ListNumber) textStart = plain.plainLength;
            }
            break;
          case PieceKind.Replace:
            if (piece.hidden || hide) {
              hideSpan(s, e);
              all!.replace(s, e, piece.text!);
              hiddenText ||= /\S/.test(piece.text!);
            } else {
              plain.replace(s, e, piece.text!);
              all?.replace(s, e, piece.text!);
              visible ||= /\S/.test(piece.text!);
            }
            break;
          case PieceKind.Tag:
            if (hide) {
              if (piece.tag === hide.tag) hide.depth += piece.close ? -1 : 1;
              if (hide.depth <= 0) hide = undefined;
            } else if (piece.hides && !piece.close) hide = { tag: piece.tag!, depth: 1, inline: !!piece.inline };
            break;
          case PieceKind.EndInline:
            // An inline tag that hides ends with its paragraph, as a browser closes it there.
            if (hide?.inline) hide = undefined;
            break;
          case PieceKind.StrongOpen:
            if (strong) strong.depth++;
            else if (plain.plainLength === textStart && !info.leadingStrong && !hide) strong = { line: n, start: plain.plainLength, depth: 0 };
            break;
          case PieceKind.StrongClose:
            if (strong && strong.depth > 0) strong.depth--;
            else if (strong) {
              if (strong.line === n) info.leadingStrong = { start: strong.start, end: plain.plainLength };
              strong = undefined;
            }
            break;
        }
      }
      if (strong && strong.line !== n) strong = undefined;
      info.plainEnd = plain.plainLength;
      // A line whose text is all struck out or hidden is not text the rules read.
      if (!visible && hiddenText && TEXT_KINDS.has(info.kind)) info.kind = 'meta';
      plain.keep(end, next);
      all?.keep(end, next);
      lines[n] = info;
    }
  }
  const plainText = plain.build();
  return { plain: plainText, allText: all ? all.build() : plainText, lines, hidden };
}
