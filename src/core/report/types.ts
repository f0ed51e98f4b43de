import type { Range, Span } from '../document/positions';
import type { ClauseLibrary } from '../clauses/library';
import type { CheckConfig } from '../config';
import type { CheckResult } from '../engine';
import type { ClauseLookup } from '../model/clauseLookup';
import type { Rule } from '../rules/rule';
import type { ListInfo } from '../screening/types';
import type { Finding, FindingMatch, Severity, SeveritySetting } from '../types';

// ---------------------------------------------------------------------------------------------
// What producers hand in. Everything is data: the core never reads files, clocks or settings.
// ---------------------------------------------------------------------------------------------

/** A reviewer's recorded decision on a screening match (one entry of .clauseguard/decisions.json). */
export interface ReviewerDecision {
  /** List-qualified entity id, e.g. "ofac-sdn:34022". */
  entityId: string;
  /** "not-a-match" hides the finding (it moves to the appendix); "confirmed-match" keeps it. */
  verdict: 'not-a-match' | 'confirmed-match';
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

export interface SuppressedFindingInput {
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

/**
 * A CheckResult as future producers may extend it. The builder reads these optional fields when the
 * caller does not pass `suppressed` / `screening` explicitly, so producers can land in any order.
 */
export type CheckResultWithExtras = Omit<CheckResult, 'model'> & {
  /** The contract model, when the check ran in this thread (else see ReportFileInput.clauses). */
  model?: CheckResult['model'];
  screening?: ScreeningCandidateInput[];
};

export interface ReportFileInput {
  /** Path as shown to people (relative to the workspace or the current folder). */
  path: string;
  /** Editor URI, used only by the panel to open the file. */
  uri?: string;
  /** SHA-256 (hex) of the file's bytes. */
  sha256: string;
  result: CheckResultWithExtras;
  /** Clauses for labelling findings, when the result carries no model (checked on another thread). */
  clauses?: ClauseLookup;
  /** Findings suppressed by inline comments or decisions (default: result.suppressed). */
  suppressed?: SuppressedFindingInput[];
  /**
   * Decisions recorded for this file, matched to findings by entity id and matched text when the
   * producer did not attach one to the finding itself (finding.data.decision wins).
   */
  decisions?: readonly ReviewerDecision[];
  screening?: ScreeningCandidateInput[];
}

export interface ReportInput {
  tool: { name: string; version: string };
  /** When the report was made (ISO string or Date); handed in so reports are reproducible in tests. */
  generatedAt: string | Date;
  reviewer?: string;
  lists: readonly ListInfo[];
  config: CheckConfig;
  /** Rules that ran (default: every registered rule); their metadata gives titles and rationales. */
  rules?: readonly Rule[];
  /** The clause library the quick fixes use: gives each finding its suggested clause, filled in for the contract. */
  clauseLibrary?: ClauseLibrary;
  /** Lists older than this many days (by list date, on generatedAt) are named as out of date; 0 = never. Default 90. */
  maxListAgeDays?: number;
  /** Other settings that change results, shown as given: { "Contract files": "**\/*.contract.md" }. */
  extraSettings?: Record<string, string>;
  files: readonly ReportFileInput[];
}

// ---------------------------------------------------------------------------------------------
// The report itself: plain JSON-safe data that every renderer reads.
// ---------------------------------------------------------------------------------------------

/** pass = no findings · attention = warnings or notes · fail = errors · off = disabled · broken = the check crashed. */
export type CheckStatus = 'pass' | 'attention' | 'fail' | 'off' | 'broken';

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
}

export interface ReportCheck {
  /** Rule id. */
  id: string;
  title: string;
  description: string;
  /** Why it matters. */
  rationale: string;
  defaultSeverity: Severity;
  /** After the user's settings: 'off' means the check did not run. */
  effectiveSeverity: SeveritySetting;
  tags: string[];
  /** A clause the rule suggests (rule metadata), when it has one. */
  suggestedClause?: string;
}

export interface ReportClauseRef {
  id: string;
  number?: string;
  title?: string;
  /** What the report prints: "12.3 Subcontracting", or the heading when unnumbered. */
  label: string;
}

/** An engine finding as the report shows it (without the rule's private `data`). */
export interface ReportFinding extends Omit<Finding, 'data'> {
  /** Unique in the report: "f<file>-<n>" (suppressed: "f<file>-s<n>"). */
  id: string;
  clause?: ReportClauseRef;
  decision?: ReviewerDecision;
  /** Clause text offered for this finding (finding data, else the rule's). */
  suggestedClause?: string;
}

export interface ReportSuppressedFinding extends ReportFinding {
  suppression: Suppression;
}

export interface FileCheckSummary {
  rule: string;
  status: CheckStatus;
  counts: SeverityCounts;
  suppressed: number;
}

export interface ReportFile {
  index: number;
  path: string;
  uri?: string;
  sha256: string;
  /** Worst status over the checks. */
  status: CheckStatus;
  counts: SeverityCounts;
  checks: FileCheckSummary[];
  findings: ReportFinding[];
  suppressed: ReportSuppressedFinding[];
  ruleErrors: { rule: string; message: string }[];
  timings: { parseMs: number; rulesMs: number };
}

export type ScreeningStatus = 'reported' | 'suppressed' | 'not-reported';

export interface ReportScreeningRow {
  fileIndex: number;
  path: string;
  /** The name as written in the contract. */
  name: string;
  range?: Range;
  /** The finding this row comes from, when there is one. */
  findingId?: string;
  severity?: Severity;
  match?: FindingMatch;
  decision?: ReviewerDecision;
  status: ScreeningStatus;
}

export interface ReportSettings {
  screeningBands: { error: number; warning: number; info: number };
  /** Severity overrides the user set (by rule id or tag). */
  overrides: { key: string; setting: SeveritySetting }[];
  /** Rule ids that did not run. */
  disabledRules: string[];
  extra: { name: string; value: string }[];
}

export interface ReportTotals {
  files: number;
  findings: number;
  counts: SeverityCounts;
  suppressed: number;
  byStatus: Record<CheckStatus, number>;
  screenedNames: number;
}

export interface ComplianceReport {
  /** Version of this data model (the JSON export carries it as report.schemaVersion). */
  schemaVersion: 1;
  tool: { name: string; version: string };
  generatedAt: string;
  reviewer?: string;
  lists: ListInfo[];
  /** Lists older than `maxAgeDays` when the report was made, stated at the top of every format. */
  listsOutOfDate?: { maxAgeDays: number; lists: { id: string; name: string; date: string; ageDays: number }[]; warning: string };
  settings: ReportSettings;
  checks: ReportCheck[];
  files: ReportFile[];
  screening: ReportScreeningRow[];
  totals: ReportTotals;
}

export const REPORT_FORMATS = ['html', 'md', 'json', 'sarif', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
