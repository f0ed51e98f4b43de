import * as vscode from 'vscode';
import { isContract } from '../contractScope';
import { toSourceDocument } from '../convert';
import type { ExtensionServices } from '../extensionServices';
import { buildContractModel, type ContractModel } from '../../core/index';

/** Largest document (characters) the editor-thread model features handle; bigger ones skip them. */
export const MODEL_FEATURES_MAX_CHARS = 150_000;

/** Documents the model-based features (outline, folding, defined terms) may be asked about. */
export const CONTRACT_SELECTOR: vscode.DocumentSelector = [
  { language: 'markdown' },
  { language: 'plaintext' },
  { language: 'contract' },
  { language: 'contract-markdown' },
];

/**
 * The contract model of an open document: the checker's (current version) when there is one, else built
 * here (the core keeps the last few models, so outline, folding and hover share one parse).
 * Undefined for documents that are not contracts.
 */
export function modelFor(doc: vscode.TextDocument, services: ExtensionServices): ContractModel | undefined {
  if (!isContract(doc)) return undefined;
  // Building the model runs on the extension host's thread (~0.5 s per 100 pages): past this size the
  // outline, folding and term features stay off rather than freeze typing (issue 6, "never block").
  if (doc.offsetAt(doc.lineAt(doc.lineCount - 1).range.end) > MODEL_FEATURES_MAX_CHARS) return undefined;
  const review = services.checker.reviewOf(doc.uri);
  if (review && review.version === doc.version) return review.model();
  return buildContractModel(toSourceDocument(doc));
}
