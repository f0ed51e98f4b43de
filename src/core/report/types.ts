import type { Range } from '../document/positions';
import type { ClauseLibrary } from '../fixes/library';
import type { CheckConfig } from '../config/checkConfig';
import type { Rule } from '../rules/rule';
import type { ListInfo } from '../screening/types';
import type { ReviewerDecision } from '../decisions/types';
import type { DocumentReview } from '../review/types';
import type { Finding, FindingMatch, Severity, SeveritySetting, Suppression } from '../types';

export type { ReviewerDecision } from '../decisions/types';
export type { ScreeningCandidateInput, SuppressedFinding, Suppression } from '../types';
import type { chainJson } from '../chain/format';

/** The report's "Contract chain" section: the chain JSON of `clauseguard chain`. */
export type ReportChain = ReturnType<typeof chainJson>;

// ---------------------------------------------------------------------------------------------
// What producers hand in. Everything is data: the core never reads files, clocks or settings.
// ---------------------------------------------------------------------------------------------

export interface ReportFileInput {
  /** Path as shown to people (relative to the workspace or the current folder). */
  path: string;
  /** Editor URI, used only by the panel to open the file. */
  uri?: string;
  /** SHA-256 (hex) of the file's bytes on disk: the report is always of saved files. */
  sha256: string;
  /** The review pipeline's result for the file (src/core/review/pipeline.ts), decisions applied. */
  review: ReportedReview;
  /** An editor had unsaved changes to this file when the report was made (they are not in it). */
  unsaved?: boolean;
  /** The saved text, for the report's "Contract chain" section (read, never printed). */
  text?: string;
}

/** What the report reads of a review. */
export type ReportedReview = Pick<DocumentReview, 'findings' | 'suppressed' | 'ruleErrors' | 'timings' | 'clauses' | 'screening'>;

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
  /** The contract chain across the files (src/core/chain), when the producer linked them. */
  chain?: ReportChain;
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
export interface ReportFinding extends Omit<Finding, 'data' | 'decision'> {
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
  /** An editor had unsaved changes to this file: the report (and its hash) is of the saved file. */
  unsaved?: boolean;
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
  /** The "Contract chain" section: parties, links and chain findings across the contracts. */
  chain?: ReportChain;
}

export const REPORT_FORMATS = ['html', 'md', 'json', 'sarif', 'csv'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
