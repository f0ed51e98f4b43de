import * as vscode from 'vscode';
import { isClauseGuardOutput, looksLikeContract } from '../core/index';
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
  const byGlob = matchesContractGlobs(doc.uri, doc.languageId, settings.contractFiles);
  return byGlob || (settings.detectContracts && looksLikeContract(doc.getText()));
}

/** The same decision for a file that is not open (Review Workspace): by its path and text. */
export function isContractFile(uri: vscode.Uri, text: string): boolean {
  if (!/\.(md|markdown|txt)$/i.test(uri.path)) return false;
  if (isOwnFile(uri, text)) return false;
  const settings = readSettings(uri);
  const byGlob = matchesContractGlobs(uri, /\.txt$/i.test(uri.path) ? 'plaintext' : 'markdown', settings.contractFiles);
  return byGlob || (settings.detectContracts && looksLikeContract(text));
}

/**
 * Whether a file matches one of the clauseguard.contractFiles globs, by VS Code's own glob matcher
 * (the one files.exclude uses), relative to the file's workspace folder. A hand-made glob-to-regex
 * took 22 s per path on eight `**` segments in a row, and an unclosed `{a,b` threw.
 */
export function matchesContractGlobs(uri: vscode.Uri, languageId: string, globs: readonly string[]): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  // languages.match reads only the uri and language of the document it is given.
  const probe = { uri, languageId } as unknown as vscode.TextDocument;
  return globs.some((glob) => {
    try {
      const pattern = folder && !glob.startsWith('**') ? new vscode.RelativePattern(folder, glob) : glob;
      return vscode.languages.match({ pattern }, probe) > 0;
    } catch {
      return false; // a glob VS Code cannot read matches nothing (reported by the settings check)
    }
  });
}
