import * as vscode from 'vscode';
import { describeOrigins } from '../../core/index';
import type { ExtensionServices } from '../extensionServices';
import { effectiveConfig, readSettings } from '../settings';

export const SHOW_EFFECTIVE_CONFIG = 'clauseguard.showEffectiveConfiguration';
const SCHEME = 'clauseguard-config';

/**
 * "ClauseGuard: Show Effective Configuration": every value that affects results for the active contract
 * (or the first workspace folder), with where it came from — the defaults, the folder's
 * .clauseguard/config.json, or User / Workspace / Folder settings — in a read-only document.
 */
export function registerEffectiveConfig(context: vscode.ExtensionContext, services: ExtensionServices): void {
  const changed = new vscode.EventEmitter<vscode.Uri>();
  const provider: vscode.TextDocumentContentProvider = {
    onDidChange: changed.event,
    provideTextDocumentContent(uri) {
      const scope = uri.query ? vscode.Uri.parse(decodeURIComponent(uri.query)) : undefined;
      return describe(scope, services);
    },
  };
  let last: vscode.Uri | undefined;
  context.subscriptions.push(
    changed,
    vscode.workspace.registerTextDocumentContentProvider(SCHEME, provider),
    services.projectConfigs.onDidChange(() => last && changed.fire(last)),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('clauseguard') && last && changed.fire(last)),
    vscode.commands.registerCommand(SHOW_EFFECTIVE_CONFIG, async (scopeArg?: vscode.Uri) => {
      const scope = scopeArg ?? vscode.window.activeTextEditor?.document.uri ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      last = vscode.Uri.from({ scheme: SCHEME, path: '/ClauseGuard effective configuration.txt', query: scope ? encodeURIComponent(scope.toString()) : '' });
      const doc = await vscode.workspace.openTextDocument(last);
      await vscode.window.showTextDocument(doc, { preview: true });
      return doc.getText();
    }),
  );
}

export function describe(scope: vscode.Uri | undefined, services: ExtensionServices): string {
  const trusted = services.isTrusted();
  const { origins, problems } = effectiveConfig(scope, trusted);
  const editor = readSettings(scope);
  const folder = (scope && vscode.workspace.getWorkspaceFolder(scope)) ?? vscode.workspace.workspaceFolders?.[0];
  const lines = [
    'ClauseGuard — effective configuration',
    `For: ${scope ? vscode.workspace.asRelativePath(scope) : '(no file open)'}`,
    `Configuration file: ${folder ? vscode.workspace.asRelativePath(services.projectConfigs.fileOf(folder)) : '(no workspace folder)'}${trusted ? '' : ' — not read: the workspace is not trusted (Restricted Mode)'}`,
    'Order: defaults < .clauseguard/config.json < User settings < Workspace settings < Folder settings (later wins).',
    'The same file and values are used by `clauseguard check` and `clauseguard report` (`clauseguard config` shows them).',
    'Scores are out of 100.',
    '',
    describeOrigins(origins),
    '',
    `Editor only: run = ${editor.run}, debounceMs = ${editor.debounceMs}`,
    ...(problems.length ? ['', 'Problems:', ...problems.map((p) => `- ${p}`)] : []),
  ];
  return lines.join('\n') + '\n';
}
