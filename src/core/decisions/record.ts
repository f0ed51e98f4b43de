import type { ClauseLookup } from '../model/clauseLookup';
import type { Finding } from '../types';
import { fingerprintAt, hash64 } from './fingerprint';
import { snapshotOf, subjectOf } from './match';
import type { Decision, ListVersion, Verdict } from './types';

export interface NewDecisionInput {
  /** Contract path relative to the workspace folder, forward slashes. */
  file: string;
  /** The full text of the contract the finding was made on. */
  text: string;
  finding: Finding;
  verdict: Verdict;
  reason: string;
  reviewer: string;
  /** ISO date-time; handed in so the core reads no clock. */
  date: string;
  listVersion: ListVersion;
  /** The clause the finding is in (see clauseKeyAt), so the decision stays with this mention. */
  clause?: string;
}

/** Builds the audit record for a reviewer's decision on a finding. */
export function createDecision(input: NewDecisionInput): Decision {
  const { finding } = input;
  const reason = input.reason.trim();
  if (!reason) throw new Error('A decision needs a reason: say why this is (or is not) the listed party.');
  const fp = fingerprintAt(input.text, finding.span);
  const entityId = subjectOf(finding);
  return {
    id: hash64(`${input.file}|${entityId}|${fp.fingerprint}|${finding.text}|${input.clause ?? ''}`),
    file: input.file,
    entityId,
    matchedText: finding.text,
    listedName: finding.match?.name ?? '',
    fingerprint: fp.fingerprint,
    context: fp.context,
    ...(input.clause ? { clause: input.clause } : {}),
    verdict: input.verdict,
    reason,
    reviewer: input.reviewer,
    date: input.date,
    listVersion: input.listVersion,
    entry: snapshotOf(finding),
  };
}

/** Adds or replaces (same id) a decision; the result is in stable order. */
export function upsertDecision(all: readonly Decision[], d: Decision): Decision[] {
  return sortDecisions([...all.filter((x) => x.id !== d.id), d]);
}

/** Stable order: by file, then entity, then date, so diffs of the committed file stay small. */
export function sortDecisions(all: readonly Decision[]): Decision[] {
  return [...all].sort((a, b) => cmp(a.file, b.file) || cmp(a.entityId, b.entityId) || cmp(a.date, b.date) || cmp(a.id, b.id));
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The key of the clause at an offset, as decisions record it: its number, else its heading. */
export function clauseKeyAt(clauses: ClauseLookup, offset: number): string | undefined {
  const c = clauses.clauseAt(offset);
  if (!c) return undefined;
  return c.number?.trim() || c.id || c.headingText.trim().slice(0, 80) || undefined;
}
