import type { Clause, NumberFormat } from './types';

/** One reading of a number token: "(i)" is roman 1 or the letter after (h). */
export interface NumberReading {
  kind: NumberFormat['kind'];
  upper: boolean;
  /** Value of the last component (1-based). */
  value: number;
  /** Decimal numbers: every component ("12.3" → [12, 3]). */
  path?: number[];
}

const ROMAN = /^(?=[mdclxvi])m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/i;
const ROMAN_VALUES: [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

export function romanValue(s: string): number | undefined {
  if (!ROMAN.test(s)) return undefined;
  const map: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };
  const t = s.toLowerCase();
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const v = map[t[i]];
    const next = map[t[i + 1]] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

export function toRoman(n: number): string {
  let out = '';
  for (const [v, s] of ROMAN_VALUES) {
    while (n >= v) {
      out += s;
      n -= v;
    }
  }
  return out;
}

/** "a" → 1 … "z" → 26, "aa" → 27 (the doubled-letter style contracts use after z). */
export function alphaValue(s: string): number | undefined {
  const t = s.toLowerCase();
  if (!/^[a-z]+$/.test(t) || t.length > 3 || [...t].some((c) => c !== t[0])) return undefined;
  return (t.length - 1) * 26 + (t.charCodeAt(0) - 96);
}

export function toAlpha(n: number): string {
  const letter = String.fromCharCode(97 + ((n - 1) % 26));
  return letter.repeat(Math.floor((n - 1) / 26) + 1);
}

/** Every plausible reading of a number token, most likely first. */
export function readNumber(token: string): NumberReading[] {
  if (/^\d+(?:\.\d+)*$/.test(token)) {
    const path = token.split('.').map(Number);
    return [{ kind: 'decimal', upper: false, value: path[path.length - 1], path }];
  }
  const upper = token === token.toUpperCase();
  const readings: NumberReading[] = [];
  const roman = romanValue(token);
  const alpha = alphaValue(token);
  if (roman !== undefined) readings.push({ kind: 'roman', upper, value: roman });
  if (alpha !== undefined) {
    // A single letter other than i, v, x is a letter first; "i" starts a roman list unless (h) came before.
    const r: NumberReading = { kind: 'alpha', upper, value: alpha };
    if (token.length === 1 && !/^[ivx]$/i.test(token)) readings.unshift(r);
    else readings.push(r);
  }
  return readings;
}

export function formatNumber(value: number | number[], format: NumberFormat): string {
  let body: string;
  if (Array.isArray(value)) body = value.join('.');
  else if (format.kind === 'decimal') body = String(value);
  else body = format.kind === 'roman' ? toRoman(value) : toAlpha(value);
  if (format.upper) body = body.toUpperCase();
  return format.prefix + body + format.suffix;
}

/**
 * The number the next sibling of `clause` gets, written in the same style: "12.4" after "12.3",
 * "(d)" after "(c)", "ARTICLE V" after "ARTICLE IV". Undefined for unnumbered clauses.
 */
export function nextClauseNumber(clause: Pick<Clause, 'number' | 'numberFormat'>): string | undefined {
  if (!clause.number || !clause.numberFormat) return undefined;
  const format = clause.numberFormat;
  const reading = readNumber(clause.number).find((r) => r.kind === format.kind) ?? readNumber(clause.number)[0];
  if (!reading) return undefined;
  if (reading.path) {
    const path = [...reading.path];
    path[path.length - 1]++;
    return formatNumber(path, format);
  }
  return formatNumber(reading.value + 1, format);
}

/** How a clause reads in an outline: "12.3 Subcontracting", "(c)", "ARTICLE IV Term", "Schedule A Fees". */
export function clauseLabel(c: Pick<Clause, 'number' | 'numberFormat' | 'title' | 'headingText' | 'id'>): string {
  const number = c.number && c.numberFormat ? `${c.numberFormat.prefix}${c.number}${c.numberFormat.suffix}`.trim() : c.number;
  const label = [number, c.title].filter(Boolean).join(' ');
  return label || c.headingText.replace(/\s+/g, ' ').trim().slice(0, 80) || c.id;
}
