import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { reviewerName } from '../../node/reviewerName';
import { formatOf } from '../checker';
import type { ExtensionServices } from '../extensionServices';
import { effectiveConfig } from '../settings';
import { findWorkspaceContracts, type ReportSource } from './reportPanel';

/**
 * The report's data: each file's bytes on disk reviewed by the check worker's reviewer (the lists in
 * use, the effective configuration, the recorded decisions) with the same pipeline as the Problems
 * panel and `clauseguard report`. Unsaved editor changes are never in a report; the file is flagged.
 */
export function reportSourceFromServices(context: vscode.ExtensionContext, services: ExtensionServices): ReportSource {
  const changed = new vscode.EventEmitter<readonly vscode.Uri[] | undefined>();
  context.subscriptions.push(
    changed,
    services.checker.onDidCheck((uri) => changed.fire([uri])),
    services.onDidChangeLists(() => changed.fire(undefined)),
    services.decisions.onDidChange(() => changed.fire(undefined)),
    vscode.workspace.onDidSaveTextDocument((d) => changed.fire([d.uri])),
  );
  const version = String((context.extension?.packageJSON as { version?: string } | undefined)?.version ?? '0.0.0');
  return {
    toolVersion: version,
    onDidChange: changed.event,
    lists: () => services.lists,
    reviewer: () => reviewerName(effectiveConfig().config.reviewer, vscode.workspace.workspaceFolders?.[0]?.uri.fsPath),
    reviewerFor: (uri) => services.reviewerFor(uri),
    async review(uri) {
      await services.listsReady;
      const bytes = await vscode.workspace.fs.readFile(uri);
      let text = new TextDecoder('utf-8').decode(bytes);
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const review = await services.checker.reviewSaved(uri, text, formatOf(uri, open?.languageId));
      if (!review) return undefined;
      return { sha256: createHash('sha256').update(bytes).digest('hex'), review, text, ...(open?.isDirty ? { unsaved: true } : {}) };
    },
    findContracts: (token) => findWorkspaceContracts(token),
  };
}
