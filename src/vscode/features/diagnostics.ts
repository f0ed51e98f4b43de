import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { readSettings } from '../settings';

/** Keeps diagnostics in step with open documents: check on open, on type (debounced) or save, clear on close. */
export function registerDiagnostics(context: vscode.ExtensionContext, services: ExtensionServices): void {
  const { checker } = services;
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((doc) => checker.check(doc)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length === 0) return;
      services.typing.edited(e.document.uri);
      const s = readSettings(e.document.uri);
      if (s.run === 'onType') checker.schedule(e.document, s.debounceMs);
    }),
    vscode.workspace.onDidSaveTextDocument((doc) => {
      services.typing.saved(doc.uri);
      checker.check(doc);
    }),
    // A document reopened before VS Code disposed it fires no open event: check what becomes visible.
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => checker.ensureChecked(e.document))),
    vscode.workspace.onDidCloseTextDocument((doc) => checker.clearUnlessPinned(doc.uri)),
    // VS Code may keep a closed editor's document alive for a while; clear as soon as its last tab closes.
    vscode.window.tabGroups.onDidChangeTabs((e) => {
      const open = openTabUris();
      for (const tab of e.closed) {
        const uri = tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
        if (uri && !open.has(uri.toString())) checker.clearUnlessPinned(uri);
      }
    }),
    vscode.workspace.onDidDeleteFiles((e) => e.files.forEach((uri) => checker.forget(uri))),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('clauseguard')) {
        services.reportSettingsProblems();
        checker.recheckAll();
      }
    }),
  );
  for (const doc of vscode.workspace.textDocuments) checker.check(doc);
}

function openTabUris(): Set<string> {
  const uris = new Set<string>();
  for (const group of vscode.window.tabGroups.all)
    for (const tab of group.tabs) if (tab.input instanceof vscode.TabInputText) uris.add(tab.input.uri.toString());
  return uris;
}
