import { BUNDLED_CLAUSE_FILES } from '../fixes/bundled';
import { loadClauseLibrary, type ClauseLibrary } from '../fixes/library';
import { clauseFixActions, type ClauseFixAction } from '../fixes/quickFix';
import { DEFAULT_CONFIG, type CheckConfig } from '../config/checkConfig';
import type { Decision, Dismissal } from '../decisions/types';
import type { SourceDocument } from '../document/sourceDocument';
import { buildContractModel } from '../model/buildModel';
import type { ContractModel } from '../model/types';
import { buildReport } from '../report/build';
import type { ComplianceReport, ReportInput } from '../report/types';
import { allRules } from '../rules/registry';
import type { Rule } from '../rules/rule';
import type { ScreeningMatch, Screener, SearchOptions } from '../screening/screener';
import type { ListEntity } from '../screening/entity';
import type { ListInfo } from '../screening/types';
import type { Finding } from '../types';
import { reviewDocument, type DocumentReview, type RulesStage } from './pipeline';

/** What a host hands the core once: the loaded lists, the clause library, the configuration, the rules. */
export interface ReviewerInit {
  /** The screening engine over the loaded lists; absent = no names are screened (said in every report). */
  screener?: Screener;
  lists?: readonly ListInfo[];
  /** Default: the bundled clauses. The firm's folder is read by the host and handed in here. */
  clauseLibrary?: ClauseLibrary;
  config?: CheckConfig;
  rules?: readonly Rule[];
}

export interface ReviewOptions {
  decisions?: readonly Decision[];
  /** Reviewers' dismissals recorded for this document. */
  dismissals?: readonly Dismissal[];
  /** This document's own configuration when it differs from the reviewer's (CLI: per project folder). */
  config?: CheckConfig;
  /** Also screen every party name, for the report's screening table. */
  partyScreening?: boolean;
}

/** The core's one front door for hosts: every verdict comes from here, in the same order. Frozen. */
export interface Reviewer {
  readonly config: CheckConfig;
  readonly rules: readonly Rule[];
  readonly lists: readonly ListInfo[];
  readonly clauseLibrary: ClauseLibrary;
  review(document: SourceDocument, options?: ReviewOptions): DocumentReview;
  /** The contract model of a document (cached for the last documents reviewed). */
  model(document: SourceDocument): ContractModel;
  /** The quick fixes for a finding, from the data its rule stored (no re-analysis). */
  fixes(finding: Pick<Finding, 'rule' | 'data'>): ClauseFixAction[];
  search(query: string, options?: SearchOptions): ScreeningMatch[];
  /** A list entry by its list-qualified id ("ofac-sdn:34022"), with addresses and remarks. */
  entity(entityId: string): ListEntity | undefined;
  /** A compliance report of reviews made by this reviewer (its lists, configuration, rules and clauses). */
  report(input: Omit<ReportInput, 'lists' | 'config' | 'rules' | 'clauseLibrary'>): ComplianceReport;
}

const MEMO_SIZE = 16;

interface Memo {
  text: string;
  configKey: string;
  model: ContractModel;
  ruled: RulesStage;
}

export function createReviewer(init: ReviewerInit = {}): Reviewer {
  const config = init.config ?? DEFAULT_CONFIG;
  const rules = init.rules ?? allRules;
  const lists = init.lists ?? [];
  const clauseLibrary = init.clauseLibrary ?? loadClauseLibrary(BUNDLED_CLAUSE_FILES);
  const services = init.screener ? { screener: init.screener } : {};
  // Re-reviewing the same text (only decisions changed) reuses the model and the rules' findings.
  const memo = new Map<string, Memo>();
  const remember = (uri: string, m: Memo) => {
    memo.delete(uri);
    memo.set(uri, m);
    if (memo.size > MEMO_SIZE) memo.delete(memo.keys().next().value as string);
  };
  const modelOf = (doc: SourceDocument): ContractModel => {
    const m = memo.get(doc.uri);
    return m && m.text === doc.text ? m.model : buildContractModel(doc);
  };
  const reviewer: Reviewer = {
    config,
    rules,
    lists,
    clauseLibrary,
    review(document, options = {}) {
      const cfg = options.config ?? config;
      const configKey = JSON.stringify(cfg);
      const m = memo.get(document.uri);
      const hit = m && m.text === document.text ? m : undefined;
      const out = reviewDocument(document, {
        config: cfg,
        services,
        rules,
        decisions: options.decisions,
        dismissals: options.dismissals,
        partyScreening: options.partyScreening,
        model: hit?.model,
        ruled: hit && hit.configKey === configKey ? hit.ruled : undefined,
      });
      remember(document.uri, { text: document.text, configKey, model: out.model, ruled: out.ruled });
      return out.review;
    },
    model: modelOf,
    fixes: (finding) => clauseFixActions(finding, clauseLibrary),
    search: (query, options) => init.screener?.search(query, options) ?? [],
    entity: (entityId) => init.screener?.entityById(entityId),
    report: (input) => buildReport({ ...input, lists, config, rules, clauseLibrary }),
  };
  return Object.freeze(reviewer);
}
