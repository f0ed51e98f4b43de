import type { CheckConfig } from '../core/config';
import type { ContractFormat } from '../core/document/sourceDocument';
import type { CheckResult } from '../core/engine';
import type { ListEntity } from '../core/screening/entity';
import type { ScreeningMatch, SearchOptions } from '../core/screening/screener';
import type { ListInfo } from '../core/screening/types';
import type { ListLoadError } from './lists';

/** Messages between the extension host and the check worker (src/node/checkWorker.ts). Plain data only. */

export interface ListSources {
  /** Folder of the bundled lists/index.json; undefined = found next to the installation. */
  bundledDir?: string;
  /** Bundled list ids to use. */
  bundledIds: string[];
  /** Extra list files (imported lists first, then settings); a later file with the same list id wins. */
  extraPaths: string[];
}

/** What the worker sends back for a check: a CheckResult without the (large) document model. */
export type WorkerCheckResult = Omit<CheckResult, 'model'>;

export type WorkerRequest =
  | { type: 'lists'; id: number; sources: ListSources }
  /** Reads list files without using them; compared with the lists in use unless the user accepted a smaller list. */
  | { type: 'validate'; id: number; paths: string[]; acceptSmallerList?: boolean; bundledDir?: string }
  | { type: 'check'; id: number; uri: string; text: string; format: ContractFormat; version: number; config: CheckConfig }
  | { type: 'search'; id: number; query: string; options?: SearchOptions }
  | { type: 'entity'; id: number; entityId: string }
  /** Busy-loop for a given time: lets tests prove that worker work does not block the extension host. */
  | { type: 'spin'; id: number; ms: number };

export interface ListsLoaded {
  lists: ListInfo[];
  errors: ListLoadError[];
  loadMs: number;
}

export type WorkerResponse =
  | { type: 'lists'; id: number; loaded: ListsLoaded }
  | { type: 'validate'; id: number; loaded: ListsLoaded }
  | { type: 'check'; id: number; result: WorkerCheckResult }
  | { type: 'search'; id: number; matches: Omit<ScreeningMatch, 'alignment'>[] }
  | { type: 'entity'; id: number; entity: ListEntity | undefined }
  | { type: 'spin'; id: number }
  | { type: 'error'; id: number; message: string };
