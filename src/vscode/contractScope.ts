import * as vscode from 'vscode';
import { looksLikeContract } from '../core/contractDetection';
import { readSettings } from './settings';

const LANGUAGES = new Set(['markdown', 'plaintext']);

/**
 * Which open documents ClauseGuard checks: Markdown / plain-text files that match the
 * `clauseguard.contractFiles` globs, or (with `clauseguard.detectContracts`) read like a contract.
 */
export function isContract(doc: vscode.TextDocument): boolean {
  if (!LANGUAGES.has(doc.languageId) && !/\.(md|markdown|txt)$/i.test(doc.uri.path)) return false;
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && doc.uri.scheme !== 'vscode-remote') return false;
  const settings = readSettings(doc.uri);
  const byGlob = settings.contractFiles.some((glob) => vscode.languages.match({ pattern: glob }, doc) > 0);
  return byGlob || (settings.detectContracts && looksLikeContract(doc.getText()));
}
