import * as vscode from 'vscode';
import { FindingDiagnostic } from '../checker';
import { confirmedReviewer } from './reviewerName';
import type { ExtensionServices } from '../extensionServices';
import { clauseKeyAt, clauseLookup, createDecision, DECISIONS_PATH, type DecisionStatus, type Finding, type ListVersion, type Verdict } from '../../core/index';

export const MARK_NOT_A_MATCH = 'clauseguard.markNotAMatch';
export const MARK_CONFIRMED = 'clauseguard.markConfirmedMatch';
export const OPEN_DECISIONS = 'clauseguard.openDecisions';

/** Findings a reviewer can decide on: sanctions matches (any finding that names a list entry). */
export function isDecidable(f: Finding): boolean {
  return f.rule === 'sanctioned-party' || f.match !== undefined;
}

/**
 * Quick fixes "Mark as not a match…" / "Mark as confirmed match…" on sanctions findings. Each asks for a
 * reason and records who, when, why and against which list version in .clauseguard/decisions.json.
 */
export function registerDecisions(context: vscode.ExtensionContext, services: ExtensionServices): void {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(doc, _range, ctx) {
      const actions: vscode.CodeAction[] = [];
      for (const d of ctx.diagnostics) {
        if (!(d instanceof FindingDiagnostic) || d.hidden || !isDecidable(d.finding)) continue;
        const name = d.finding.match?.entity.primaryName ?? d.finding.rule;
        for (const [verdict, title, command] of [
          ['not-a-match', `Mark “${d.finding.text}” as not a match for ${name}…`, MARK_NOT_A_MATCH],
          ['confirmed-match', `Mark “${d.finding.text}” as a confirmed match for ${name}…`, MARK_CONFIRMED],
        ] as const) {
          const a = new vscode.CodeAction(title, vscode.CodeActionKind.QuickFix);
          a.diagnostics = [d];
          a.command = { command, title, arguments: [doc.uri, d.finding] };
          if (verdict === 'not-a-match' && d.decision?.state === 'applies' && d.decision.decision.verdict === 'confirmed-match') a.title = `Change the decision on “${d.finding.text}” to not a match…`;
          actions.push(a);
        }
      }
      return actions;
    },
  };
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider([{ language: 'markdown' }, { language: 'plaintext' }, { language: 'contract' }, { language: 'contract-markdown' }], provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand(MARK_NOT_A_MATCH, (uri: vscode.Uri, finding: Finding, reason?: string) => decide(services, uri, finding, 'not-a-match', reason)),
    vscode.commands.registerCommand(MARK_CONFIRMED, (uri: vscode.Uri, finding: Finding, reason?: string) => decide(services, uri, finding, 'confirmed-match', reason)),
    vscode.commands.registerCommand(OPEN_DECISIONS, async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) return void vscode.window.showInformationMessage('ClauseGuard keeps decisions in the workspace folder; open a folder first.');
      try {
        await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.uri, DECISIONS_PATH));
      } catch {
        void vscode.window.showInformationMessage(`No decisions have been recorded yet (${DECISIONS_PATH} does not exist).`);
      }
    }),
  );
}

/** Records a decision. Returns the decision id, or undefined when cancelled or impossible (with a message). */
export async function decide(services: ExtensionServices, uri: vscode.Uri, finding: Finding, verdict: Verdict, reasonArg?: string): Promise<string | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (!folder) {
    void vscode.window.showWarningMessage('ClauseGuard records decisions in the workspace folder (.clauseguard/decisions.json). Open the folder that contains this contract, then try again.');
    return undefined;
  }
  if (!services.isTrusted()) {
    void vscode.window.showWarningMessage('ClauseGuard cannot record decisions in Restricted Mode. Trust this workspace to record decisions.');
    return undefined;
  }
  const who = finding.match ? `${finding.match.entity.primaryName} (${finding.match.entity.id})` : `the ${finding.rule} finding`;
  const reason =
    reasonArg ??
    (await vscode.window.showInputBox({
      title: verdict === 'not-a-match' ? 'ClauseGuard: Mark as not a match' : 'ClauseGuard: Mark as confirmed match',
      prompt:
        verdict === 'not-a-match'
          ? `Why is “${finding.text}” not ${who}? Your name, the date and the list version are recorded with it in ${DECISIONS_PATH}.`
          : `Why is “${finding.text}” ${who}? Your name, the date and the list version are recorded with it in ${DECISIONS_PATH}.`,
      placeHolder: verdict === 'not-a-match' ? 'e.g. Different company: registered in Lyon, France; see KYC file 42' : 'e.g. Same entity: address and registration number match',
      ignoreFocusOut: true,
      validateInput: (v) => (v.trim() ? undefined : 'Give a reason: it is part of the audit trail.'),
    }));
  if (!reason?.trim()) return undefined;
  const reviewer = await confirmedReviewer(folder);
  if (!reviewer) return undefined;
  const review = services.checker.reviewOf(uri);
  const text = review?.text ?? (await vscode.workspace.openTextDocument(uri)).getText();
  const clause = review ? clauseKeyAt(clauseLookup(review.review.clauses), finding.span.start) : undefined;
  const decision = createDecision({
    ...(clause ? { clause } : {}),
    file: vscode.workspace.asRelativePath(uri, false).replace(/\\/g, '/'),
    text,
    finding,
    verdict,
    reason,
    reviewer,
    date: new Date().toISOString(),
    listVersion: listVersionOf(services, finding),
  });
  try {
    const { backup } = await services.decisions.record(folder, decision);
    if (backup) {
      void vscode.window.showWarningMessage(`ClauseGuard: the old ${DECISIONS_PATH} could not be read cleanly, so it was copied to ${vscode.workspace.asRelativePath(backup)} before the decision was written.`);
    }
  } catch (e) {
    void vscode.window.showErrorMessage(`ClauseGuard could not record the decision: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
  services.output.info(`Decision recorded: ${decision.verdict} for “${decision.matchedText}” (${decision.entityId}) in ${decision.file} by ${decision.reviewer}: ${decision.reason}`);
  void vscode.window.setStatusBarMessage(
    verdict === 'not-a-match' ? `ClauseGuard: “${finding.text}” marked as not a match (hidden in the editor, listed in reports)` : `ClauseGuard: “${finding.text}” marked as a confirmed match`,
    5000,
  );
  return decision.id;
}

function listVersionOf(services: ExtensionServices, f: Finding): ListVersion {
  const id = f.match?.entity.list ?? f.match?.entity.id.split(':')[0];
  const list = services.lists.find((l) => l.id === id);
  return list ? { id: list.id, date: list.date, sha256: list.sha256 } : { id: id ?? 'none', date: '', sha256: '' };
}

/**
 * The decision section of a hover (for the sanctions hover): what was decided, why, by whom, when, and
 * against which list version; or why an earlier decision no longer applies.
 */
export function decisionHoverMarkdown(status: DecisionStatus | undefined): vscode.MarkdownString | undefined {
  if (!status) return undefined;
  const d = status.decision;
  const md = new vscode.MarkdownString();
  md.isTrusted = false;
  const verdict = d.verdict === 'not-a-match' ? 'Not a match' : 'Confirmed match';
  if (status.state === 'stale') {
    md.appendMarkdown(`**Earlier decision no longer applies** — ${escapeMd(status.because)}.\n\n`);
    md.appendMarkdown(`It was: *${verdict}* — ${escapeMd(d.reason)}\n\n`);
  } else {
    md.appendMarkdown(`**Reviewer decision: ${verdict}** — ${escapeMd(d.reason)}\n\n`);
  }
  md.appendMarkdown(`${escapeMd(d.reviewer)}, ${d.date.slice(0, 10)} · list ${escapeMd(d.listVersion.id)} of ${escapeMd(d.listVersion.date || 'unknown date')} · recorded in \`${DECISIONS_PATH}\``);
  return md;
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}
