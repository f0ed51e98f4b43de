import * as vscode from 'vscode';
import { isContractFile } from '../contractScope';
import type { ExtensionServices } from '../extensionServices';

export const REVIEW_WORKSPACE = 'clauseguard.reviewWorkspace';
const CANDIDATES = '**/*.{md,markdown,txt}';
/** Larger files are skipped by the workspace review (they are still checked when opened). */
const MAX_REVIEW_BYTES = 20 * 1024 * 1024;

export interface ReviewSummary {
  total: number;
  checked: number;
  contracts: number;
  cancelled: boolean;
  errors: number;
  warnings: number;
  infos: number;
}

/**
 * "ClauseGuard: Review Workspace": checks every contract in the workspace with a cancellable progress
 * notification, filling the Problems panel for files that are not open. Afterwards a file watcher keeps
 * those results current: changed files are re-checked, deleted files leave the Problems panel.
 */
export function registerReviewWorkspace(context: vscode.ExtensionContext, services: ExtensionServices): void {
  const watcher = vscode.workspace.createFileSystemWatcher(CANDIDATES);
  const { checker } = services;
  const onChange = (uri: vscode.Uri) => {
    if (checker.reviewedFiles.has(uri.toString())) void checker.recheckFromDisk(uri);
    else if (reviewRan && !checker.isOpen(uri)) void coveredByReview(uri).then((covered) => covered && checkOne(services, uri));
  };
  let reviewRan = false;
  context.subscriptions.push(
    watcher,
    watcher.onDidChange(onChange),
    watcher.onDidCreate(onChange),
    watcher.onDidDelete((uri) => checker.forget(uri)),
    vscode.commands.registerCommand(REVIEW_WORKSPACE, async (extraCancel?: vscode.CancellationToken) => {
      reviewRan = true;
      return reviewWorkspace(services, extraCancel);
    }),
  );
}

/** `extraCancel`: a second cancellation source besides the notification's Cancel button (tests, callers). */
export async function reviewWorkspace(services: ExtensionServices, extraCancel?: vscode.CancellationToken): Promise<ReviewSummary> {
  const summary: ReviewSummary = { total: 0, checked: 0, contracts: 0, cancelled: false, errors: 0, warnings: 0, infos: 0 };
  if (!vscode.workspace.workspaceFolders?.length) {
    void vscode.window.showInformationMessage('ClauseGuard: open a folder to review its contracts.');
    return summary;
  }
  await services.listsReady; // screen against the lists the user expects, not a half-loaded set
  // undefined exclude = the user's files.exclude applies.
  const files = (await vscode.workspace.findFiles(CANDIDATES, undefined)).sort((a, b) => a.path.localeCompare(b.path));
  // Files checked before that this review no longer covers (now excluded, or no longer contracts by name)
  // leave the Problems panel: the panel shows exactly this review.
  const covered = new Set(files.map((f) => f.toString()));
  for (const key of [...services.checker.reviewedFiles]) if (!covered.has(key)) services.checker.forget(vscode.Uri.parse(key));
  summary.total = files.length;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'ClauseGuard: Reviewing contracts', cancellable: true },
    async (progress, token) => {
      for (const [i, uri] of files.entries()) {
        if (token.isCancellationRequested || extraCancel?.isCancellationRequested) {
          summary.cancelled = true;
          break;
        }
        progress.report({ message: `${i + 1}/${files.length} ${vscode.workspace.asRelativePath(uri)}`, increment: 100 / files.length });
        if (await checkOne(services, uri)) summary.contracts++;
        summary.checked++;
      }
    },
  );
  for (const uri of files) {
    for (const d of vscode.languages.getDiagnostics(uri)) {
      if (d.source !== 'ClauseGuard') continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) summary.errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) summary.warnings++;
      else if (d.severity === vscode.DiagnosticSeverity.Information) summary.infos++; // hints are decided findings
    }
  }
  const counts = `${summary.errors} error${summary.errors === 1 ? '' : 's'}, ${summary.warnings} warning${summary.warnings === 1 ? '' : 's'}, ${summary.infos} note${summary.infos === 1 ? '' : 's'}`;
  const head = summary.cancelled ? `Review cancelled after ${summary.checked} of ${summary.total} files` : `Reviewed ${summary.contracts} contract${summary.contracts === 1 ? '' : 's'} (${summary.total} files looked at)`;
  void vscode.window.showInformationMessage(`ClauseGuard: ${head}: ${counts}.`, 'Open Problems').then((pick) => pick && vscode.commands.executeCommand('workbench.actions.view.problems'));
  services.output.info(`Review Workspace: ${head}: ${counts}.`);
  return summary;
}

/** Checks one workspace file (open: the editor's text; otherwise from disk). True if it is a contract. */
async function checkOne(services: ExtensionServices, uri: vscode.Uri): Promise<boolean> {
  const { checker } = services;
  const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
  if (open) {
    checker.reviewedFiles.add(uri.toString());
    const r = await checker.reviewFor(open);
    return r !== undefined;
  }
  let bytes: Uint8Array;
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    if (stat.size > MAX_REVIEW_BYTES) {
      services.output.warn(`Review Workspace: skipped ${uri.fsPath} (${Math.round(stat.size / 1e6)} MB); open it to check it.`);
      return false;
    }
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch {
    return false;
  }
  if (bytes.subarray(0, 8000).includes(0)) return false; // binary
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  if (!isContractFile(uri, text)) {
    if (checker.reviewedFiles.has(uri.toString())) checker.forget(uri); // no longer a contract
    return false;
  }
  await checker.checkFile(uri, text, /\.txt$/i.test(uri.path) ? 'plaintext' : 'markdown');
  return true;
}

/** A file the review itself would find (files.exclude applies): the watcher adds no file the review leaves out. */
async function coveredByReview(uri: vscode.Uri): Promise<boolean> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) return false;
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, vscode.workspace.asRelativePath(uri, false)), undefined, 1);
  return found.length > 0;
}
