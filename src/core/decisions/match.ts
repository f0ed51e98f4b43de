import type { SuppressedFinding } from '../types';
import type { Finding } from '../types';
import { fingerprintAt } from './fingerprint';
import { toReviewerDecision, type Decision, type DecisionStatus, type EntrySnapshot } from './types';

export interface DecisionOutcome {
  /** Findings still shown (confirmed matches and findings whose decision no longer applies included). */
  findings: Finding[];
  /** Findings a reviewer decided are not a match: hidden in the editor, listed in the report's appendix. */
  suppressed: SuppressedFinding[];
  /** The decision behind each finding that has one (applies or stale). */
  status: Map<Finding, DecisionStatus>;
}

/** The key a decision is recorded under: the list entity, or the rule for findings without a list match. */
export function subjectOf(f: Finding): string {
  return f.match?.entity.id ?? `rule:${f.rule}`;
}

export function snapshotOf(f: Finding): EntrySnapshot {
  const e = f.match?.entity;
  return { primaryName: e?.primaryName ?? '', type: e?.type ?? '', programs: [...(e?.programs ?? [])].sort() };
}

/**
 * Matches a file's decisions to its findings. Pass 1 pairs decisions with the finding at the same
 * place (same entity, same fingerprint of the surrounding words, same text). Pass 2 lets a decision
 * follow its text when the words around it were edited, within the same clause. Pass 3 finds decisions whose place still
 * exists but whose matched text changed: those no longer apply and say why. A decision whose list
 * entry changed (name, type or programmes) never applies.
 */
export function applyDecisions(text: string, findings: readonly Finding[], decisions: readonly Decision[], clauseAt: (offset: number) => string | undefined = () => undefined): DecisionOutcome {
  const status = new Map<Finding, DecisionStatus>();
  if (!decisions.length) return { findings: [...findings], suppressed: [], status };
  const open = new Set(decisions);
  const candidates = findings.map((f) => ({ finding: f, subject: subjectOf(f), fp: '', text: f.text }));
  const fpOf = (c: (typeof candidates)[number]) => (c.fp ||= fingerprintAt(text, c.finding.span).fingerprint);
  const bySubject = new Map<string, Decision[]>();
  for (const d of decisions) bySubject.set(d.entityId, [...(bySubject.get(d.entityId) ?? []), d]);

  const pair = (c: (typeof candidates)[number], d: Decision) => {
    open.delete(d);
    const because = entryChange(d.entry, snapshotOf(c.finding)) ?? (d.matchedText !== c.text ? `the matched text changed from “${d.matchedText}” to “${c.text}”` : undefined);
    status.set(c.finding, because ? { state: 'stale', decision: d, because } : { state: 'applies', decision: d });
  };
  // A decision follows its words through edits around them only within its own clause: the same
  // name in another clause is another mention (a reviewer ruled on one party, not on every namesake).
  const sameClause = (c: (typeof candidates)[number], d: Decision) => d.clause !== undefined && d.clause === clauseAt(c.finding.span.start);
  const passes: ((c: (typeof candidates)[number], d: Decision) => boolean)[] = [
    (c, d) => d.matchedText === c.text && d.fingerprint === fpOf(c),
    (c, d) => d.matchedText === c.text && sameClause(c, d),
    (c, d) => d.fingerprint === fpOf(c),
  ];
  for (const test of passes) {
    for (const c of candidates) {
      if (status.has(c.finding)) continue;
      const ds = bySubject.get(c.subject);
      const d = ds?.find((x) => open.has(x) && test(c, x));
      if (d) pair(c, d);
    }
  }

  const shown: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  for (const f of findings) {
    const s = status.get(f);
    if (s?.state === 'applies' && s.decision.verdict === 'not-a-match') suppressed.push({ finding: f, suppression: { kind: 'decision', decision: toReviewerDecision(s.decision) } });
    else shown.push(f);
  }
  return { findings: shown, suppressed, status };
}

/** A plain-English clause saying how the list entry changed, or undefined when it did not. */
export function entryChange(was: EntrySnapshot, now: EntrySnapshot): string | undefined {
  const changes: string[] = [];
  if (was.primaryName !== now.primaryName) changes.push(`its name is now “${now.primaryName}” (was “${was.primaryName}”)`);
  if (was.type !== now.type) changes.push(`its type is now ${now.type || 'unknown'} (was ${was.type || 'unknown'})`);
  const a = [...was.programs].sort().join(', ');
  const b = [...now.programs].sort().join(', ');
  if (a !== b) changes.push(`its programmes are now ${b || 'none'} (were ${a || 'none'})`);
  return changes.length ? `the list entry changed: ${changes.join('; ')}` : undefined;
}

/** One line for hovers and diagnostics: what was decided, by whom and when. */
export function describeDecision(d: Decision): string {
  const verdict = d.verdict === 'not-a-match' ? 'Not a match' : 'Confirmed match';
  return `${verdict}: ${d.reason} (${d.reviewer}, ${d.date.slice(0, 10)}; list ${d.listVersion.id} of ${d.listVersion.date})`;
}

/** The message suffix for a finding whose decision no longer applies. */
export function staleNote(s: Extract<DecisionStatus, { state: 'stale' }>): string {
  const verdict = s.decision.verdict === 'not-a-match' ? '“not a match”' : '“confirmed match”';
  return `A previous decision (${verdict}, ${s.decision.reviewer}, ${s.decision.date.slice(0, 10)}) no longer applies because ${s.because}. Review this match again.`;
}
