import { parentPort } from 'node:worker_threads';
import { createReviewer, createSourceDocument, plainEntity, summarizeModel, type ListInfo, type Reviewer } from '../core/index';
import type { WorkerRequest, WorkerResponse } from './checkProtocol';
import { loadListSources, validateListFiles } from './listSources';

/**
 * The check worker: loads the sanctions lists and runs the (pure) core off the extension host's
 * thread, so neither a slow list load nor a 10 MB contract can freeze typing. Requests are handled
 * one at a time, in order.
 */
let reviewer: Reviewer = createReviewer();
/** The lists in use, which an import is compared with. */
let inUse: ListInfo[] = [];

function handle(m: WorkerRequest): WorkerResponse {
  switch (m.type) {
    case 'lists': {
      const { screener, ...loaded } = loadListSources(m.sources);
      reviewer = createReviewer({ screener, lists: loaded.lists });
      inUse = loaded.lists;
      return { type: 'lists', id: m.id, loaded };
    }
    case 'validate':
      return { type: 'validate', id: m.id, loaded: validateListFiles(m.paths, inUse, { acceptSmallerList: m.acceptSmallerList, bundledDir: m.bundledDir }) };
    case 'check': {
      const doc = createSourceDocument(m.uri, m.text, m.format, m.version);
      return { type: 'check', id: m.id, review: reviewer.review(doc, { config: m.config, decisions: m.decisions, dismissals: m.dismissals, partyScreening: m.partyScreening }) };
    }
    case 'outline':
      // The model of the version just checked comes from the core's model cache.
      return { type: 'outline', id: m.id, summary: summarizeModel(reviewer.model(createSourceDocument(m.uri, m.text, m.format, m.version))) };
    case 'search': {
      const matches = reviewer.search(m.query, m.options).map(({ alignment: _a, entity, ...rest }) => ({ ...rest, entity: plainEntity(entity) }));
      return { type: 'search', id: m.id, matches };
    }
    case 'entity': {
      const e = reviewer.entity(m.entityId);
      return { type: 'entity', id: m.id, entity: e && plainEntity(e) };
    }
    case 'spin': {
      const end = performance.now() + m.ms;
      while (performance.now() < end) {
        /* busy on purpose */
      }
      return { type: 'spin', id: m.id };
    }
  }
}

parentPort?.on('message', (m: WorkerRequest) => {
  let reply: WorkerResponse;
  try {
    reply = handle(m);
  } catch (e) {
    reply = { type: 'error', id: m.id, message: e instanceof Error ? `${e.message}` : String(e) };
  }
  parentPort?.postMessage(reply);
});
