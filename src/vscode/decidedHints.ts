import { describeDecision, describeDismissal, type Decision, type Dismissal, type Finding, type SuppressedFinding } from '../core/index';

/** Why a finding the editor still shows faintly is not a problem any more. */
export type HiddenBy = { kind: 'decision'; decision: Decision } | { kind: 'dismissal'; dismissal: Dismissal };

/**
 * Findings hidden by a reviewer (a "not a match" decision or a dismissal), to publish as faint hints
 * whose hover says who decided what, with Revoke. Findings hidden by inline comments stay hidden.
 */
export function hiddenFindings(suppressed: readonly SuppressedFinding[]): { finding: Finding; hidden: HiddenBy }[] {
  const out: { finding: Finding; hidden: HiddenBy }[] = [];
  for (const s of suppressed) {
    const d = s.finding.dismissal;
    const status = s.finding.decision;
    if (d) out.push({ finding: s.finding, hidden: { kind: 'dismissal', dismissal: d } });
    else if (s.suppression.kind === 'decision' && status?.state === 'applies') out.push({ finding: s.finding, hidden: { kind: 'decision', decision: status.decision } });
  }
  return out;
}

export function hiddenNote(h: HiddenBy): string {
  return h.kind === 'decision' ? `Decided — ${describeDecision(h.decision)}` : `Decided — ${describeDismissal(h.dismissal)}`;
}
