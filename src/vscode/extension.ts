import * as vscode from 'vscode';
import { registerClauseQuickFixes } from './features/clauseQuickFixes';
import { registerDebug } from './features/debug';
import { registerDecisions } from './features/decisions';
import { registerDiagnostics } from './features/diagnostics';
import { registerReviewWorkspace } from './features/reviewWorkspace';
import { registerStatus } from './features/status';
import { registerUpdateLists } from './features/updateLists';
import { registerComplianceReport } from './features/reportPanel';
import { ExtensionServices } from './services';

/**
 * Composition root: creates the shared services and registers each feature (src/vscode/features/*).
 * Keep this file to wiring only.
 */
export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const services = new ExtensionServices(context);
  context.subscriptions.push(services);
  services.reportSettingsProblems();
  registerDiagnostics(context, services);
  registerClauseQuickFixes(context, services);
  registerComplianceReport(context);
  return { services };
}

export function deactivate(): void {}

/** Returned from activate(): integration tests reach internals through it. */
export interface ExtensionApi {
  services: ExtensionServices;
}
