import * as vscode from 'vscode';
import type { ExtensionServices } from '../services';
import { readSettings } from '../settings';

/** Keeps diagnostics in step with open documents: check on open, on type (debounced) or save, clear on close. */
export function registerDiagnostics(context: vscode.ExtensionContext, services: ExtensionServices): void {
  const { checker } = services;
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => checker.check(doc)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      const s = readSettings(e.document.uri);
      if (s.run === 'onType') checker.schedule(e.document, s.debounceMs);
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => checker.check(doc)),
    vscode.workspace.onDidCloseTextDocument((doc) => checker.clear(doc.uri)),
    vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => checker.clear(uri))),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('clauseguard')) {
        services.reportSettingsProblems();
        checker.recheckAll();
      }
    }),
  );
  for (const doc of vscode.workspace.textDocuments) checker.check(doc);
}
