import type { CheckConfig } from '../core/config';
import type { ContractFormat } from '../core/document/sourceDocument';
import type { CheckResult } from '../core/engine';
import type { ModelSummary } from '../core/model/summary';
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
  | { type: 'validate'; id: number; paths: string[] }
  | { type: 'check'; id: number; uri: string; text: string; format: ContractFormat; version: number; config: CheckConfig }
  /** The clause tree and defined terms of one text version, for the Outline, folding and hovers (the model is built here, never on the extension host). */
  | { type: 'outline'; id: number; uri: string; text: string; format: ContractFormat; version: number }
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
  | { type: 'outline'; id: number; summary: ModelSummary }
  | { type: 'search'; id: number; matches: Omit<ScreeningMatch, 'alignment'>[] }
  | { type: 'entity'; id: number; entity: ListEntity | undefined }
  | { type: 'spin'; id: number }
  | { type: 'error'; id: number; message: string };
