import * as vscode from 'vscode';
import { FindingDiagnostic, ruleDocUri, ruleTitle } from '../checker';
import type { ExtensionServices } from '../extensionServices';
import { isDecidable } from './decisions';
import { confirmedReviewer } from './reviewerName';
import { clauseLabel, createDismissal, disableFileComment, DISMISSALS_PATH, type DismissalScope, type Finding, innermostClause } from '../../core/index';

export const SHOW_RULE_DOCS = 'clauseguard.showRuleDocumentation';
export const DISMISS = 'clauseguard.dismissFinding';
export const REVOKE = 'clauseguard.revokeDecision';

/** What Revoke needs: which store, which folder, which entry. */
export interface RevokeTarget {
  kind: 'decision' | 'dismissal';
  folder: vscode.Uri;
  id: string;
}

/**
 * The actions every finding has, whatever its rule (Ctrl+. on the squiggle): show the rule's bundled
 * page; dismiss it with a reason, or disable its rule for this clause or this file — all three kept in
 * .clauseguard/dismissals.json, outside the contract — or, if the reviewer prefers, disable it with a
 * comment in the contract text. On a finding already decided (a faint hint): Revoke. Sanctions matches
 * also get "not a match" / "confirmed match" (decisions.ts).
 */
export function registerFindingActions(context: vscode.ExtensionContext, services: ExtensionServices): void {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(doc, _range, ctx) {
      const actions: vscode.CodeAction[] = [];
      const seen = new Set<string>();
      for (const d of ctx.diagnostics) {
        if (!(d instanceof FindingDiagnostic)) continue;
        const { finding } = d;
        const rule = finding.rule;
        const add = (title: string, command: string, args: unknown[]) => {
          const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
          a.diagnostics = [d];
          a.command = { command, title, arguments: args };
          actions.push(a);
        };
        const revoke = revokeTargetOf(d, doc.uri);
        if (revoke) add(`Revoke the decision on “${short(finding.text)}”`, REVOKE, [revoke]);
        if (!d.hidden) {
          if (!isDecidable(finding)) add(`Dismiss this ${rule} finding with a reason…`, DISMISS, [doc.uri, finding, 'finding']);
          if (clauseOf(services, doc.uri, finding)) add(`Disable ${rule} for this clause…`, DISMISS, [doc.uri, finding, 'clause']);
          add(`Disable ${rule} for this file…`, DISMISS, [doc.uri, finding, 'file']);
          const inline = new vscode.CodeAction(`Disable ${rule} for this file with a comment in the contract text`, vscode.CodeActionKind.QuickFix);
          inline.diagnostics = [d];
          inline.edit = new vscode.WorkspaceEdit();
          const markdown = doc.languageId === 'markdown' || doc.languageId === 'contract-markdown' || /\.(md|markdown)$/i.test(doc.uri.path);
          const { offset, text } = disableFileComment(doc.getText(), markdown, rule);
          inline.edit.insert(doc.uri, doc.positionAt(offset), text);
          actions.push(inline);
        }
        if (!seen.has(rule)) add(`Show documentation for ${rule}`, SHOW_RULE_DOCS, [rule]);
        seen.add(rule);
      }
      return actions;
    },
  };
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider([{ language: 'markdown' }, { language: 'plaintext' }, { language: 'contract' }, { language: 'contract-markdown' }], provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand(SHOW_RULE_DOCS, (rule: string) => showRuleDocumentation(rule)),
    vscode.commands.registerCommand(DISMISS, (uri: vscode.Uri, finding: Finding, scope: DismissalScope, reason?: string) => dismiss(services, uri, finding, scope, reason)),
    vscode.commands.registerCommand(REVOKE, (target: RevokeTarget) => revoke(services, target)),
  );
}

/** Opens the rule's page bundled with the extension as a rendered, read-only preview (never a web address). */
export async function showRuleDocumentation(rule: string): Promise<void> {
  if (typeof rule !== 'string' || !/^[a-z-]+$/.test(rule)) return;
  const uri = ruleDocUri(rule);
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    return void vscode.window.showWarningMessage(`ClauseGuard has no documentation page for ${rule}.`);
  }
  await vscode.commands.executeCommand('markdown.showPreview', uri);
}

function revokeTargetOf(d: FindingDiagnostic, uri: vscode.Uri): RevokeTarget | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(uri)?.uri;
  if (!folder) return undefined;
  if (d.hidden?.kind === 'dismissal') return { kind: 'dismissal', folder, id: d.hidden.dismissal.id };
  if (d.hidden?.kind === 'decision') return { kind: 'decision', folder, id: d.hidden.decision.id };
  if (d.decision?.state === 'applies') return { kind: 'decision', folder, id: d.decision.decision.id };
  return undefined;
}

function clauseOf(services: ExtensionServices, uri: vscode.Uri, f: Finding): string | undefined {
  const review = services.checker.reviewOf(uri);
  if (!review) return undefined;
  const c = innermostClause(review.model().clauses, f.span.start);
  return c && clauseLabel(c);
}

/** Records a dismissal. Returns its id, or undefined when cancelled or impossible (with a message). */
export async function dismiss(services: ExtensionServices, uri: vscode.Uri, finding: Finding, scope: DismissalScope, reasonArg?: string): Promise<string | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) {
    void vscode.window.showWarningMessage(`ClauseGuard keeps dismissals in the workspace folder (${DISMISSALS_PATH}). Open the folder that contains this contract, then try again.`);
    return undefined;
  }
  if (!services.isTrusted()) {
    void vscode.window.showWarningMessage('ClauseGuard cannot record dismissals in Restricted Mode. Trust this workspace first.');
    return undefined;
  }
  const clause = clauseOf(services, uri, finding);
  const what = scope === 'file' ? `${ruleTitle(finding.rule)} for this whole file` : scope === 'clause' ? `${ruleTitle(finding.rule)} in clause ${clause}` : `this finding (${ruleTitle(finding.rule)})`;
  const reason =
    reasonArg ??
    (await vscode.window.showInputBox({
      title: scope === 'finding' ? 'ClauseGuard: Dismiss with a reason' : `ClauseGuard: Disable for this ${scope}`,
      prompt: `Why does ${what} need no change? Recorded with your name and the date in ${DISMISSALS_PATH}, not in the contract. Revoke it from the ClauseGuard Decisions view.`,
      placeHolder: 'e.g. Consent is given in the master agreement, clause 14.2',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : 'Give a reason: it is part of the audit trail.'),
    }));
  if (!reason?.trim()) return undefined;
  const reviewer = await confirmedReviewer(folder);
  if (!reviewer) return undefined;
  const review = services.checker.reviewOf(uri);
  const text = review?.text ?? (await vscode.workspace.openTextDocument(uri)).getText();
  try {
    const d = createDismissal({ file: vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/'), text, finding, scope, clause, reason, reviewer, date: new Date().toISOString() });
    await services.dismissals.record(folder, d);
    services.output.info(`Dismissal recorded (${scope}) for ${d.rule} in ${d.file} by ${d.reviewer}: ${d.reason}`);
    void vscode.window.setStatusBarMessage(`ClauseGuard: ${what} dismissed (shown faintly; listed in reports)`, 5000);
    return d.id;
  } catch (e) {
    void vscode.window.showErrorMessage(`ClauseGuard could not record the dismissal: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

export async function revoke(services: ExtensionServices, target: RevokeTarget): Promise<boolean> {
  const folder = target && vscode.workspace.getWorkspaceFolder(vscode.Uri.from(target.folder));
  if (!folder) return false;
  try {
    const done = target.kind === 'decision' ? await services.decisions.revoke(folder, target.id) : await services.dismissals.revoke(folder, target.id);
    if (done) void vscode.window.setStatusBarMessage('ClauseGuard: decision revoked; the finding is back', 5000);
    else void vscode.window.showInformationMessage('ClauseGuard: that decision is no longer recorded.');
    return done;
  } catch (e) {
    void vscode.window.showErrorMessage(`ClauseGuard could not revoke the decision: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

function short(s: string): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length > 40 ? one.slice(0, 39) + '…' : one;
}
