import type { LineKind } from './lines';

/**
 * What a Markdown block contributes to the plain text, in source order: runs of source kept as they are,
 * replacements (an entity, a table pipe read as a space), and events the document-wide pass needs (HTML
 * tags that hide their content until closed, the end of an inline container, a bold run at the start
 * of a line). Offsets are relative to the parsed text; a block's pieces are cached by its text.
 */
export const enum PieceKind {
  Keep,
  Replace,
  Tag,
  EndInline,
  StrongOpen,
  StrongClose,
  ListNumber,
}

export interface Piece {
  kind: PieceKind;
  start: number;
  end: number;
  /** Replace: the text read in place of source [start, end). */
  text?: string;
  /** Struck out or hidden where it is written (inside ~~…~~ or a comment). */
  hidden?: boolean;
  /** Tag: lower-case element name, closing or opening, whether an opening tag hides its content, whether written inline. */
  tag?: string;
  close?: boolean;
  hides?: boolean;
  inline?: boolean;
}

/** How the parse classifies a source line (relative to the parsed text); unmarked lines are blank or markup only. */
export interface LineMark {
  kind: LineKind;
  headingDepth?: number;
  list?: { indent: number; ordered: boolean; number?: string; delimiter?: string };
}

/** Collects pieces in source order. */
export class PieceSink {
  readonly pieces: Piece[] = [];

  keep(start: number, end: number, hidden: boolean): void {
    if (end <= start) return;
    const last = this.pieces[this.pieces.length - 1];
    if (last && last.kind === PieceKind.Keep && last.end === start && !last.hidden === !hidden) last.end = end;
    else this.pieces.push(hidden ? { kind: PieceKind.Keep, start, end, hidden } : { kind: PieceKind.Keep, start, end });
  }

  replace(start: number, end: number, text: string, hidden: boolean): void {
    if (text) this.pieces.push({ kind: PieceKind.Replace, start, end, text, hidden: hidden || undefined });
  }

  tag(at: number, tag: string, close: boolean, hides: boolean, inline: boolean): void {
    this.pieces.push({ kind: PieceKind.Tag, start: at, end: at, tag, close, hides, inline });
  }

  event(kind: PieceKind.EndInline | PieceKind.StrongOpen | PieceKind.StrongClose, at: number): void {
    this.pieces.push({ kind, start: at, end: at });
  }

  listNumber(start: number, end: number, hidden: boolean): void {
    if (end > start) this.pieces.push({ kind: PieceKind.ListNumber, start, end, hidden: hidden || undefined });
  }
}
