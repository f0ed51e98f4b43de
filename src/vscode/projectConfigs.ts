import * as vscode from 'vscode';
import { CONFIG_PATH, parseProjectConfig, type ConfigLayer } from '../core/index';

interface FolderConfig {
  layer?: ConfigLayer;
  problems: string[];
}

/**
 * The `.clauseguard/config.json` of each workspace folder: the firm's committed configuration, the same
 * file `clauseguard check` and `report` read. Read at start and whenever it changes; VS Code settings
 * that are set explicitly override it (as with markdownlint's `.markdownlint.json`).
 */
export class ProjectConfigs implements vscode.Disposable {
  private readonly byFolder = new Map<string, FolderConfig>();
  private readonly emitter = new vscode.EventEmitter<void>();
  readonly onDidChange = this.emitter.event;
  private readonly watcher = vscode.workspace.createFileSystemWatcher(`**/${CONFIG_PATH}`);

  constructor() {
    const reload = () => void this.loadAll();
    this.watcher.onDidChange(reload);
    this.watcher.onDidCreate(reload);
    this.watcher.onDidDelete(reload);
  }

  async loadAll(): Promise<void> {
    await Promise.all((vscode.workspace.workspaceFolders ?? []).map((f) => this.load(f)));
    this.emitter.fire();
  }

  /** The configuration file's values for a folder (undefined when it has none). */
  layerFor(folder: vscode.WorkspaceFolder | undefined): FolderConfig {
    return (folder && this.byFolder.get(folder.uri.toString())) ?? { problems: [] };
  }

  fileOf(folder: vscode.WorkspaceFolder): vscode.Uri {
    return vscode.Uri.joinPath(folder.uri, CONFIG_PATH);
  }

  private async load(folder: vscode.WorkspaceFolder): Promise<void> {
    const file = this.fileOf(folder);
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(file);
    } catch {
      this.byFolder.set(folder.uri.toString(), { problems: [] });
      return;
    }
    const shown = vscode.workspace.asRelativePath(file, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      this.byFolder.set(folder.uri.toString(), { problems: [`${shown}: is not UTF-8 text; none of its settings are used.`] });
      return;
    }
    const parsed = parseProjectConfig(text, shown);
    this.byFolder.set(folder.uri.toString(), { layer: { source: shown, values: parsed.values }, problems: parsed.problems });
  }

  dispose(): void {
    this.watcher.dispose();
    this.emitter.dispose();
  }
}

/** Set in activate(); settings.ts reads it synchronously. */
export let projectConfigs: ProjectConfigs | undefined;
export function setProjectConfigs(p: ProjectConfigs | undefined): void {
  projectConfigs = p;
}
