/**
 * ClauseGuard's core, through its one front door. Hosts (the VS Code adapter, the check worker, the CLI)
 * import the core only from here (eslint enforces it): everything that decides a verdict lives behind it,
 * so the editor, `clauseguard check` and every report give the same findings for the same contract,
 * configuration and decisions. The core never imports `vscode` or Node built-ins: hosts read files and
 * hand data in.
 */

// The review: one pipeline, one reviewer object per set of loaded lists.
export { createReviewer, type Reviewer, type ReviewerInit, type ReviewOptions } from './review/reviewer';
export { checkDocument, SCREENING_RULES, suppressionCounts, type CheckOptions, type CheckResult, type DocumentReview } from './review/pipeline';
export type { DirectiveProblem, RuleError } from './review/types';
export type { Finding, FindingMatch, ScreeningCandidateInput, Severity, SeveritySetting, SuppressedFinding, Suppression } from './types';
export { SEVERITY_ORDER } from './types';

// Documents and the contract model.
export { createSourceDocument, formatFromPath, type ContractFormat, type SourceDocument } from './document/sourceDocument';
export type { Range, Span } from './document/positions';
export { isClauseGuardOutput, looksLikeContract } from './document/contractDetection';
export type { Clause, ClauseMarker, ContractModel, DefinedTerm } from './model/types';
export { clauseLabel } from './model/numbering';
export { buildContractModel } from './model/buildModel';
export { MARKERS, outlineLabel, summarizeModel, type ModelSummary, type TermSummary } from './model/summary';
export { lastAtOrBefore } from './model/search';
export { clauseLookup, type ClauseLookup, type ClauseSummary } from './model/clauseLookup';

// Configuration shared by every host (.clauseguard/config.json + host settings).
export { DEFAULT_CONFIG, normalizeConfig, type CheckConfig } from './config/checkConfig';
export {
  BUNDLED_LIST_IDS,
  CONFIG_PATH,
  DEFAULT_VALUES,
  describeOrigins,
  parseProjectConfig,
  resolveConfig,
  type ConfigLayer,
  type ConfigOrigin,
  type ConfigValues,
  type EffectiveConfig,
} from './config/projectConfig';

// Rules (metadata for settings, docs and reports).
export { allRules, ruleById } from './rules/registry';
export { exampleRange, firstSentence, type ExpectedFinding, type Rule, type RuleExample } from './rules/rule';

// Reviewers' decisions (the audit trail in .clauseguard/decisions.json).
export {
  backupName,
  clauseKeyAt,
  createDecision,
  DECISIONS_PATH,
  describeDecision,
  parseDecisionsFile,
  serializeDecisions,
  staleNote,
  toReviewerDecision,
  upsertDecision,
  applyDismissals,
  createDismissal,
  describeDismissal,
  DISMISSALS_PATH,
  innermostClause,
  parseDismissals,
  serializeDismissals,
  type Decision,
  type DecisionStatus,
  type Dismissal,
  type DismissalScope,
  type ListVersion,
  type ReviewerDecision,
  type Verdict,
} from './decisions';

// Quick fixes and the clause library.
export { BUNDLED_CLAUSE_FILES } from './fixes/bundled';
export { loadClauseLibrary, type ClauseFile, type ClauseLibrary } from './fixes/library';
export { applyFixAction, disableFileComment, type ClauseFixAction } from './fixes/quickFix';
export { hardWrapWidth, wrapLines } from './fixes/wrap';

// Sanctions lists and screening.
export { createScreener, type Screener, type ScreeningMatch, type SearchOptions } from './screening/screener';
export { plainEntity, type ListData, type ListEntity } from './screening/entity';
export type { ListInfo } from './screening/types';
export { ListParseError } from './screening/errors';
export { staleLists, staleWarning } from './screening/listFreshness';
export { decodeSnapshot, encodeSnapshot, SNAPSHOT_FORMAT } from './screening/snapshot';
export { readOfacCsvSet, type ListFile, type OfacFileSet } from './screening/readers/ofac';
export { readUnXml } from './screening/readers/un';
export { readFtmJsonLines } from './screening/readers/ftm';
export { readCustomWatchlist } from './screening/readers/custom';

// The contract chain across a workspace (parties linked across contracts; the chain rules).
export { chainDot, chainJson, chainMermaid, chainText, CONSENTS_PATH, contractFacts, contractFactsFromText, parseConsentsFile, partyKey, reviewChain, withConsent } from './chain/index';
export type { ChainReview, ChainReviewOptions, CheckedForChain } from './chain/index';
export type * from './chain/types';

// Reports.
export { escapeHtml } from './report/escape';
export { formatFromFileName, FORMAT_INFO, renderReport, REPORT_FORMATS, type ReportFormat } from './report/render';
export { renderHtml } from './report/html';
export { findingJsonV1 } from './report/findingJson';
export type { ComplianceReport, ReportFileInput, ReportInput } from './report/types';
