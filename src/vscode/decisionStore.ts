import * as vscode from 'vscode';
import { WriteQueue, writeWorkspaceFileAtomic } from './fileWrites';
import { backupName, type Decision, DECISIONS_PATH, parseDecisionsFile, serializeDecisions, upsertDecision } from '../core/index';

interface FolderDecisions {
  decisions: Decision[];
  problems: string[];
  /** The file on disk has problems: back it up before writing. */
  needsBackup: boolean;
}

/**
 * The decisions file of each workspace folder (.clauseguard/decisions.json): read on start and whenever
 * it changes on disk, written pretty-printed in a stable order. A file that cannot be read cleanly is
 * reported and copied to decisions.json.bak-<timestamp> before ClauseGuard ever writes over it.
 */
export class DecisionStore implements vscode.Disposable {
  private readonly byFolder = new Map<string, FolderDecisions>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly watcher = vscode.workspace.createFileSystemWatcher(`**/${DECISIONS_PATH}`);
  private lastReported = '';

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
    return vscode.Uri.joinPath(folder.uri, DECISIONS_PATH);
  }

  /** Problems with the decisions files, in words (empty when all is well). */
  problems(): string[] {
    return [...this.byFolder.values()].flatMap((f) => f.problems);
  }

  /** Decisions for one contract; none in Restricted Mode (a file from an unknown source could hide a match). */
  decisionsFor(uri: vscode.Uri): Decision[] {
    if (!this.trusted()) return [];
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return [];
    const rel = relativePath(folder, uri);
    return this.byFolder.get(folder.uri.toString())?.decisions.filter((d) => d.file === rel) ?? [];
  }

  all(): Decision[] {
    return [...this.byFolder.values()].flatMap((f) => f.decisions);
  }

  /** Every decision with the folder it belongs to (for the decisions view). */
  allByFolder(): { folder: vscode.WorkspaceFolder; decision: Decision }[] {
    return (vscode.workspace.workspaceFolders ?? []).flatMap((folder) => (this.byFolder.get(folder.uri.toString())?.decisions ?? []).map((decision) => ({ folder, decision })));
  }

  /** Removes a decision (Revoke); the file is re-read first and backed up if damaged. False when it was not there. */
  revoke(folder: vscode.WorkspaceFolder, id: string): Promise<boolean> {
    return this.queue.run(this.fileOf(folder), () => this.revokeNow(folder, id));
  }

  private async revokeNow(folder: vscode.WorkspaceFolder, id: string): Promise<boolean> {
    if (!this.trusted()) throw new Error('decisions cannot be revoked in Restricted Mode. Trust the workspace first.');
    const file = this.fileOf(folder);
    const existing = await readText(file);
    if (existing === undefined) return false;
    if (typeof existing !== 'string') throw new Error(`${DECISIONS_PATH} is not UTF-8 text, so ClauseGuard does not rewrite it; fix its encoding first.`);
    const parsed = parseDecisionsFile(existing);
    if (parsed.newerVersion) throw new Error(`${DECISIONS_PATH} was written by a newer ClauseGuard (format version ${parsed.newerVersion}); update ClauseGuard to revoke decisions in it.`);
    if (parsed.problems.length) {
      await vscode.workspace.fs.copy(file, vscode.Uri.joinPath(file, '..', backupName(new Date())), { overwrite: false });
    }
    const next = parsed.decisions.filter((d) => d.id !== id);
    if (next.length === parsed.decisions.length) return false;
    await writeWorkspaceFileAtomic(file, new TextEncoder().encode(serializeDecisions(next, parsed.otherFields)));
    this.byFolder.set(folder.uri.toString(), { decisions: next, problems: [], needsBackup: false });
    this.emitter.fire();
    return true;
  }

  /** Writes one after another, per decisions file: two decisions recorded at once both survive. */
  private readonly queue = new WriteQueue();

  /**
   * Records a decision: re-reads the file, backs it up if it was damaged, then writes it atomically.
   * Writers are serialised, so each one re-reads what the one before wrote. A file written by a newer
   * ClauseGuard, or one that is not UTF-8 text, is never rewritten: the user is told why.
   */
  record(folder: vscode.WorkspaceFolder, decision: Decision): Promise<{ backup?: vscode.Uri }> {
    return this.queue.run(this.fileOf(folder), () => this.recordNow(folder, decision));
  }

  private async recordNow(folder: vscode.WorkspaceFolder, decision: Decision): Promise<{ backup?: vscode.Uri }> {
    if (!this.trusted()) throw new Error('decisions cannot be recorded in Restricted Mode. Trust the workspace first.');
    const file = this.fileOf(folder);
    const existing = await readText(file);
    if (existing === NOT_UTF8) {
      throw new Error(`${file.fsPath} is not UTF-8 text, so ClauseGuard will not rewrite it (its characters would be lost). Save it as UTF-8, or move it away to start a new file.`);
    }
    const parsed = existing === undefined ? { decisions: [], problems: [], fatal: false } : parseDecisionsFile(existing);
    if (parsed.newerVersion !== undefined) {
      throw new Error(`${file.fsPath} was written by a newer ClauseGuard (format version ${parsed.newerVersion}); this version will not replace it with version 1 and lose what it holds. Update ClauseGuard to record decisions.`);
    }
    let backup: vscode.Uri | undefined;
    if (existing !== undefined && parsed.problems.length) {
      backup = vscode.Uri.joinPath(file, '..', backupName(new Date()));
      await vscode.workspace.fs.copy(file, backup, { overwrite: false });
      this.log(`Decisions: ${file.fsPath} could not be read cleanly; copied it to ${backup.fsPath} before writing.`);
    }
    const next = upsertDecision(parsed.decisions, decision);
    await writeWorkspaceFileAtomic(file, new TextEncoder().encode(serializeDecisions(next, 'otherFields' in parsed ? parsed.otherFields : undefined)));
    this.byFolder.set(folder.uri.toString(), { decisions: next, problems: [], needsBackup: false });
    this.emitter.fire();
    return { backup };
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<void> {
    const file = this.fileOf(folder);
    const text = await readText(file);
    if (text === undefined) {
      this.byFolder.set(folder.uri.toString(), { decisions: [], problems: [], needsBackup: false });
      return;
    }
    if (text === NOT_UTF8) {
      const problems = [`${DECISIONS_PATH} is not UTF-8 text. No decision was applied; save it as UTF-8.`];
      this.byFolder.set(folder.uri.toString(), { decisions: [], problems, needsBackup: true });
      this.report(file, problems);
      return;
    }
    const parsed = parseDecisionsFile(text);
    this.byFolder.set(folder.uri.toString(), { decisions: parsed.decisions, problems: parsed.problems, needsBackup: parsed.problems.length > 0 });
    this.report(file, parsed.problems);
  }

  private report(file: vscode.Uri, problems: string[]): void {
    const key = file.toString() + problems.join('\n');
    if (!problems.length || key === this.lastReported) return;
    this.lastReported = key;
    for (const p of problems) this.log(`Decisions: ${p}`);
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''}; see the ClauseGuard output)` : '';
    void vscode.window
      .showErrorMessage(`ClauseGuard: ${problems[0]}${more} ClauseGuard will back the file up before it next writes to it.`, 'Open Decisions File')
      .then((pick) => pick && vscode.window.showTextDocument(file));
  }

  dispose(): void {
    this.watcher.dispose();
    this.emitter.dispose();
  }
}

/** Workspace-relative path with forward slashes: how decisions name their contract. */
export function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : folder.uri.path + '/';
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : uri.path;
}

/** readText's answer for a file that is not valid UTF-8 (decoding it loosely would turn letters into U+FFFD). */
const NOT_UTF8 = Symbol('not UTF-8');

async function readText(uri: vscode.Uri): Promise<string | typeof NOT_UTF8 | undefined> {
  try {
    const bytes = await vscode.workspace.fs.readFile(uri);
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return NOT_UTF8;
    }
  } catch (e) {
    if (e instanceof vscode.FileSystemError && e.code === 'FileNotFound') return undefined;
    if ((e as { code?: string })?.code === 'FileNotFound' || /ENOENT|FileNotFound|EntryNotFound/.test(String(e))) return undefined;
    throw e;
  }
}
