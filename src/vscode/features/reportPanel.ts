import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { chainJson, contractFactsFromText, FORMAT_INFO, looksLikeContract, reviewChain, renderHtml, renderReport, REPORT_FORMATS, type ComplianceReport, type ListInfo, type ReportFileInput, type ReportFormat, type Reviewer } from '../../core/index';
import { toVsRange } from '../convert';
import { matchesContractGlobs } from '../contractScope';
import { readListSettings, readSettings } from '../settings';

export const COMPLIANCE_REPORT_COMMAND = 'clauseguard.complianceReport';

/**
 * Where the panel gets its data. The default source checks files with the core on this thread; the
 * extension can pass one backed by its checker (worker results, loaded lists, decisions, suppressions).
 */
export interface ReportSource {
  /**
   * The review of one file as saved on disk: its bytes' hash and the core's review (decisions applied);
   * `unsaved` when an editor holds changes that are not in it.
   */
  review(uri: vscode.Uri, token: vscode.CancellationToken): Promise<Omit<ReportFileInput, 'path' | 'uri'> | undefined>;
  lists(): readonly ListInfo[];
  /** The core reviewer the report is built with: the lists in use, the configuration, the firm's clause library. */
  reviewerFor(uri: vscode.Uri | undefined): Promise<Reviewer>;
  /** Who is reviewing (the same name decisions record). */
  reviewer(): Promise<string | undefined>;
  toolVersion: string;
  /** Fires when findings of some files may have changed (diagnostics, decisions, lists, settings). */
  onDidChange: vscode.Event<readonly vscode.Uri[] | undefined>;
  /** Every contract in the workspace. */
  findContracts(token: vscode.CancellationToken): Promise<vscode.Uri[]>;
}

/** What the command reports on. Tests and the Explorer context menu pass it directly. */
export type ReportScope = { kind: 'current' } | { kind: 'files'; uris: vscode.Uri[] } | { kind: 'workspace' };

/** Messages the webview script (src/webview/report.ts) posts. */
export type PanelMessage = { type: 'open'; id: string } | { type: 'export'; format: ReportFormat };

export function registerComplianceReport(context: vscode.ExtensionContext, source: ReportSource): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(COMPLIANCE_REPORT_COMMAND, async (arg?: unknown, many?: unknown) => {
      const scope = scopeFromArgs(arg, many) ?? (await pickScope());
      if (!scope) return undefined;
      return ReportPanel.show(context, source, scope);
    }),
  );
}

/** Explorer passes (clicked uri, selected uris); tests pass a ReportScope. */
function scopeFromArgs(arg: unknown, many: unknown): ReportScope | undefined {
  if (Array.isArray(many) && many.length && many.every((u) => u instanceof vscode.Uri)) return { kind: 'files', uris: many };
  if (arg instanceof vscode.Uri) return { kind: 'files', uris: [arg] };
  if (arg && typeof arg === 'object' && 'kind' in arg) return arg as ReportScope;
  return undefined;
}

async function pickScope(): Promise<ReportScope | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  type Item = vscode.QuickPickItem & { scope: 'current' | 'files' | 'workspace' };
  const items: Item[] = [
    ...(active ? [{ label: 'Current file', description: vscode.workspace.asRelativePath(active.uri), scope: 'current' as const }] : []),
    { label: 'Choose files…', description: 'pick contracts from disk', scope: 'files' },
    { label: 'Whole workspace', description: 'every contract in the open folders', scope: 'workspace' },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: 'ClauseGuard: Compliance Report', placeHolder: 'Which contracts should the report cover?' });
  if (!pick) return undefined;
  if (pick.scope !== 'files') return { kind: pick.scope };
  const uris = await vscode.window.showOpenDialog({
    canSelectMany: true,
    openLabel: 'Report on these contracts',
    filters: { Contracts: ['md', 'markdown', 'txt'] },
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  return uris?.length ? { kind: 'files', uris } : undefined;
}

/** The one report panel. Re-running the command replaces its contents. */
export class ReportPanel implements vscode.Disposable {
  /** The open panel, if any (tests and the UI harness read it). */
  static current: ReportPanel | undefined;

  readonly panel: vscode.WebviewPanel;
  /** The files in the report, in report order. */
  private entries: { uri: vscode.Uri; input: ReportFileInput }[] = [];
  report: ComplianceReport | undefined;
  /** The HTML last given to the webview (tests inspect it). */
  html = '';
  private readonly disposables: vscode.Disposable[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly updated = new vscode.EventEmitter<ComplianceReport>();
  /** Fires after the panel shows a new or refreshed report. */
  readonly onDidUpdate = this.updated.event;

  private constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly source: ReportSource,
  ) {
    const dist = vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
    const media = vscode.Uri.joinPath(context.extensionUri, 'media');
    this.panel = vscode.window.createWebviewPanel('clauseguard.report', 'ClauseGuard Compliance Report', vscode.ViewColumn.Active, {
      enableScripts: true,
      enableFindWidget: true,
      localResourceRoots: [dist, media],
    });
    this.panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    this.panel.webview.onDidReceiveMessage((m: unknown) => void this.handleMessage(m), undefined, this.disposables);
    this.disposables.push(source.onDidChange((uris) => this.scheduleRefresh(uris)));
  }

  /** Collects the files with a cancellable progress notification, then shows the report. */
  static async show(context: vscode.ExtensionContext, source: ReportSource, scope: ReportScope): Promise<ReportPanel | undefined> {
    const collected = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'ClauseGuard: preparing the compliance report', cancellable: true },
      (progress, token) => collect(source, scope, progress, token),
    );
    if (!collected) return undefined; // cancelled or nothing to report
    const unsaved = collected.filter((c) => c.input.unsaved);
    if (unsaved.length) {
      // A report is a record: it is made of saved files only. Offer to save and report again.
      void vscode.window
        .showWarningMessage(
          `ClauseGuard: ${unsaved.length} file(s) have unsaved changes that are not in the report (${unsaved.map((u) => u.input.path).join(', ')}). The report is of the saved files.`,
          'Save All and Report',
        )
        .then(async (pick) => {
          if (pick && (await vscode.workspace.saveAll(false))) await ReportPanel.show(context, source, scope);
        });
    }
    const panel = ReportPanel.current ?? (ReportPanel.current = new ReportPanel(context, source));
    panel.entries = collected;
    await panel.render();
    panel.panel.reveal(undefined, false);
    return panel;
  }

  /** Rebuilds the report from the current entries and gives the webview fresh HTML (its script restores filters). */
  private async render(): Promise<void> {
    const reviewer = await this.source.reviewerFor(this.entries[0]?.uri);
    this.report = reviewer.report({
      tool: { name: 'clauseguard', version: this.source.toolVersion },
      generatedAt: new Date(),
      reviewer: await this.source.reviewer(),
      maxListAgeDays: readListSettings(true).maxAgeDays,
      files: this.entries.map((e) => e.input),
      chain: chainOf(this.entries.map((e) => e.input)),
    });
    const webview = this.panel.webview;
    this.html = renderHtml(this.report, {
      panel: {
        nonce: randomBytes(16).toString('base64'),
        cspSource: webview.cspSource,
        scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview', 'report.js')).toString(),
        styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', 'report.css')).toString(),
      },
    });
    webview.html = this.html;
    this.updated.fire(this.report);
  }

  /** Findings changed somewhere: re-review the affected files in the report (debounced), then re-render. */
  private scheduleRefresh(uris: readonly vscode.Uri[] | undefined): void {
    const keys = uris && new Set(uris.map((u) => u.toString()));
    const affected = this.entries.filter((e) => !keys || keys.has(e.uri.toString()));
    if (!affected.length) return;
    const pending = (this.pendingRefresh ??= new Set());
    for (const e of affected) pending.add(e.uri.toString());
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), 400);
  }
  private pendingRefresh: Set<string> | undefined;

  private async refresh(): Promise<void> {
    const pending = this.pendingRefresh;
    this.pendingRefresh = undefined;
    if (!pending || !this.report) return;
    const token = new vscode.CancellationTokenSource();
    try {
      for (const e of this.entries) {
        if (!pending.has(e.uri.toString())) continue;
        const next = await this.source.review(e.uri, token.token);
        if (next) e.input = { ...next, path: e.input.path, uri: e.uri.toString() };
      }
    } finally {
      token.dispose();
    }
    await this.render();
  }

  /** Handles a message from the webview. Ids are looked up in the report: nothing from the page is trusted as a path. */
  async handleMessage(message: unknown): Promise<void> {
    if (!message || typeof message !== 'object') return;
    const m = message as Partial<PanelMessage> & Record<string, unknown>;
    if (m.type === 'open' && typeof m.id === 'string') await this.openFinding(m.id);
    else if (m.type === 'export' && typeof m.format === 'string' && (REPORT_FORMATS as readonly string[]).includes(m.format)) await this.exportWithDialog(m.format as ReportFormat);
  }

  /** Opens the contract at the finding's range. */
  async openFinding(id: string): Promise<vscode.TextEditor | undefined> {
    const hit = this.findById(id);
    if (!hit) return undefined;
    const range = toVsRange(hit.range);
    const doc = await vscode.workspace.openTextDocument(hit.uri);
    // Beside the panel, so the report stays visible while the lawyer reads the clause.
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, selection: range, preview: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  private findById(id: string) {
    for (const [i, f] of (this.report?.files ?? []).entries()) {
      const x = f.findings.find((y) => y.id === id) ?? f.suppressed.find((y) => y.id === id);
      if (x) return { uri: this.entries[i].uri, range: x.range };
    }
    return undefined;
  }

  async exportWithDialog(format: ReportFormat): Promise<vscode.Uri | undefined> {
    const info = FORMAT_INFO[format];
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const name = `clauseguard-report-${new Date().toISOString().slice(0, 10)}.${info.extension}`;
    const target = await vscode.window.showSaveDialog({
      title: `Export the compliance report as ${info.label}`,
      saveLabel: 'Export',
      filters: { [info.label]: [info.extension] },
      ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, name) } : {}),
    });
    if (!target) return undefined;
    await this.exportTo(format, target);
    void vscode.window.showInformationMessage(`ClauseGuard: report saved to ${vscode.workspace.asRelativePath(target)}.`, 'Reveal').then((pick) => {
      if (pick) void vscode.commands.executeCommand('revealFileInOS', target);
    });
    return target;
  }

  /** Writes an export (the HTML export is the self-contained page, not the panel's). */
  async exportTo(format: ReportFormat, target: vscode.Uri): Promise<void> {
    if (!this.report) throw new Error('No report to export yet.');
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(renderReport(this.report, format)));
    } catch (e) {
      void vscode.window.showErrorMessage(`ClauseGuard: the report could not be saved to ${target.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
      throw e;
    }
  }

  dispose(): void {
    if (ReportPanel.current === this) ReportPanel.current = undefined;
    clearTimeout(this.refreshTimer);
    this.updated.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
    this.panel.dispose();
  }
}

/** Resolves the scope to files and reviews each one, reporting progress; undefined when cancelled. */
export async function collect(
  source: ReportSource,
  scope: ReportScope,
  progress: vscode.Progress<{ message?: string; increment?: number }>,
  token: vscode.CancellationToken,
): Promise<{ uri: vscode.Uri; input: ReportFileInput }[] | undefined> {
  let uris: vscode.Uri[];
  if (scope.kind === 'current') {
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc) {
      void vscode.window.showWarningMessage('ClauseGuard: open a contract first, or choose files or the whole workspace.');
      return undefined;
    }
    uris = [doc.uri];
  } else if (scope.kind === 'files') uris = scope.uris;
  else {
    progress.report({ message: 'finding contracts…' });
    uris = await source.findContracts(token);
  }
  if (token.isCancellationRequested) return undefined;
  if (!uris.length) {
    void vscode.window.showInformationMessage('ClauseGuard: no contracts found to report on.');
    return undefined;
  }
  const out: { uri: vscode.Uri; input: ReportFileInput }[] = [];
  const failed: string[] = [];
  for (const [i, uri] of uris.entries()) {
    if (token.isCancellationRequested) {
      void vscode.window.showInformationMessage('ClauseGuard: the compliance report was cancelled.');
      return undefined;
    }
    const path = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
    progress.report({ message: `${i + 1} of ${uris.length}: ${path}`, increment: 100 / uris.length });
    try {
      const review = await source.review(uri, token);
      if (review) out.push({ uri, input: { ...review, path, uri: uri.toString() } });
    } catch (e) {
      failed.push(`${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  if (failed.length) void vscode.window.showWarningMessage(`ClauseGuard: ${failed.length} file(s) could not be read and are not in the report. ${failed[0]}`);
  return out.length ? out : undefined;
}

/** Markdown and text files matching the contract globs, or reading like a contract (as the editor decides). */
export async function findWorkspaceContracts(token: vscode.CancellationToken): Promise<vscode.Uri[]> {
  const settings = readSettings();
  const candidates = await vscode.workspace.findFiles('**/*.{md,markdown,txt}', '**/{node_modules,.git,out,dist}/**', 5000, token);
  const out: vscode.Uri[] = [];
  for (const uri of candidates) {
    if (token.isCancellationRequested) break;
    if (matchesContractGlobs(uri, /\.txt$/i.test(uri.path) ? 'plaintext' : 'markdown', settings.contractFiles)) {
      out.push(uri);
      continue;
    }
    if (!settings.detectContracts) continue;
    try {
      const head = new TextDecoder('utf-8').decode((await vscode.workspace.fs.readFile(uri)).subarray(0, 65536));
      if (looksLikeContract(head)) out.push(uri);
    } catch {
      // unreadable: not a contract we can report on
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

/** The "Contract chain" section over the files whose review kept its model (the extension's checker does). */
function chainOf(inputs: readonly ReportFileInput[]) {
  const facts = inputs.flatMap((i) => (i.text !== undefined ? [contractFactsFromText(i.path, i.text, i.review.findings)] : []));
  return facts.length ? chainJson(reviewChain(facts, { config: readSettings().check })) : undefined;
}
