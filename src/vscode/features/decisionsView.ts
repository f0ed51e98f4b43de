import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { REVOKE, type RevokeTarget } from './findingActions';
import { type Decision, describeDecision, describeDismissal, type Dismissal } from '../../core/index';

export const DECISIONS_VIEW = 'clauseguard.decisions';
export const OPEN_DECIDED = 'clauseguard.openDecided';

type Node = { type: 'file'; folder: vscode.WorkspaceFolder; file: string; entries: Entry[] } | Entry;
interface Entry {
  type: 'entry';
  folder: vscode.WorkspaceFolder;
  file: string;
  target: RevokeTarget;
  label: string;
  description: string;
  /** Text to find in the contract when the entry is opened. */
  find?: string;
}

/**
 * "ClauseGuard Decisions" (Explorer): every decision and dismissal of the workspace, by contract. Click
 * an entry to open the contract at the decided text; the inline action revokes it.
 */
export function registerDecisionsView(context: vscode.ExtensionContext, services: ExtensionServices): void {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.TreeDataProvider<Node> & { roots(): Node[] } = {
    onDidChangeTreeData: changed.event,
    roots: () => roots(services),
    getChildren: (n) => (n ? (n.type === 'file' ? n.entries : []) : roots(services)),
    getTreeItem(n) {
      if (n.type === 'file') {
        const item = new vscode.TreeItem(n.file, vscode.TreeItemCollapsibleState.Expanded);
        item.resourceUri = vscode.Uri.joinPath(n.folder.uri, n.file);
        item.description = `${n.entries.length} decision${n.entries.length === 1 ? '' : 's'}`;
        item.contextValue = 'contract';
        return item;
      }
      const item = new vscode.TreeItem(n.label, vscode.TreeItemCollapsibleState.None);
      item.description = n.description;
      item.tooltip = new vscode.MarkdownString().appendText(`${n.label}\n${n.description}`);
      item.iconPath = new vscode.ThemeIcon(n.target.kind === 'decision' ? 'law' : 'circle-slash');
      item.contextValue = 'decision';
      item.command = { command: OPEN_DECIDED, title: 'Open', arguments: [n] };
      return item;
    },
  };
  const view = vscode.window.createTreeView(DECISIONS_VIEW, { treeDataProvider: provider, showCollapseAll: true });
  const refresh = () => {
    const n = services.decisions.all().length + services.dismissals.all().length;
    view.message = n ? undefined : 'No decisions yet. Use Ctrl+. on a ClauseGuard finding to record one.';
    changed.fire();
  };
  context.subscriptions.push(
    view,
    changed,
    services.decisions.onDidChange(refresh),
    services.dismissals.onDidChange(refresh),
    vscode.commands.registerCommand(OPEN_DECIDED, (n: Entry) => openEntry(n)),
    vscode.commands.registerCommand('clauseguard.revokeFromView', (n: Entry) => vscode.commands.executeCommand(REVOKE, n.target)),
  );
  services.decisionsView = provider;
  refresh();
}

function roots(services: ExtensionServices): Node[] {
  const byFile = new Map<string, { folder: vscode.WorkspaceFolder; file: string; entries: Entry[] }>();
  const add = (folder: vscode.WorkspaceFolder, file: string, e: Omit<Entry, 'type' | 'folder' | 'file'>) => {
    const key = `${folder.uri.toString()}|${file}`;
    if (!byFile.has(key)) byFile.set(key, { folder, file, entries: [] });
    byFile.get(key)!.entries.push({ type: 'entry', folder, file, ...e });
  };
  for (const { folder, decision } of services.decisions.allByFolder()) add(folder, decision.file, decisionEntry(folder, decision));
  for (const { folder, dismissal } of services.dismissals.all()) add(folder, dismissal.file, dismissalEntry(folder, dismissal));
  return [...byFile.values()].sort((a, b) => a.file.localeCompare(b.file)).map((f) => ({ type: 'file' as const, ...f }));
}

function decisionEntry(folder: vscode.WorkspaceFolder, d: Decision): Omit<Entry, 'type' | 'folder' | 'file'> {
  return { target: { kind: 'decision', folder: folder.uri, id: d.id }, label: `“${d.matchedText}” — ${d.verdict === 'not-a-match' ? 'not a match' : 'confirmed match'}`, description: describeDecision(d), find: d.matchedText };
}

function dismissalEntry(folder: vscode.WorkspaceFolder, d: Dismissal): Omit<Entry, 'type' | 'folder' | 'file'> {
  const where = d.scope === 'file' ? 'whole file' : d.scope === 'clause' ? `clause ${d.clause}` : `“${d.matchedText}”`;
  return { target: { kind: 'dismissal', folder: folder.uri, id: d.id }, label: `${d.rule} — ${where}`, description: describeDismissal(d), find: d.scope === 'finding' ? d.matchedText : d.scope === 'clause' ? d.clause : undefined };
}

async function openEntry(n: Entry): Promise<void> {
  const uri = vscode.Uri.joinPath(n.folder.uri, n.file);
  let doc: vscode.TextDocument;
  try {
    doc = await vscode.workspace.openTextDocument(uri);
  } catch {
    return void vscode.window.showWarningMessage(`ClauseGuard: ${n.file} no longer exists; you can revoke this decision.`);
  }
  const at = n.find ? doc.getText().indexOf(n.find) : -1;
  const range = at >= 0 ? new vscode.Range(doc.positionAt(at), doc.positionAt(at + n.find!.length)) : undefined;
  await vscode.window.showTextDocument(doc, { selection: range, preview: false });
}
