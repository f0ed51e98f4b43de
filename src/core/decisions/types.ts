/**
 * Reviewer decisions on sanctions matches: the audit trail kept in `.clauseguard/decisions.json`
 * (meant to be committed and reviewed like any other file). Pure data; no I/O here.
 */

export type Verdict = 'not-a-match' | 'confirmed-match';

/** A reviewer's recorded decision on a screening match (one entry of .clauseguard/decisions.json). */
export interface ReviewerDecision {
  /** List-qualified entity id, e.g. "ofac-sdn:34022". */
  entityId: string;
  /** "not-a-match" hides the finding (it moves to the appendix); "confirmed-match" keeps it. */
  verdict: Verdict;
  reason: string;
  reviewer: string;
  /** ISO date or date-time. */
  date: string;
  /** The contract text the decision was made on; when present, a decision applies only to that text. */
  matchedText?: string;
  /** List version (date or hash) the decision was made against. */
  listVersion?: string;
  /** True when the producer found the decision no longer applies (entry or text changed). */
  stale?: boolean;
}


/** Which list (and exactly which version of it) the decision was made against. */
export interface ListVersion {
  /** List id, e.g. "ofac-sdn". */
  id: string;
  /** List date, YYYY-MM-DD. */
  date: string;
  /** SHA-256 of the list file(s) as loaded. */
  sha256: string;
}

/** The list entry as it stood when the decision was made; a change makes the decision stale. */
export interface EntrySnapshot {
  primaryName: string;
  type: string;
  programs: string[];
}

export interface Decision {
  /** Stable id of the decision (hash of file, entity and fingerprint); used for updates and the report. */
  id: string;
  /** The contract, relative to the workspace folder, with forward slashes. */
  file: string;
  /** List-qualified entity id, e.g. "ofac-sdn:34022". */
  entityId: string;
  /** The contract text the decision was made on (exactly as covered by the finding). */
  matchedText: string;
  /** The listed name or alias the text matched. */
  listedName: string;
  /** Hash of the words around the match; survives edits elsewhere in the file. */
  fingerprint: string;
  /** The words around the match, for people reading the file ("… [MATCH] …"). */
  context: string;
  /**
   * The clause the match was in ("1.3", or its heading), so a decision stays with the mention it was
   * made on: the same name written in another clause is a new mention and gets its own finding.
   */
  clause?: string;
  verdict: Verdict;
  reason: string;
  /** "Name <email>" from git config, else the operating-system user. */
  reviewer: string;
  /** ISO 8601 date-time (UTC). */
  date: string;
  listVersion: ListVersion;
  entry: EntrySnapshot;
}

/** What `.clauseguard/decisions.json` holds. */
export interface DecisionsFile {
  /** Format version of the file. */
  version: 1;
  decisions: Decision[];
}

export function toReviewerDecision(d: Decision, stale = false): ReviewerDecision {
  return {
    entityId: d.entityId,
    verdict: d.verdict,
    reason: d.reason,
    reviewer: d.reviewer,
    date: d.date,
    matchedText: d.matchedText,
    listVersion: `${d.listVersion.id} ${d.listVersion.date} (sha256 ${d.listVersion.sha256.slice(0, 12)}…)`,
    ...(stale ? { stale: true } : {}),
  };
}

/** How a decision relates to a finding now. */
export type DecisionStatus =
  | { state: 'applies'; decision: Decision }
  /** The decision was about this finding but no longer holds; `because` is a plain-English clause. */
  | { state: 'stale'; decision: Decision; because: string };

export type DismissalScope = 'finding' | 'clause' | 'file';

export interface Dismissal {
  /** Stable id (hash of file, rule, scope and place). */
  id: string;
  /** The contract, relative to the workspace folder, forward slashes. */
  file: string;
  rule: string;
  scope: DismissalScope;
  /** scope "clause": the clause's label as shown in the Outline ("7.2 Subcontracting"). */
  clause?: string;
  /** scope "finding": the covered text and the fingerprint of the words around it. */
  matchedText?: string;
  fingerprint?: string;
  /** The words around the finding, for people reading the file. */
  context?: string;
  reason: string;
  reviewer: string;
  /** ISO 8601 date-time (UTC). */
  date: string;
}
