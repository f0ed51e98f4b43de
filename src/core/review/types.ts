import type { ClauseSummary } from '../model/clauseLookup';
import type { Finding, ScreeningCandidateInput, SuppressedFinding } from '../types';

/** An inline comment that is unknown, unused, ignored or refused (shown as its own diagnostic). */
export interface DirectiveProblem {
  /** 0-based line of the comment. */
  line: number;
  message: string;
}

/** A rule that threw: reported, never fatal, so one bad rule cannot hide the others. */
export interface RuleError {
  rule: string;
  message: string;
}

/**
 * The review of one document: plain, serialisable data, the same in the editor (it comes back from the
 * check worker as is), `clauseguard check`, `clauseguard report` and the report panel.
 */
export interface DocumentReview {
  uri: string;
  version: number;
  /** What every surface shows; a decided finding carries its decision (`finding.decision`). */
  findings: Finding[];
  /** Findings switched off by inline comments or "not a match" decisions, each with why: never dropped. */
  suppressed: SuppressedFinding[];
  directiveProblems: DirectiveProblem[];
  ruleErrors: RuleError[];
  /** The contract's clauses, to label findings in reports (models stay in the thread that built them). */
  clauses: ClauseSummary[];
  /** Every party name with its best list match (the report's screening table), when asked for. */
  screening?: ScreeningCandidateInput[];
  timings: { parseMs: number; rulesMs: number };
}
