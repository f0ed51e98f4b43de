import * as vscode from 'vscode';
import { toReviewerDecision } from '../../core/decisions';
import { formatFromPath } from '../../core/document/sourceDocument';
import { CANDIDATE_MIN_SCORE, partyCandidates } from '../../core/report/candidates';
import type { ContractModel } from '../../core/model/types';
import type { ScreeningCandidateInput } from '../../core/report/types';
import type { Finding } from '../../core/types';
import type { DocumentReview } from '../checker';
import { currentReviewer } from '../../node/reviewerName';
import type { ExtensionServices } from '../extensionServices';
import { findWorkspaceContracts, sha256Text, type ReportSource } from './reportPanel';

/**
 * The report's data from the extension's own checker: the same results the Problems panel shows
 * (checked in the worker with the loaded sanctions lists), inline and decision suppressions, each
 * decided finding's decision, the loaded lists, and the reviewer from git config.
 */
export function reportSourceFromServices(context: vscode.ExtensionContext, services: ExtensionServices): ReportSource {
  const changed = new vscode.EventEmitter<readonly vscode.Uri[] | undefined>();
  context.subscriptions.push(
    changed,
    services.checker.onDidCheck((uri) => changed.fire([uri])),
    services.onDidChangeLists(() => changed.fire(undefined)),
    services.decisions.onDidChange(() => changed.fire(undefined)),
  );
  const version = String((context.extension?.packageJSON as { version?: string } | undefined)?.version ?? '0.0.0');
  return {
    toolVersion: version,
    onDidChange: changed.event,
    lists: () => services.lists,
    reviewer: () => currentReviewer(vscode.workspace.workspaceFolders?.[0]?.uri.fsPath),
    async review(uri) {
      await services.listsReady;
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      let review: DocumentReview | undefined;
      if (open) review = await services.checker.reviewFor(open);
      if (!review) {
        const current = services.checker.reviewOf(uri);
        if (current && current.version === -1) review = current;
        else {
          const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
          await services.checker.checkFile(uri, text, formatFromPath(uri.path));
          review = services.checker.reviewOf(uri);
        }
      }
      if (!review) return undefined;
      const result = { ...review.result, findings: review.shown.map((f) => withDecision(f, review)), suppressed: review.suppressed };
      return { sha256: sha256Text(review.text), result, screening: await screenParties(services, result.model) };
    },
    findContracts: (token) => findWorkspaceContracts(token),
  };
}

/** Every party with its best match, searched in the check worker (where the lists are loaded). */
async function screenParties(services: ExtensionServices, model: ContractModel): Promise<ScreeningCandidateInput[]> {
  if (!services.lists.length) return [];
  const names: string[] = [];
  partyCandidates(model, (name) => void names.push(name));
  const best = new Map<string, Awaited<ReturnType<ExtensionServices['searchLists']>>[number]>();
  for (const name of names) {
    try {
      const [m] = await services.searchLists(name, { limit: 1, minScore: CANDIDATE_MIN_SCORE });
      if (m) best.set(name, m);
    } catch {
      // the worker restarted: leave this name without a match rather than fail the report
    }
  }
  return partyCandidates(model, (name) => best.get(name));
}

/** The reviewer's decision rides on the finding (finding.data.decision), as the report reads it. */
function withDecision(f: Finding, review: DocumentReview): Finding {
  const s = review.decisions.get(f);
  return s ? { ...f, data: { ...f.data, decision: toReviewerDecision(s.decision, s.state === 'stale') } } : f;
}
