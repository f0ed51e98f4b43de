import { DEFAULT_CONFIG, type CheckConfig } from '../config/checkConfig';
import { applyDecisions } from '../decisions/match';
import { applyDismissals, describeDismissal, innermostClause } from '../decisions/dismissals';
import type { Decision, Dismissal } from '../decisions/types';
import { clauseLabel } from '../model/numbering';
import type { SourceDocument } from '../document/sourceDocument';
import { buildContractModel } from '../model/buildModel';
import { clauseLookup, summarizeClauses } from '../model/clauseLookup';
import { clauseKeyAt } from '../decisions/record';
import type { ContractModel } from '../model/types';
import { CANDIDATE_MIN_SCORE, partyCandidates } from '../report/candidates';
import { allRules } from '../rules/registry';
import type { Rule } from '../rules/rule';
import type { RuleServices } from '../rules/ruleServices';
import type { Finding, SuppressedFinding } from '../types';
import { withDecisionSeverity } from './decisionSeverity';
import { applyInlineSuppressions } from './inlineDirectives';
import { runRules } from './runRules';
import type { DocumentReview, RuleError } from './types';

export type { DocumentReview } from './types';

/** Rules whose findings contract text may not switch off (the text may come from the other side). */
export const SCREENING_RULES: ReadonlySet<string> = new Set(['sanctioned-party', 'sanctioned-jurisdiction']);

export interface ReviewStages {
  config: CheckConfig;
  services: RuleServices;
  rules: readonly Rule[];
  /** The decisions recorded for this document (already chosen for its path by the host). */
  decisions?: readonly Decision[];
  /** The dismissals recorded for this document (.clauseguard/dismissals.json). */
  dismissals?: readonly Dismissal[];
  /** A model already built for this document version. */
  model?: ContractModel;
  partyScreening?: boolean;
  /** Stage 1's output for this very text and configuration (decisions changed): reused, not re-run. */
  ruled?: RulesStage;
}

/** What stage 1 produced, kept by hosts that re-review the same text when only decisions change. */
export interface RulesStage {
  findings: Finding[];
  ruleErrors: RuleError[];
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/**
 * THE order of the review, for every host: rules → inline directives → reviewers' decisions →
 * reviewers' dismissals → severity from the decision → party screening for the report. Pure: no I/O.
 */
export function reviewDocument(doc: SourceDocument, stages: ReviewStages): { review: DocumentReview; model: ContractModel; ruled: RulesStage } {
  const { config, rules } = stages;
  const services: RuleServices = { screeningBands: config.screeningBands, ...stages.services };
  const t0 = now();
  const model = stages.model ?? buildContractModel(doc);
  const t1 = now();
  const ruled = stages.ruled ?? runRules(doc, model, rules, config, services);
  const inline = applyInlineSuppressions(doc, ruled.findings, {
    tagsOf: (id) => rules.find((r) => r.id === id)?.tags ?? [],
    known: (name) => rules.some((r) => r.id === name || r.tags.includes(name)),
    enabled: config.inlineDirectives,
    protectedRules: SCREENING_RULES,
    allowProtected: config.allowInlineScreeningDisable,
  });
  const clauses = summarizeClauses(model.allClauses);
  const lookup = clauseLookup(clauses);
  const decided = applyDecisions(doc.text, inline.findings, stages.decisions ?? [], (offset) => clauseKeyAt(lookup, offset));
  // Reviewers' dismissals of other findings (this finding, this clause, this file), after the decisions.
  const dismissed = applyDismissals(doc.text, decided.findings, stages.dismissals ?? [], (f) => {
    const c = innermostClause(model.clauses, f.span.start);
    return c && clauseLabel(c);
  });
  const findings = dismissed.shown.map((f) => withDecisionSeverity(withStatus(f, decided.status)));
  const suppressed: SuppressedFinding[] = [
    ...inline.suppressed,
    ...decided.suppressed.map((s) => ({ ...s, finding: withStatus(s.finding, decided.status) })),
    ...[...dismissed.dismissed].map(([f, d]): SuppressedFinding => ({ finding: { ...f, dismissal: d }, suppression: { kind: 'other', reason: describeDismissal(d) } })),
  ];
  const t2 = now();
  const screener = services.screener;
  const screening = stages.partyScreening && screener ? partyCandidates(model, (name) => screener.search(name, { limit: 1, minScore: CANDIDATE_MIN_SCORE })[0]) : undefined;
  return {
    model,
    ruled,
    review: {
      uri: doc.uri,
      version: doc.version,
      findings,
      suppressed,
      directiveProblems: inline.problems,
      ruleErrors: ruled.ruleErrors,
      clauses,
      ...(screening ? { screening } : {}),
      timings: { parseMs: t1 - t0, rulesMs: t2 - t1 },
    },
  };
}

function withStatus(f: Finding, status: ReturnType<typeof applyDecisions>['status']): Finding {
  const s = status.get(f);
  return s ? { ...f, decision: s } : f;
}

/** How many findings each kind of suppression hid (for every output's summary line). */
export function suppressionCounts(reviews: readonly Pick<DocumentReview, 'suppressed'>[]): { inline: number; decision: number; other: number } {
  const counts = { inline: 0, decision: 0, other: 0 };
  for (const r of reviews) for (const s of r.suppressed) counts[s.suppression.kind]++;
  return counts;
}

export interface CheckOptions {
  config?: CheckConfig;
  services?: RuleServices;
  rules?: readonly Rule[];
  model?: ContractModel;
  decisions?: readonly Decision[];
}

/** A review with its model, for tests and evaluation scripts (hosts use createReviewer). */
export type CheckResult = DocumentReview & { model: ContractModel };

/** The whole pipeline over one document with defaults filled in (all rules, the default configuration). */
export function checkDocument(doc: SourceDocument, options: CheckOptions = {}): CheckResult {
  const { review, model } = reviewDocument(doc, {
    config: options.config ?? DEFAULT_CONFIG,
    services: options.services ?? {},
    rules: options.rules ?? allRules,
    model: options.model,
    decisions: options.decisions,
  });
  return { ...review, model };
}
