import { rename, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { BUNDLED_CLAUSE_FILES, createReviewer, loadClauseLibrary, type ClauseFile, type ClauseLibrary, type DecisionStatus, type Finding, type ListEntity, type ListInfo, type Reviewer, type SearchOptions } from '../core/index';
import type { ListsLoaded, WorkerResponse } from '../node/checkProtocol';
import type { ListLoadError } from '../node/lists';
import { BlockingProbe } from '../node/blockingProbe';
import { Checker } from './checker';
import { DecisionStore } from './decisionStore';
import { DismissalStore } from './dismissalStore';
import { TypingPause } from './typingPause';
import { importedListPaths } from './listStorage';
import { ProjectConfigs, setProjectConfigs } from './projectConfigs';
import { clauseLibraryFolder, effectiveConfig, readListSettings, readSettings, setTrustCheck } from './settings';
import { WorkerClient } from './workerClient';

/** Everything feature modules share, created once in activate(). */
export class ExtensionServices implements vscode.Disposable {
  readonly output = vscode.window.createOutputChannel('ClauseGuard', { log: true });
  readonly checker: Checker;
  readonly worker: WorkerClient;
  readonly decisions: DecisionStore;
  /** Dismissals of findings that are not sanctions matches (.clauseguard/dismissals.json). */
  readonly dismissals: DismissalStore;
  readonly typing = new TypingPause();
  readonly probe = new BlockingProbe();
  /** The firm's .clauseguard/config.json of each workspace folder (layered under VS Code settings). */
  readonly projectConfigs = new ProjectConfigs();
  /** Outline / folding conversions over 16 ms on this thread: when, how long, which (tests, benchmarks). */
  readonly slowFeatureSteps: { at: number; ms: number; step: string }[] = [];
  /** The lists the worker has loaded (empty until the first load finishes). */
  lists: ListInfo[] = [];
  listErrors: ListLoadError[] = [];
  /** Resolves when the current list load has finished. */
  listsReady: Promise<void> = Promise.resolve();
  private readonly listsChanged = new vscode.EventEmitter<void>();
  /** Fires after lists were (re)loaded. */
  readonly onDidChangeLists = this.listsChanged.event;
  /** For tests: pretend the workspace is (un)trusted. Undefined = ask VS Code. */
  trustOverride: boolean | undefined;
  private readonly trustChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeTrust = this.trustChanged.event;
  /** The language status items (set by features/status.ts), for tests and the UI test. */
  statusItems: { findings: vscode.LanguageStatusItem; lists: vscode.LanguageStatusItem } | undefined;
  /** The ClauseGuard Decisions view's data (set by features/decisionsView.ts), for tests. */
  decisionsView: { roots(): unknown[] } | undefined;
  private lastProblems = '';
  private loadSeq = 0;

  constructor(readonly context: vscode.ExtensionContext) {
    const log = (m: string) => this.output.warn(m);
    this.worker = new WorkerClient(context.extensionPath, log);
    this.worker.onRestart = () => void this.loadLists();
    this.decisions = new DecisionStore(() => this.isTrusted(), log);
    setProjectConfigs(this.projectConfigs);
    setTrustCheck(() => this.isTrusted());
    // The sanctions index lives in the check worker (loading it never blocks the editor); this
    // reviewer, without lists, builds models for editor features and is the fallback without a worker.
    const local = createReviewer();
    this.dismissals = new DismissalStore(() => this.isTrusted(), log);
    this.checker = new Checker({
      reviewer: () => local,
      decisionsFor: (uri) => this.decisions.decisionsFor(uri),
      dismissalsFor: (uri) => this.dismissals.dismissalsFor(uri),
      holdBack: (uri, findings) => this.typing.holdBack(uri, findings),
      worker: () => this.worker,
      log,
    });
    this.decisions.onDidChange(() => this.checker.reapplyDecisions());
    this.dismissals.onDidChange(() => this.checker.reapplyDecisions());
    if (process.env.CLAUSEGUARD_BLOCKING_PROBE === '1') this.probe.start();
    const statsFile = process.env.CLAUSEGUARD_BLOCKING_STATS_FILE;
    if (statsFile) {
      // The typing benchmark reads this file from outside the extension host.
      const timer = setInterval(() => {
        const stats = { ...this.probe.read(), checksRun: this.checker.checksRun, maxOwnWorkMs: Math.round(this.checker.maxOwnWorkMs), slowSteps: this.checker.slowSteps, run: readSettings().run, lists: this.lists.map((l) => l.id), writtenAt: Date.now() };
        const tmp = `${statsFile}.${process.pid}.tmp`;
        void writeFile(tmp, JSON.stringify(stats))
          .then(() => rename(tmp, statsFile))
          .catch(() => undefined);
      }, 250);
      timer.unref?.();
      context.subscriptions.push({ dispose: () => clearInterval(timer) });
    }
  }

  isTrusted(): boolean {
    return this.trustOverride ?? vscode.workspace.isTrusted;
  }

  /** Tests: switch to (un)trusted behaviour and reload what depends on it. */
  async setTrustOverride(trusted: boolean | undefined): Promise<void> {
    this.trustOverride = trusted;
    this.trustChanged.fire();
    await this.decisions.loadAll();
    await this.dismissals.loadAll();
    await this.loadLists();
  }

  /** Shows settings problems once per distinct set, with a button to open the settings. */
  reportSettingsProblems(): void {
    const problems = [...readSettings().problems, ...readListSettings(this.isTrusted()).problems];
    const key = problems.join('\n');
    if (key === this.lastProblems) return;
    this.lastProblems = key;
    if (!problems.length) return;
    for (const p of problems) this.output.warn(`Settings: ${p}`);
    void vscode.window
      .showWarningMessage(`ClauseGuard: some settings are invalid and defaults are used instead. ${problems[0]}`, 'Open Settings')
      .then((pick) => pick && vscode.commands.executeCommand('workbench.action.openSettings', 'clauseguard'));
  }

  /**
   * (Re)loads the sanctions lists in the check worker: the chosen bundled lists, lists imported with
   * Update Sanctions Lists, and (when trusted, or from user settings) clauseguard.lists.extraFiles.
   * Never blocks the editor. Re-checks every open contract afterwards.
   */
  loadLists(): Promise<void> {
    // Coalesce: while a load runs, further requests share one follow-up load (the worker does one at a time).
    if (this.loading) {
      this.reloadAfter ??= this.loading.then(() => {
        this.reloadAfter = undefined;
        return this.loadListsNow();
      });
      this.listsReady = this.reloadAfter;
      return this.reloadAfter;
    }
    return this.loadListsNow();
  }

  private loading: Promise<void> | undefined;
  private reloadAfter: Promise<void> | undefined;

  private loadListsNow(): Promise<void> {
    const seq = ++this.loadSeq;
    const run = async () => {
      const settings = readListSettings(this.isTrusted());
      const imported = await importedListPaths(this.context.globalStorageUri);
      let loaded: ListsLoaded;
      try {
        const reply = await this.worker.request({
          type: 'lists',
          sources: { bundledDir: path.join(this.context.extensionPath, 'lists'), bundledIds: settings.bundled, extraPaths: [...imported, ...settings.extraFiles] },
        });
        loaded = reply.loaded;
      } catch (e) {
        loaded = { lists: [], errors: [{ file: 'lists', message: `The sanctions lists could not be loaded: ${e instanceof Error ? e.message : String(e)}` }], loadMs: 0 };
      }
      if (seq !== this.loadSeq) return; // a newer load superseded this one
      this.lists = loaded.lists;
      this.listErrors = loaded.errors;
      this.output.info(`Lists loaded in ${Math.round(loaded.loadMs)} ms: ${loaded.lists.map((l) => `${l.id} of ${l.date} (${l.entries} entries)`).join(', ') || 'none'}`);
      for (const e of loaded.errors) this.output.error(`List ${e.file}${e.line ? ` line ${e.line}` : ''}: ${e.message}`);
      if (loaded.errors.length) {
        void vscode.window.showWarningMessage(`ClauseGuard: a sanctions list could not be loaded; the others are in use. ${loaded.errors[0].message}`, 'Show Details').then((pick) => pick && this.output.show());
      }
      this.listsChanged.fire();
      this.checker.recheckAll();
    };
    const p = run().finally(() => {
      if (this.loading === p) this.loading = undefined;
    });
    this.loading = p;
    this.listsReady = p;
    return p;
  }

  /** Searches the loaded lists (in the worker). For the search command. */
  async searchLists(query: string, options?: SearchOptions): Promise<Extract<WorkerResponse, { type: 'search' }>['matches']> {
    return (await this.worker.request({ type: 'search', query, options })).matches;
  }

  /** A list entry by its list-qualified id, with addresses and remarks (for hovers). */
  async entityById(entityId: string): Promise<ListEntity | undefined> {
    return (await this.worker.request({ type: 'entity', entityId })).entity;
  }

  /**
   * A reviewer on this thread for a document's folder: the loaded lists' descriptions, the effective
   * configuration and the firm's clause library. Quick fixes and reports use it; the check worker's
   * reviewer (with the sanctions index) makes the reviews.
   */
  async reviewerFor(uri: vscode.Uri | undefined): Promise<Reviewer> {
    return createReviewer({ lists: this.lists, config: effectiveConfig(uri).config.check, clauseLibrary: await this.clauseLibrary(uri) });
  }

  /** Bundled clauses, overridden by the firm's folder (clauseLibrary.folder) in trusted workspaces. */
  async clauseLibrary(uri: vscode.Uri | undefined): Promise<ClauseLibrary> {
    const workspace: ClauseFile[] = [];
    const folder = clauseLibraryFolder(uri, this.isTrusted());
    if (folder) {
      try {
        const stat = await vscode.workspace.fs.stat(folder);
        if (stat.type === vscode.FileType.Directory) {
          const entries = await vscode.workspace.fs.readDirectory(folder);
          for (const [name, type] of entries.slice(0, 200)) {
            if (type !== vscode.FileType.File || !name.toLowerCase().endsWith('.md')) continue;
            const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, name));
            if (bytes.byteLength > 200_000) continue;
            workspace.push({ name: `${vscode.workspace.asRelativePath(folder)}/${name}`, text: new TextDecoder().decode(bytes) });
          }
        }
      } catch {
        // No folder: the bundled clauses are used.
      }
    }
    const library = loadClauseLibrary(BUNDLED_CLAUSE_FILES, workspace);
    for (const p of library.problems) this.output.warn(`Clause library: ${p.message}`);
    return library;
  }

  /** The reviewer's decision behind a finding shown in the editor, if any (applies or no longer applies). */
  decisionFor(finding: Finding): DecisionStatus | undefined {
    return this.checker.decisionFor(finding);
  }

  dispose(): void {
    this.probe.stop();
    this.checker.dispose();
    this.projectConfigs.dispose();
    setProjectConfigs(undefined);
    this.decisions.dispose();
    this.dismissals.dispose();
    this.worker.dispose();
    this.listsChanged.dispose();
    this.trustChanged.dispose();
    this.output.dispose();
  }
}
