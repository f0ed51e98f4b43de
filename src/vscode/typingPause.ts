import * as vscode from 'vscode';
import type { Finding } from '../core/index';

/** Findings about the whole document (a clause that is missing), as opposed to a name or place in it. */
export const DOCUMENT_LEVEL_RULES: ReadonlySet<string> = new Set(['subcontracting-consent-missing', 'sanctions-clause-missing']);
export const WAIT_SETTING = 'missingClausesWait';

/**
 * Holds back "missing clause" findings while the reviewer is typing (as cSpell's hideIssuesWhileTyping):
 * they appear once the document has been left alone for clauseguard.missingClausesWait seconds, or when it
 * is saved. Name and place findings are never held back.
 */
export class TypingPause {
  private readonly lastEdit = new Map<string, number>();

  edited(uri: vscode.Uri): void {
    this.lastEdit.set(uri.toString(), Date.now());
  }

  saved(uri: vscode.Uri): void {
    this.lastEdit.delete(uri.toString());
  }

  holdBack(uri: vscode.Uri, findings: readonly Finding[]): { held: ReadonlySet<Finding>; retryInMs?: number } {
    const key = uri.toString();
    const waitMs = waitSeconds(uri) * 1000;
    const since = Date.now() - (this.lastEdit.get(key) ?? -Infinity);
    const typing = since < waitMs;
    const held = new Set(typing ? findings.filter((f) => DOCUMENT_LEVEL_RULES.has(f.rule)) : []);
    return { held, retryInMs: held.size ? Math.max(0, waitMs - since) + 20 : undefined };
  }
}

function waitSeconds(uri: vscode.Uri): number {
  const v = vscode.workspace.getConfiguration('clauseguard', uri).get<unknown>(WAIT_SETTING, 5);
  return typeof v === 'number' && v >= 0 && v <= 600 ? v : 5;
}
