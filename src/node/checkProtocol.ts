import type { CheckConfig, ContractFormat, Decision, Dismissal, DocumentReview, ListEntity, ModelSummary, ScreeningMatch, SearchOptions } from '../core/index';
import type { LoadedLists } from './lists';

/** Messages between the extension host and the check worker (src/node/checkWorker.ts). Plain data only. */

export interface ListSources {
  /** Folder of the bundled lists/index.json; undefined = found next to the installation. */
  bundledDir?: string;
  /** Bundled list ids to use. */
  bundledIds: string[];
  /** Extra list files (imported lists first, then settings); a later file with the same list id wins. */
  extraPaths: string[];
}

export type WorkerRequest =
  | { type: 'lists'; id: number; sources: ListSources }
  /** Reads list files without using them; compared with the lists in use unless the user accepted a smaller list. */
  | { type: 'validate'; id: number; paths: string[]; acceptSmallerList?: boolean; bundledDir?: string }
  /** Review a document with the core's pipeline; `decisions` are those recorded for this document. */
  | { type: 'check'; id: number; uri: string; text: string; format: ContractFormat; version: number; config: CheckConfig; decisions: Decision[]; dismissals?: Dismissal[]; partyScreening?: boolean }
  /** The clause tree and defined terms of one text version, for the Outline, folding and hovers (the model is built here, never on the extension host). */
  | { type: 'outline'; id: number; uri: string; text: string; format: ContractFormat; version: number }
  | { type: 'search'; id: number; query: string; options?: SearchOptions }
  | { type: 'entity'; id: number; entityId: string }
  /** Busy-loop for a given time: lets tests prove that worker work does not block the extension host. */
  | { type: 'spin'; id: number; ms: number };

/** What a list load tells the extension host: the loaded lists without the screener (which stays in the worker). */
export type ListsLoaded = Omit<LoadedLists, 'screener'>;

export type WorkerResponse =
  | { type: 'lists'; id: number; loaded: ListsLoaded }
  | { type: 'validate'; id: number; loaded: ListsLoaded }
  /** The core's DocumentReview exactly as the pipeline made it (plain data). */
  | { type: 'check'; id: number; review: DocumentReview }
  | { type: 'outline'; id: number; summary: ModelSummary }
  | { type: 'search'; id: number; matches: Omit<ScreeningMatch, 'alignment'>[] }
  | { type: 'entity'; id: number; entity: ListEntity | undefined }
  | { type: 'spin'; id: number }
  | { type: 'error'; id: number; message: string };
