/**
 * The one place where offsets (UTF-16 code-unit indexes into the source string) convert to and from
 * VS Code's 0-based line / UTF-16 character positions. Line breaks are \r\n, \n and a lone \r,
 * exactly as VS Code counts them.
 */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A half-open span [start, end) of offsets into the source text. */
export interface Span {
  start: number;
  end: number;
}

export class LineIndex {
  /** Offset at which each line starts. */
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    if (text.indexOf('\r') < 0) {
      // Only \n breaks (the usual case): let the engine's string search find them.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Offset → position; offsets outside the text are clamped. */
  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(Math.floor(offset), this.text.length));
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.lineStarts[lo] };
  }

  /** Position → offset; positions past a line's end clamp to the end of that line (before its break). */
  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineEndOffset(position.line);
    return Math.max(start, Math.min(start + Math.max(0, position.character), end));
  }

  /** Offset of the end of a line's content (before \r\n / \n / \r). */
  lineEndOffset(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }

  spanOf(range: Range): Span {
    return { start: this.offsetAt(range.start), end: this.offsetAt(range.end) };
  }

  /** The line break the file mostly uses, so inserted text matches it. */
  get eol(): '\r\n' | '\n' {
    const crlf = (this.text.match(/\r\n/g) ?? []).length;
    const lf = (this.text.match(/(?<!\r)\n/g) ?? []).length;
    return crlf > lf ? '\r\n' : '\n';
  }
}
