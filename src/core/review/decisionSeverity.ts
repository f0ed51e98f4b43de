import { describeDecision, staleNote } from '../decisions/match';
import type { Finding } from '../types';

/**
 * Stage 4 of the review: a decided finding says so. A confirmed match becomes an error whatever its
 * score band (a reviewer has established it is the listed party); a decision that no longer applies
 * is named so the reviewer looks again. "Not a match" findings never reach this stage (suppressed).
 */
export function withDecisionSeverity(f: Finding): Finding {
  const s = f.decision;
  if (!s) return f;
  if (s.state === 'stale') return { ...f, message: `${f.message} ${staleNote(s)}` };
  if (s.decision.verdict !== 'confirmed-match') return f;
  const m = f.match;
  const what = m
    ? `“${f.text.replace(/\s+/g, ' ').trim()}” is the ${m.entity.list} entry ${m.entity.primaryName} [${m.entity.id}${m.entity.programs.length ? `, program ${m.entity.programs.join(', ')}` : ''}] (score ${Math.round(m.score * 100)}/100): a reviewer confirmed the match.`
    : `A reviewer confirmed this finding.`;
  const consequence = m ? ' Dealings with a listed party are prohibited, including through subcontractors: do not sign, perform or pay; escalate to your compliance team.' : ` ${f.message}`;
  return { ...f, severity: 'error', message: `${what}${consequence} ${describeDecision(s.decision)}.` };
}
