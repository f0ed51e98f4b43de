import type { Range } from '../document/positions';
import type { ReviewerDecision, Suppression } from './types';

// Plain-text pieces shared by the renderers (each renderer escapes them for its own format).

/** "line 12, column 5" (1-based, as people count). */
export function lineCol(r: Range): string {
  return `line ${r.start.line + 1}, column ${r.start.character + 1}`;
}

/** 0..1 → "93" (0..100, as OFAC's search shows scores). */
export function scorePercent(score: number): string {
  return String(Math.round(score * 100));
}

export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}… (${(text.length - limit).toLocaleString('en-US')} more characters)`;
}

export function verdictLabel(verdict: string): string {
  if (verdict === 'not-a-match') return 'Not a match';
  if (verdict === 'confirmed-match') return 'Confirmed match';
  return verdict;
}

/** "Not a match — different company, registered in Ohio — J. Smith, 2026-11-02" */
export function decisionText(d: ReviewerDecision): string {
  const parts = [verdictLabel(d.verdict), d.reason || '(no reason given)', `${d.reviewer}, ${d.date}`];
  let s = parts.join(' — ');
  if (d.listVersion) s += ` (list version ${d.listVersion})`;
  if (d.stale) s += ' — no longer applies: the list entry or the matched text changed';
  return s;
}

export function suppressionText(s: Suppression): string {
  if (s.kind === 'inline') return `Inline comment ${s.comment}${s.line !== undefined ? ` on line ${s.line + 1}` : ''}${s.reason ? ` (reason: ${s.reason})` : ''}`;
  if (s.kind === 'decision') return `Reviewer's decision: ${decisionText(s.decision)}`;
  return s.reason;
}

/** The folder all paths share ("" when none), so long tables can show short names under one heading. */
export function commonFolder(paths: readonly string[]): string {
  if (paths.length < 2) return '';
  const split = paths.map((p) => p.replace(/\\/g, '/').split('/').slice(0, -1));
  const first = split[0];
  let n = 0;
  while (n < first.length && split.every((s) => s[n] === first[n])) n++;
  const prefix = first.slice(0, n).join('/');
  return n === 0 || (n === 1 && prefix === '') ? '' : prefix + '/';
}

/** Files in the order a partner reads them: failing first, then needing attention, then passing. */
export function byUrgency<T extends { status: string; index: number }>(files: readonly T[]): T[] {
  const rank: Record<string, number> = { fail: 0, broken: 1, attention: 2, pass: 3, off: 4 };
  return [...files].sort((a, b) => (rank[a.status] ?? 5) - (rank[b.status] ?? 5) || a.index - b.index);
}
