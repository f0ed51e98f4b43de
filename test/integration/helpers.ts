import * as vscode from 'vscode';
import type { ExtensionApi } from '../../src/vscode/extension';

export const EXTENSION_ID = 'clauseguard.clauseguard';

export async function activateExtension(): Promise<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} is not loaded`);
  return ext.activate();
}

export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test run needs a workspace folder (the copy of samples/)');
  return vscode.Uri.joinPath(folder.uri, relative);
}

/** Waits (event-driven, no sleeping) until the document's diagnostics satisfy `ok`. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  ok: (d: readonly vscode.Diagnostic[]) => boolean,
  timeoutMs = 20000,
): Promise<readonly vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const current = vscode.languages.getDiagnostics(uri);
    if (ok(current)) return resolve(current);
    const timer = setTimeout(() => {
      sub.dispose();
      const now = vscode.languages.getDiagnostics(uri);
      reject(new Error(`timed out waiting for diagnostics on ${uri.path}; now: ${JSON.stringify(now.map(describe))}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const d = vscode.languages.getDiagnostics(uri);
      if (ok(d)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(d);
      }
    });
  });
}

export function ruleOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : c === undefined ? undefined : String(c);
}

export function describe(d: vscode.Diagnostic) {
  return { rule: ruleOf(d), line: d.range.start.line, message: d.message.slice(0, 80) };
}

export async function openDoc(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(relative));
  return vscode.window.showTextDocument(doc);
}

export async function closeAll(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}
