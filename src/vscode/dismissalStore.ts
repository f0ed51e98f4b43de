import * as vscode from 'vscode';
import { WriteQueue, writeWorkspaceFileAtomic } from './fileWrites';
import { relativePath } from './decisionStore';
import { type Dismissal, DISMISSALS_PATH, parseDismissals, serializeDismissals } from '../core/index';

/**
 * The dismissals file of each workspace folder (.clauseguard/dismissals.json): read on start and when it
 * changes on disk, rewritten whole (pretty-printed, stable order) when a dismissal is recorded or revoked.
 * None apply in Restricted Mode (a file from an unknown source could hide findings).
 */
export class DismissalStore implements vscode.Disposable {
  private readonly byFolder = new Map<string, Dismissal[]>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly watcher = vscode.workspace.createFileSystemWatcher(`**/${DISMISSALS_PATH}`);

  constructor(
    private readonly trusted: () => boolean,
    private readonly log: (m: string) => void,
  ) {
    const reload = (uri: vscode.Uri) => {
      const folder = vscode.workspace.getWorkspaceFolder(uri);
      if (folder) void this.load(folder).then(() => this.emitter.fire());
    };
    this.watcher.onDidChange(reload);
    this.watcher.onDidCreate(reload);
    this.watcher.onDidDelete(reload);
  }

  async loadAll(): Promise<void> {
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.load(f)));
    this.emitter.fire();
  }

  fileOf(folder: vscode.WorkspaceFolder): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, DISMISSALS_PATH);
  }

  dismissalsFor(uri: vscode.Uri): Dismissal[] {
    if (!this.trusted()) return [];
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return [];
    const rel = relativePath(folder, uri);
    return (this.byFolder.get(folder.uri.toString()) ?? []).filter((d) => d.file === rel);
  }

  /** Every dismissal, with the folder it belongs to (for the decisions view). */
  all(): { folder: vscode.WorkspaceFolder; dismissal: Dismissal }[] {
    return (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => (this.byFolder.get(folder.uri.toString()) ?? []).map((dismissal) => ({ folder, dismissal })));
  }

  async record(folder: vscode.WorkspaceFolder, d: Dismissal): Promise<void> {
    if (!this.trusted()) throw new Error('dismissals cannot be recorded in Restricted Mode. Trust the workspace first.');
    await this.rewrite(folder, (all) => [...all.filter((x) => x.id !== d.id), d]);
  }

  /** Removes a dismissal; returns false when it was not there. */
  async revoke(folder: vscode.WorkspaceFolder, id: string): Promise<boolean> {
    let found = false;
    await this.rewrite(folder, (all) => {
      found = all.some((x) => x.id === id);
      return all.filter((x) => x.id !== id);
    });
    return found;
  }

  private readonly queue = new WriteQueue();

  /** Re-reads the file, applies the change and writes it atomically; writers of the file run one after another. */
  private rewrite(folder: vscode.WorkspaceFolder, change: (all: Dismissal[]) => Dismissal[]): Promise<void> {
    return this.queue.run(this.fileOf(folder), () => this.rewriteNow(folder, change));
  }

  private async rewriteNow(folder: vscode.WorkspaceFolder, change: (all: Dismissal[]) => Dismissal[]): Promise<void> {
    const file = this.fileOf(folder);
    const existing = await readText(file);
    const parsed = existing === undefined ? { dismissals: [], problems: [] } : parseDismissals(existing);
    if (parsed.problems.length) throw new Error(`${parsed.problems[0]} Fix or delete the file first; ClauseGuard does not write over it.`);
    const next = change(parsed.dismissals);
    await writeWorkspaceFileAtomic(file, new TextEncoder().encode(serializeDismissals(next)));
    this.byFolder.set(folder.uri.toString(), next);
    this.emitter.fire();
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<void> {
    const text = await readText(this.fileOf(folder));
    const parsed = text === undefined ? { dismissals: [], problems: [] } : parseDismissals(text);
    for (const p of parsed.problems) this.log(`Dismissals: ${p}`);
    this.byFolder.set(folder.uri.toString(), parsed.dismissals);
  }

  dispose(): void {
    this.watcher.dispose();
    this.emitter.dispose();
  }
}

async function readText(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return undefined;
  }
}
