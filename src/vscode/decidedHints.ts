import { describeDecision, type Decision, type DecisionStatus } from '../core/decisions';
import { applyDismissals, describeDismissal, innermostClause, type Dismissal } from '../core/dismissals';
import type { CheckResult } from '../core/engine';
import { clauseLabel } from '../core/model/numbering';
import type { SuppressedFinding } from '../core/suppressions';
import type { Finding } from '../core/types';

/** Why a finding the editor still shows faintly is not a problem any more. */
export type HiddenBy = { kind: 'decision'; decision: Decision } | { kind: 'dismissal'; dismissal: Dismissal };

/** Applies a file's dismissals after the decisions; dismissed findings go to the report's appendix too. */
export function applyFileDismissals(text: string, findings: Finding[], dismissals: readonly Dismissal[], result: CheckResult): { shown: Finding[]; dismissed: Map<Finding, Dismissal>; suppressed: SuppressedFinding[] } {
  if (!dismissals.length) return { shown: findings, dismissed: new Map(), suppressed: [] };
  // The model (clause tree) is built only when a clause-wide dismissal needs it.
  const clauseOf = (f: Finding) => {
    const c = innermostClause(result.model.clauses, f.span.start);
    return c && clauseLabel(c);
  };
  const { shown, dismissed } = applyDismissals(text, findings, dismissals, clauseOf);
  const suppressed = [...dismissed].map(([finding, d]): SuppressedFinding => ({ finding, suppression: { kind: 'other', reason: describeDismissal(d) } }));
  return { shown, dismissed, suppressed };
}

/**
 * Findings hidden by a reviewer (a "not a match" decision or a dismissal), to publish as faint hints
 * whose hover says who decided what, with Revoke. Findings hidden by inline comments stay hidden.
 */
export function hiddenFindings(suppressed: readonly SuppressedFinding[], dismissed: ReadonlyMap<Finding, Dismissal>, decisions: ReadonlyMap<Finding, DecisionStatus>): { finding: Finding; hidden: HiddenBy }[] {
  const out: { finding: Finding; hidden: HiddenBy }[] = [];
  for (const s of suppressed) {
    const d = dismissed.get(s.finding);
    const status = decisions.get(s.finding);
    if (d) out.push({ finding: s.finding, hidden: { kind: 'dismissal', dismissal: d } });
    else if (s.suppression.kind === 'decision' && status?.state === 'applies') out.push({ finding: s.finding, hidden: { kind: 'decision', decision: status.decision } });
  }
  return out;
}

export function hiddenNote(h: HiddenBy): string {
  return h.kind === 'decision' ? `Decided — ${describeDecision(h.decision)}` : `Decided — ${describeDismissal(h.dismissal)}`;
}
