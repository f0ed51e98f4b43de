import { ListParseError } from './errors';

/**
 * Reading a JSON-lines file made of "[ … ]" sections (the list snapshot, snapshot.ts): sections are found by
 * their closing "\n]\n" line, parsed whole or one line at a time, over the file's text or its bytes, and
 * every error names the file's line.
 */

/** Ends every section: a line holding only "]". */
export const SECTION_END = '\n]\n';

/** A section's source: the snapshot as text or as bytes. */
export type SnapshotSource = TextSource | ByteSource;

/** The file's "[ … ]" sections in order, each found by its closing "\n]\n" line; knows their line numbers. */
export class Sections {
  private at: number;
  private line = 2;
  private readonly firstLines = new Map<string, number>();

  constructor(private readonly source: SnapshotSource, start: number, private readonly file: string) {
    this.at = start;
  }

  /** The next section, parsed now. `rows` = expected row count (-1: any). */
  parse(what: string, rows: number): unknown[] {
    const { start, end, open } = this.next(what, rows);
    let parsed: unknown;
    try {
      parsed = JSON.parse(this.source.text(start, end + 2));
    } catch {
      throw new ListParseError(this.file, open + damagedLine(this.source.text(start, end + 2)), `${what}: a line is not valid JSON; the file looks truncated or damaged.`);
    }
    if (!Array.isArray(parsed)) throw new ListParseError(this.file, open, `${what} are not a JSON array.`);
    if (rows < 0) this.line += parsed.length + 2;
    return parsed;
  }

  /** The next section, one JSON value per line, parsed line by line on demand. */
  lazy(what: string, rows: number): LazyRows {
    const { start, end, open } = this.next(what, rows);
    return new LazyRows(this.source, start, end, rows, open + 1);
  }

  lineOf(what: string, row: number): number {
    return (this.firstLines.get(what) ?? 0) + row;
  }

  private next(what: string, rows: number): { start: number; end: number; open: number } {
    const start = this.at;
    const end = this.source.indexOf(SECTION_END, start);
    const open = this.line;
    if (end < 0) throw new ListParseError(this.file, rows >= 0 ? open + rows + 1 : open, `the file ends inside ${what}; it looks truncated.`);
    this.firstLines.set(what, open + 1);
    if (rows >= 0) this.line += (rows || 0) + 2;
    this.at = end + SECTION_END.length;
    return { start, end, open };
  }
}

/** Line (counted from the section's "[" line) of the first line that is not valid JSON on its own. */
function damagedLine(section: string): number {
  const lines = section.split('\n');
  for (let i = 1; i < lines.length - 1; i++) {
    try {
      JSON.parse(`[${lines[i].replace(/,$/, '')}]`);
    } catch {
      return i;
    }
  }
  return lines.length - 1;
}

/** A section of one-row-per-line JSON: line offsets found on first use, rows parsed one at a time. */
export class LazyRows {
  private starts?: Int32Array;

  constructor(private readonly source: SnapshotSource, private readonly start: number, private readonly end: number, private readonly count: number, private readonly firstLine: number) {}

  lineOf(k: number): number {
    return this.firstLine + k;
  }

  /** Row k parsed, or undefined when its line is damaged. */
  get(k: number): unknown {
    const starts = (this.starts ??= this.lineStarts());
    if (k < 0 || k >= this.count || starts[k + 1] <= starts[k]) return undefined;
    try {
      return JSON.parse(this.source.text(starts[k], starts[k + 1] - 1).replace(/,$/, ''));
    } catch {
      return undefined;
    }
  }

  /** Every row, with one JSON.parse; damaged lines come back undefined. */
  all(): unknown[] {
    try {
      const rows: unknown = JSON.parse(this.source.text(this.start, this.end + 2));
      if (Array.isArray(rows) && rows.length === this.count) return rows;
    } catch {
      // fall through: find the damaged rows one by one
    }
    return Array.from({ length: this.count }, (_, k) => this.get(k));
  }

  /** starts[k] = offset of row k; starts[count] = just past the last row's line break. */
  private lineStarts(): Int32Array {
    const starts = new Int32Array(this.count + 1);
    let p = this.source.indexOf('\n', this.start) + 1; // skip "["
    for (let k = 0; k < this.count; k++) {
      starts[k] = p;
      const next = this.source.indexOf('\n', p);
      p = next < 0 || next > this.end ? this.end + 1 : next + 1;
    }
    starts[this.count] = p;
    return starts;
  }
}

/** Offsets and slices over the snapshot text. */
export class TextSource {
  constructor(private readonly s: string) {}
  get length(): number {
    return this.s.length;
  }
  indexOf(needle: string, from: number): number {
    return this.s.indexOf(needle, from);
  }
  text(a: number, b: number): string {
    return this.s.slice(a, b);
  }
}

/** The same over the file's bytes (the markers are ASCII, so byte search is exact). */
export class ByteSource {
  private readonly decoder = new TextDecoder('utf-8');
  constructor(private readonly b: Uint8Array) {}
  get length(): number {
    return this.b.length;
  }
  indexOf(needle: string, from: number): number {
    const first = needle.charCodeAt(0);
    for (let i = this.b.indexOf(first, from); i >= 0; i = this.b.indexOf(first, i + 1)) {
      let k = 1;
      while (k < needle.length && this.b[i + k] === needle.charCodeAt(k)) k++;
      if (k === needle.length) return i;
    }
    return -1;
  }
  text(a: number, b: number): string {
    return this.decoder.decode(this.b.subarray(a, b));
  }
}
