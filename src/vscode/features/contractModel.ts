import * as vscode from 'vscode';
import { isContract } from '../contractScope';
import { contractFormat } from '../convert';
import type { ExtensionServices } from '../extensionServices';
import type { ModelSummary } from '../../core/index';

/** Documents the model-based features (outline, folding, defined terms) may be asked about. */
export const CONTRACT_SELECTOR: vscode.DocumentSelector = [
  { language: 'markdown' },
  { language: 'plaintext' },
  { language: 'contract' },
  { language: 'contract-markdown' },
];

// One request per document version, shared by the Outline, folding and hovers.
const summaries = new Map<string, { version: number; summary: Promise<ModelSummary | undefined> }>();

/**
 * The clause tree and defined terms of an open contract, built in the check worker (issue 16: never on
 * the extension host's thread, whatever the document's size). Undefined for documents that are not
 * contracts, or when the worker cannot answer (logged).
 */
export function summaryFor(doc: vscode.TextDocument, services: ExtensionServices): Promise<ModelSummary | undefined> {
  if (!isContract(doc)) return Promise.resolve(undefined);
  const key = doc.uri.toString();
  const known = summaries.get(key);
  if (known && known.version === doc.version) return known.summary;
  const summary = services.worker
    .request({ type: 'outline', uri: key, text: doc.getText(), format: contractFormat(doc), version: doc.version })
    .then((r) => r.summary)
    .catch((e: unknown) => {
      services.output.warn(`Could not read the clauses of ${doc.uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
      summaries.delete(key);
      return undefined;
    });
  summaries.set(key, { version: doc.version, summary });
  return summary;
}

/** Forget closed documents. */
export function registerSummaryCleanup(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.workspace.onDidCloseTextDocument((d) => summaries.delete(d.uri.toString())));
}

/** Times a conversion of a summary to editor objects; steps over 16 ms are kept in services.slowFeatureSteps (tests, benchmarks). */
export function timedStep<T>(services: ExtensionServices, step: string, fn: () => T): T {
  const t = performance.now();
  try {
    return fn();
  } finally {
    const ms = performance.now() - t;
    const steps = services.slowFeatureSteps;
    if (ms > 16) steps.push({ at: Date.now(), ms: Math.round(ms), step });
    if (steps.length > 500) steps.splice(0, 250);
  }
}
