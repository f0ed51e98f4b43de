import * as vscode from 'vscode';
import { buildContractModel } from '../../core/model/buildModel';
import type { ContractModel } from '../../core/model/types';
import { isContract } from '../contractScope';
import { toSourceDocument } from '../convert';
import type { ExtensionServices } from '../services';

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
  const review = services.checker.reviewOf(doc.uri);
  if (review && review.version === doc.version) return review.result.model;
  return buildContractModel(toSourceDocument(doc));
}
