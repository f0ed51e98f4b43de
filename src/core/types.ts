import type { DecisionStatus, Dismissal, ReviewerDecision } from './decisions/types';
import type { Range, Span } from './document/positions';

export type { ReviewerDecision } from './decisions/types';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export const SEVERITY_ORDER: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The best sanctions-list match behind a `sanctioned-party` finding (CLI JSON v1 `match`). */
export interface FindingMatch {
  score: number;
  /** The listed name or alias that matched. */
  name: string;
  entity: { id: string; list: string; primaryName: string; type: string; programs: string[] };
  explanation?: string;
}

/** A finding as the engine reports it (the CLI's JSON v1 "findings" items). */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  /** The covered source text. */
  text: string;
  range: Range;
  span: Span;
  match?: FindingMatch;
  /** Rule-specific data the quick fixes and the report need (never re-analyse in the editor). */
  data?: Record<string, unknown>;
  /** The reviewer's decision on this finding, set by the review pipeline (src/core/review/pipeline.ts). */
  decision?: DecisionStatus;
  /** The reviewer's dismissal that suppresses this finding (.clauseguard/dismissals.json), set by the pipeline. */
  dismissal?: Dismissal;
}

/** Why a finding is not shown with the others. Nothing is hidden: these go to the report's appendix. */
export type Suppression =
  | {
      kind: 'inline';
      /** The disabling comment as written, e.g. "<!-- clauseguard-disable-next-line sanctioned-party -->". */
      comment: string;
      /** 0-based line of the comment. */
      line?: number;
      /** Reason written in the comment after "--". */
      reason?: string;
    }
  | { kind: 'decision'; decision: ReviewerDecision }
  | { kind: 'other'; reason: string };

export interface SuppressedFinding {
  finding: Finding;
  suppression: Suppression;
}

/** A name the screening looked at, with its best match even when that match was not reported. */
export interface ScreeningCandidateInput {
  /** The name as written in the contract. */
  name: string;
  span?: Span;
  range?: Range;
  /** Best match, if any list entry came close at all. */
  match?: FindingMatch;
  decision?: ReviewerDecision;
}
