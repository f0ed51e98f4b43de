import * as vscode from 'vscode';
import { isClauseGuardOutput, looksLikeContract } from '../core/contractDetection';
import { readSettings } from './settings';

const LANGUAGES = new Set(['markdown', 'plaintext', 'contract', 'contract-markdown']);

/** The extension's own folder (its bundled docs), set in activate(): never checked. */
export const ownFolder = { path: '' };

/** ClauseGuard's own files: anything in .clauseguard/, the extension's bundled docs, its exports. */
function isOwnFile(uri: vscode.Uri, text: string): boolean {
  if (/(^|\/)\.clauseguard\//.test(uri.path)) return true;
  if (ownFolder.path && uri.path.startsWith(ownFolder.path + '/docs/')) return true;
  return isClauseGuardOutput(text);
}

/**
 * Which open documents ClauseGuard checks: Markdown / plain-text files that match the
 * `clauseguard.contractFiles` globs, or (with `clauseguard.detectContracts`) read like a contract.
 */
export function isContract(doc: vscode.TextDocument): boolean {
  if (!LANGUAGES.has(doc.languageId) && !/\.(md|markdown|txt)$/i.test(doc.uri.path)) return false;
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && doc.uri.scheme !== 'vscode-remote') return false;
  if (isOwnFile(doc.uri, doc.getText())) return false;
  const settings = readSettings(doc.uri);
  const byGlob = settings.contractFiles.some((glob) => vscode.languages.match({ pattern: glob }, doc) > 0);
  return byGlob || (settings.detectContracts && looksLikeContract(doc.getText()));
}

/** The same decision for a file that is not open (Review Workspace): by its path and text. */
export function isContractFile(uri: vscode.Uri, text: string): boolean {
  if (!/\.(md|markdown|txt)$/i.test(uri.path)) return false;
  if (isOwnFile(uri, text)) return false;
  const settings = readSettings(uri);
  const languageId = /\.txt$/i.test(uri.path) ? 'plaintext' : 'markdown';
  // languages.match reads only the uri and language of the document it is given.
  const probe = { uri, languageId } as unknown as vscode.TextDocument;
  const byGlob = settings.contractFiles.some((glob) => vscode.languages.match({ pattern: glob }, probe) > 0);
  return byGlob || (settings.detectContracts && looksLikeContract(text));
}
