import * as vscode from 'vscode';
import { registerClauseQuickFixes } from './features/clauseQuickFixes';
import { registerDebug } from './features/debug';
import { registerDecisions } from './features/decisions';
import { registerDefinedTerms } from './features/definedTerms';
import { registerFindingActions } from './features/findingActions';
import { registerDecisionsView } from './features/decisionsView';
import { registerFolding } from './features/folding';
import { registerOutline } from './features/outline';
import { registerDiagnostics } from './features/diagnostics';
import { registerEffectiveConfig } from './features/effectiveConfig';
import { registerReviewWorkspace } from './features/reviewWorkspace';
import { registerSanctionsHover } from './features/sanctionsHover';
import { registerSearchSanctions } from './features/searchSanctions';
import { registerStatus } from './features/status';
import { registerUpdateLists } from './features/updateLists';
import { registerComplianceReport } from './features/reportPanel';
import { registerContractChain } from './features/contractChain';
import { reportSourceFromServices } from './features/reportSource';
import { ExtensionServices } from './extensionServices';
import { ruleDocsRoot } from './checker';
import { ownFolder } from './contractScope';

/**
 * Composition root: creates the shared services and registers each feature (src/vscode/features/*).
 * Keep this file to wiring only.
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  ruleDocsRoot.uri = context.extensionUri;
  ownFolder.path = context.extensionUri.path;
  const services = new ExtensionServices(context);
  context.subscriptions.push(services);
  services.reportSettingsProblems();
  registerDiagnostics(context, services);
  registerClauseQuickFixes(context, services);
  const reportSource = reportSourceFromServices(context, services);
  registerComplianceReport(context, reportSource);
  registerContractChain(context, reportSource);
  // Reviewer workflow (issue 6): decisions, Review Workspace, status items, list updates, debug probe.
  registerDecisions(context, services);
  // Issue 15: the same actions on every finding, and the decisions view.
  registerFindingActions(context, services);
  registerDecisionsView(context, services);
  registerReviewWorkspace(context, services);
  registerStatus(context, services);
  registerUpdateLists(context, services);
  registerDebug(context, services);
  // One configuration for every host (issue 11): where each value came from.
  registerEffectiveConfig(context, services);
  // Sanctions screening (issue 4): hover on a flagged name, Search Sanctions Lists… command.
  registerSanctionsHover(context, services);
  registerSearchSanctions(context, services);
  // Contract model in the editor (issue 3): Outline / breadcrumbs, folding by clause, defined terms.
  registerOutline(context, services);
  registerFolding(context, services);
  registerDefinedTerms(context, services);
  // Lists and decisions load in the background (the lists in the check worker); contracts are
  // re-checked when they arrive. Trusting the workspace later loads what Restricted Mode held back.
  void services.projectConfigs.loadAll().then(() => services.checker.recheckAll());
  void services.decisions.loadAll();
  void services.dismissals.loadAll();
  void services.loadLists();
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => void services.setTrustOverride(undefined)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('clauseguard.lists.bundled') || e.affectsConfiguration('clauseguard.lists.extraFiles')) void services.loadLists();
    }),
    // The firm's configuration file changed: its lists may differ, and every verdict may.
    services.projectConfigs.onDidChange(() => {
      void services.loadLists();
      services.checker.recheckAll();
    }),
  );
  return { services };
}

export function deactivate(): void {}

/** Returned from activate(): integration tests reach internals through it. */
export interface ExtensionApi {
  services: ExtensionServices;
}
