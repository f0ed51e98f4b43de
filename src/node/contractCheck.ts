import { createReviewer, looksLikeContract, type CheckConfig, type Decision, type Dismissal, type DocumentReview, type ListInfo, type Reviewer } from '../core/index';
import { readContract, type FoundFile } from './contractFiles';
import type { ListLoadOptions } from './listGuard';

/** How a run's lists load: which bundled lists, and whether a smaller list the user confirmed may replace one. */
export type ListOptions = ListLoadOptions & { bundledIds?: readonly string[] };
import { loadLists } from './lists';

/** One checked contract, in a form that can cross threads: the core's review as is. */
export interface CheckedContract {
  /** As shown to people: relative to the display root when inside it. */
  path: string;
  /** SHA-256 of the file's bytes on disk. */
  sha256: string;
  text: string;
  review: DocumentReview;
}

export interface CheckServices {
  reviewer: Reviewer;
  lists: ListInfo[];
  /** Problems loading list files, each naming the file (and line where known). */
  problems: string[];
}

/** Loads the bundled sanctions lists plus any extra list files (same list id replaces the bundled one). */
export function loadCheckServices(extraListPaths: readonly string[], listOptions: ListOptions = {}): CheckServices {
  const loaded = loadLists({ ...listOptions, extraPaths: extraListPaths });
  return {
    reviewer: createReviewer({ screener: loaded.screener, lists: loaded.lists }),
    lists: loaded.lists,
    problems: loaded.errors.map((e) => `${e.file}${e.line ? `:${e.line}` : ''}: ${e.message}`),
  };
}

/** What one file is checked with: its project's configuration and decisions (plain data, for threads). */
export interface FileCheckPlan {
  config: CheckConfig;
  /** The decisions recorded for this file (already chosen by its path in the project). */
  decisions: Decision[];
  /** The dismissals recorded for this file. */
  dismissals?: Dismissal[];
  /** Check even if it does not read like a contract (named on the command line, or matched by contractFiles). */
  always: boolean;
}

export interface CheckFileOptions {
  /** Folder paths are shown relative to. */
  displayRoot: string;
  /** Also screen every party name for the report's screening table. */
  partyScreening: boolean;
}

/**
 * Reads and reviews one file; undefined when a file found in a folder does not read like a contract
 * (named files, *.contract.md / *.contract.txt and contractFiles matches are always checked). Throws InputError.
 */
export function checkContractFile(file: FoundFile, plan: FileCheckPlan, loaded: CheckServices, options: CheckFileOptions): CheckedContract | undefined {
  const contract = readContract(file.path, options.displayRoot);
  if (!plan.always && !looksLikeContract(contract.doc.text)) return undefined;
  const review = loaded.reviewer.review(contract.doc, { config: plan.config, decisions: plan.decisions, dismissals: plan.dismissals, partyScreening: options.partyScreening });
  return { path: contract.path, sha256: contract.sha256, text: contract.doc.text, review };
}
