import { parentPort } from 'node:worker_threads';
import { createSourceDocument } from '../core/document/sourceDocument';
import { checkDocument } from '../core/engine';
import { buildContractModel } from '../core/model/buildModel';
import { summarizeModel } from '../core/model/summary';
import type { RuleServices } from '../core/rules/services';
import { plainEntity } from '../core/screening/entity';
import type { WorkerRequest, WorkerResponse } from './checkProtocol';
import { loadListSources, validateListFiles } from './listSources';

/**
 * The check worker: loads the sanctions lists and runs the (pure) core off the extension host's
 * thread, so neither a slow list load nor a 10 MB contract can freeze typing. Requests are handled
 * one at a time, in order.
 */
let services: RuleServices = {};

function handle(m: WorkerRequest): WorkerResponse {
  switch (m.type) {
    case 'lists': {
      const { screener, ...loaded } = loadListSources(m.sources);
      services = { screener };
      return { type: 'lists', id: m.id, loaded };
    }
    case 'validate':
      return { type: 'validate', id: m.id, loaded: validateListFiles(m.paths) };
    case 'check': {
      const doc = createSourceDocument(m.uri, m.text, m.format, m.version);
      const { model: _model, ...result } = checkDocument(doc, { config: m.config, services });
      return { type: 'check', id: m.id, result };
    }
    case 'outline':
      // The model of the version just checked comes from the core's model cache.
      return { type: 'outline', id: m.id, summary: summarizeModel(buildContractModel(createSourceDocument(m.uri, m.text, m.format, m.version))) };
    case 'search': {
      const matches = services.screener?.search(m.query, m.options).map(({ alignment: _a, entity, ...rest }) => ({ ...rest, entity: plainEntity(entity) })) ?? [];
      return { type: 'search', id: m.id, matches };
    }
    case 'entity': {
      const e = services.screener?.entityById(m.entityId);
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
