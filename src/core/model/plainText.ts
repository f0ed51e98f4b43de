import type { Span } from '../document/positions';
import type { PlainText } from './types';

/**
 * Builds a PlainText from pieces of the source: kept runs (copied 1:1) and replacements (an entity such
 * as `&amp;` becoming `&`). The map is a list of runs searched by binary search, so it costs memory per
 * run, not per character.
 */
export class PlainTextBuilder {
  private readonly parts: string[] = [];
  /** Per run: plain start, source start, plain length, source length (== plain length for kept runs). */
  private readonly plainStarts: number[] = [];
  private readonly srcStarts: number[] = [];
  private readonly plainLens: number[] = [];
  private readonly srcLens: number[] = [];
  private length = 0;

  constructor(private readonly source: string) {}

  get plainLength(): number {
    return this.length;
  }

  /** Copy source[start, end) unchanged. */
  keep(start: number, end: number): void {
    if (end <= start) return;
    const n = this.plainStarts.length - 1;
    // Extend the previous run when contiguous, so an unmarked document is a single run.
    if (n >= 0 && this.plainLens[n] === this.srcLens[n] && this.srcStarts[n] + this.srcLens[n] === start) {
      this.plainLens[n] += end - start;
      this.srcLens[n] += end - start;
    } else {
      this.push(start, end - start, end - start);
    }
    this.parts.push(this.source.slice(start, end));
    this.length += end - start;
  }

  /** Emit `text` in place of source[start, end). */
  replace(start: number, end: number, text: string): void {
    if (!text) return;
    this.push(start, text.length, Math.max(0, end - start));
    this.parts.push(text);
    this.length += text.length;
  }

  /** A builder holding the same text so far (the text with hidden parts starts as a copy of the operative text). */
  clone(): PlainTextBuilder {
    const c = new PlainTextBuilder(this.source);
    c.parts.push(...this.parts);
    c.plainStarts.push(...this.plainStarts);
    c.srcStarts.push(...this.srcStarts);
    c.plainLens.push(...this.plainLens);
    c.srcLens.push(...this.srcLens);
    c.length = this.length;
    return c;
  }

  private push(srcStart: number, plainLen: number, srcLen: number): void {
    this.plainStarts.push(this.length);
    this.srcStarts.push(srcStart);
    this.plainLens.push(plainLen);
    this.srcLens.push(srcLen);
  }

  build(): PlainText {
    return new MappedPlainText(this.parts.join(''), this.source.length, this.plainStarts, this.srcStarts, this.plainLens, this.srcLens);
  }
}

class MappedPlainText implements PlainText {
  constructor(
    readonly text: string,
    private readonly sourceLength: number,
    private readonly plainStarts: number[],
    private readonly srcStarts: number[],
    private readonly plainLens: number[],
    private readonly srcLens: number[],
  ) {}

  private runAt(p: number): number {
    let lo = 0;
    let hi = this.plainStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.plainStarts[mid] <= p) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  toSource(plainOffset: number): number {
    if (this.plainStarts.length === 0) return this.sourceLength;
    const p = Math.max(0, Math.floor(plainOffset));
    if (p >= this.text.length) return this.sourceLength;
    const r = this.runAt(p);
    const into = p - this.plainStarts[r];
    return this.plainLens[r] === this.srcLens[r] ? this.srcStarts[r] + into : this.srcStarts[r];
  }

  /** Source offset just after plain character p. */
  private endOf(p: number): number {
    const r = this.runAt(p);
    const into = p - this.plainStarts[r];
    return this.plainLens[r] === this.srcLens[r] ? this.srcStarts[r] + into + 1 : this.srcStarts[r] + this.srcLens[r];
  }

  toSourceSpan(start: number, end: number): Span {
    const s = Math.max(0, Math.min(Math.floor(start), this.text.length));
    const e = Math.max(s, Math.min(Math.floor(end), this.text.length));
    const from = this.toSource(s);
    if (e === s || this.plainStarts.length === 0) return { start: from, end: from };
    return { start: from, end: Math.max(from, this.endOf(e - 1)) };
  }
}

/** Plain text of a document that has no markup: the identity map. */
export function identityPlainText(text: string): PlainText {
  return {
    text,
    toSource: (o) => Math.max(0, Math.min(Math.floor(o), text.length)),
    toSourceSpan: (s, e) => {
      const start = Math.max(0, Math.min(Math.floor(s), text.length));
      return { start, end: Math.max(start, Math.min(Math.floor(e), text.length)) };
    },
  };
}
