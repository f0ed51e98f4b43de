import { DEFAULT_CONFIG } from '../core/config';
import { looksLikeContract } from '../core/contractDetection';
import { checkDocument, type CheckResult } from '../core/engine';
import { clauseLookup, summarizeClauses, type ClauseLookup, type ClauseSummary } from '../core/model/clauseLookup';
import { CANDIDATE_MIN_SCORE, partyCandidates } from '../core/report/candidates';
import type { ScreeningCandidateInput } from '../core/report/types';
import type { RuleServices } from '../core/rules/services';
import type { ListInfo } from '../core/screening/types';
import { readContract, type FoundFile } from './contractFiles';
import type { ListLoadOptions } from './listGuard';
import { loadLists } from './lists';

/** One checked contract, in a form that can cross threads (no model; its clauses summarised). */
export interface CheckedContract {
  /** As shown to people: relative to the display root when inside it. */
  path: string;
  sha256: string;
  text: string;
  result: Omit<CheckResult, 'model'>;
  /** The contract's clauses, to label findings in reports. */
  clauses: ClauseSummary[];
  /** Every party name with its best list match (reports), when asked for. */
  screening?: ScreeningCandidateInput[];
}

export interface CheckServices {
  services: RuleServices;
  lists: ListInfo[];
  /** Problems loading list files, each naming the file (and line where known). */
  problems: string[];
}

/** Loads the bundled sanctions lists plus any extra list files (same list id replaces the bundled one). */
export function loadCheckServices(extraListPaths: readonly string[], listOptions: ListLoadOptions = {}): CheckServices {
  const loaded = loadLists({ ...listOptions, extraPaths: extraListPaths });
  return {
    services: { screener: loaded.screener },
    lists: loaded.lists,
    problems: loaded.errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`),
  };
}

export interface CheckFileOptions {
  /** Folder paths are shown relative to. */
  displayRoot: string;
  /** Also screen every party name for the report's screening table. */
  partyScreening: boolean;
}

/**
 * Reads and checks one file; undefined when a file found in a folder does not read like a contract
 * (named files, and *.contract.md / *.contract.txt, are always checked). Throws InputError.
 */
export function checkContractFile(file: FoundFile, loaded: CheckServices, options: CheckFileOptions): CheckedContract | undefined {
  const contract = readContract(file.path, options.displayRoot);
  if (!file.explicit && !/\.contract\.[a-z]+$/i.test(file.path) && !looksLikeContract(contract.doc.text)) return undefined;
  const { model, ...result } = checkDocument(contract.doc, { config: DEFAULT_CONFIG, services: loaded.services });
  const screener = loaded.services.screener;
  return {
    path: contract.path,
    sha256: contract.sha256,
    text: contract.doc.text,
    result,
    clauses: summarizeClauses(model.allClauses),
    ...(options.partyScreening && screener ? { screening: partyCandidates(model, (name) => screener.search(name, { limit: 1, minScore: CANDIDATE_MIN_SCORE })[0]) } : {}),
  };
}

/** The clause lookup of a checked contract (for the report builder). */
export function clausesOf(c: CheckedContract): ClauseLookup {
  return clauseLookup(c.clauses);
}

