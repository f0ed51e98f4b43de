import type { Clause } from '../model/types';
import type { Finding } from '../types';
import { fingerprintAt, hash64 } from './fingerprint';
import type { Dismissal, DismissalScope } from './types';

/**
 * Reviewers' dismissals of findings that are not sanctions matches ("this clause is fine as it is", "not
 * for this file"), kept in `.clauseguard/dismissals.json` beside the decisions, never in the contract
 * text. A dismissal covers one finding, every finding of its rule in one clause, or in the whole file.
 * Pure data; no I/O here.
 */
export const DISMISSALS_PATH = '.clauseguard/dismissals.json';

export type { Dismissal, DismissalScope } from './types';

export interface NewDismissalInput {
  file: string;
  text: string;
  finding: Finding;
  scope: DismissalScope;
  /** Label of the clause that holds the finding (needed for scope "clause"). */
  clause?: string;
  reason: string;
  reviewer: string;
  date: string;
}

export function createDismissal(input: NewDismissalInput): Dismissal {
  const reason = input.reason.trim();
  if (!reason) throw new Error('A dismissal needs a reason: say why this finding does not need a change.');
  if (input.scope === 'clause' && !input.clause) throw new Error('This finding is not inside a numbered or titled clause; dismiss it for the file instead.');
  const { finding, scope } = input;
  const base = { file: input.file, rule: finding.rule, scope, reason, reviewer: input.reviewer, date: input.date };
  if (scope === 'file') return { id: hash64(`${input.file}|${finding.rule}|file`), ...base };
  if (scope === 'clause') return { id: hash64(`${input.file}|${finding.rule}|clause|${input.clause}`), ...base, clause: input.clause };
  const fp = fingerprintAt(input.text, finding.span);
  return { id: hash64(`${input.file}|${finding.rule}|${fp.fingerprint}|${finding.text}`), ...base, matchedText: finding.text, fingerprint: fp.fingerprint, context: fp.context };
}

export interface DismissalOutcome {
  shown: Finding[];
  dismissed: Map<Finding, Dismissal>;
}

/**
 * Which findings a file's dismissals cover: file-wide ones by rule, clause ones by rule and the label of
 * the innermost clause holding the finding, single ones by rule and the words around (or the text).
 */
export function applyDismissals(text: string, findings: readonly Finding[], dismissals: readonly Dismissal[], clauseOf: (f: Finding) => string | undefined): DismissalOutcome {
  const dismissed = new Map<Finding, Dismissal>();
  if (!dismissals.length) return { shown: [...findings], dismissed };
  for (const f of findings) {
    const mine = dismissals.filter((d) => d.rule === f.rule);
    if (!mine.length) continue;
    const hit =
      mine.find((d) => d.scope === 'file') ??
      (mine.some((d) => d.scope === 'clause') ? mine.find((d) => d.scope === 'clause' && d.clause === clauseOf(f)) : undefined) ??
      mine.find((d) => d.scope === 'finding' && d.matchedText === f.text && d.fingerprint === fingerprintAt(text, f.span).fingerprint) ??
      mine.find((d) => d.scope === 'finding' && d.matchedText === f.text);
    if (hit) dismissed.set(f, hit);
  }
  return { shown: findings.filter((f) => !dismissed.has(f)), dismissed };
}

/** The innermost clause containing an offset (for scope "clause"). */
export function innermostClause(clauses: readonly Clause[], offset: number): Clause | undefined {
  for (const c of clauses) {
    if (offset >= c.span.start && offset < c.span.end) return innermostClause(c.children, offset) ?? c;
  }
  return undefined;
}

/** One line for hovers, the decisions view and the report appendix. */
export function describeDismissal(d: Dismissal): string {
  const where = d.scope === 'file' ? 'Dismissed for this file' : d.scope === 'clause' ? `Dismissed for clause ${d.clause}` : 'Dismissed';
  return `${where}: ${d.reason} (${d.reviewer}, ${d.date.slice(0, 10)})`;
}

/** Reads the dismissals file. Never throws; skipped entries are named in `problems`. */
export function parseDismissals(text: string): { dismissals: Dismissal[]; problems: string[] } {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) return { dismissals: [], problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { dismissals: [], problems: [`${DISMISSALS_PATH} is not valid JSON (${e instanceof Error ? e.message : String(e)}). No dismissal was applied.`] };
  }
  const list = (raw as { dismissals?: unknown })?.dismissals;
  if (!Array.isArray(list)) return { dismissals: [], problems: [`${DISMISSALS_PATH} must be an object with a "dismissals" list, like {"version": 1, "dismissals": []}.`] };
  const dismissals: Dismissal[] = [];
  const problems: string[] = [];
  list.forEach((d: unknown, i: number) => {
    const why = invalid(d);
    if (why) problems.push(`${DISMISSALS_PATH}: dismissal ${i + 1} was skipped because ${why}.`);
    else dismissals.push(d as Dismissal);
  });
  return { dismissals, problems };
}

function invalid(d: unknown): string | undefined {
  if (typeof d !== 'object' || d === null) return 'it is not an object';
  const r = d as Record<string, unknown>;
  for (const f of ['id', 'file', 'rule', 'reason', 'reviewer', 'date']) if (typeof r[f] !== 'string' || !String(r[f]).trim()) return `its "${f}" is missing or empty`;
  if (r.scope !== 'finding' && r.scope !== 'clause' && r.scope !== 'file') return `its "scope" is ${JSON.stringify(r.scope)}, not "finding", "clause" or "file"`;
  if (r.scope === 'clause' && typeof r.clause !== 'string') return 'a clause dismissal needs "clause"';
  if (r.scope === 'finding' && typeof r.matchedText !== 'string') return 'a finding dismissal needs "matchedText"';
  return undefined;
}

/** The file text: pretty-printed, in a stable order (by file, rule, date), ending with a newline. */
export function serializeDismissals(all: readonly Dismissal[]): string {
  const sorted = [...all].sort((a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return JSON.stringify({ version: 1, dismissals: sorted }, null, 2) + '\n';
}
