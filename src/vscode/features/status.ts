import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { readListSettings } from '../settings';
import { staleLists, staleWarning } from '../../core/index';

const SELECTOR: vscode.DocumentSelector = [{ language: 'markdown' }, { language: 'plaintext' }, { language: 'contract' }, { language: 'contract-markdown' }];
/** Ids of the language status items (stable: the UI test finds them by these names). */
export const STATUS_FINDINGS_ID = 'clauseguard.status.findings';
export const STATUS_LISTS_ID = 'clauseguard.status.lists';

/**
 * Two language status items (the "{}" area of the status bar, next to the language): the current
 * file's findings, and the loaded sanctions lists with their dates (a warning when they are older than
 * clauseguard.lists.maxAgeDays, and a note in Restricted Mode).
 */
export function registerStatus(context: vscode.ExtensionContext, services: ExtensionServices): { refresh(): void; findings: vscode.LanguageStatusItem; lists: vscode.LanguageStatusItem } {
  const findings = vscode.languages.createLanguageStatusItem(STATUS_FINDINGS_ID, SELECTOR);
  findings.name = 'ClauseGuard findings';
  const lists = vscode.languages.createLanguageStatusItem(STATUS_LISTS_ID, SELECTOR);
  lists.name = 'ClauseGuard sanctions lists';
  lists.text = '$(loading~spin) Loading sanctions lists…';
  lists.busy = true;
  let warnedFor = '';

  const refreshFindings = () => {
    const doc = vscode.window.activeTextEditor?.document;
    const review = doc && services.checker.reviewOf(doc.uri);
    if (!doc || !review) {
      findings.text = 'ClauseGuard: not a contract';
      findings.detail = 'Only contracts are checked (see clauseguard.contractFiles and clauseguard.detectContracts).';
      findings.severity = vscode.LanguageStatusSeverity.Information;
      findings.command = { title: 'Settings', command: 'workbench.action.openSettings', arguments: ['clauseguard.contractFiles'] };
      return;
    }
    const n = { error: 0, warning: 0, info: 0 };
    for (const f of review.review.findings) n[f.severity]++;
    const hidden = review.review.suppressed.length;
    const parts = [`${n.error} error${n.error === 1 ? '' : 's'}`, `${n.warning} warning${n.warning === 1 ? '' : 's'}`];
    if (n.info) parts.push(`${n.info} note${n.info === 1 ? '' : 's'}`);
    findings.text = `$(law) ClauseGuard: ${parts.join(', ')}`;
    findings.detail = hidden ? `${hidden} hidden by inline comments or decisions (listed in reports)` : 'in this file';
    findings.severity = n.error ? vscode.LanguageStatusSeverity.Error : n.warning ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    findings.command = { title: 'Problems', command: 'workbench.actions.view.problems' };
  };

  const refreshLists = () => {
    const settings = readListSettings(services.isTrusted());
    const restricted = services.isTrusted() ? '' : ' Restricted Mode: workspace list files and clause folders are not loaded.';
    lists.busy = false;
    const names = services.lists.map((l) => `${shortName(l.id)} ${l.date}`).join(' · ');
    const stale = staleLists(services.lists, settings.maxAgeDays, new Date());
    if (!services.lists.length) {
      lists.text = '$(warning) No sanctions lists loaded';
      lists.severity = vscode.LanguageStatusSeverity.Warning;
      lists.detail = `Names are not screened.${restricted}`;
    } else {
      // Short text, so the popup keeps its "Update Lists…" link on screen; the dates go in the detail.
      const oldest = Math.max(0, ...stale.map((x) => x.ageDays));
      lists.text = stale.length ? `$(warning) Lists: ${oldest} days old` : `$(shield) Lists: ${services.lists.length} current`;
      lists.severity = stale.length ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
      // The popup shows text, detail and the "Update Lists…" link on one line: keep the detail to the oldest list.
      const oldestList = [...services.lists].sort((a, b) => a.date.localeCompare(b.date))[0];
      lists.detail = `oldest: ${shortName(oldestList.id)} ${oldestList.date}${services.listErrors.length ? `; ${services.listErrors.length} file(s) not loaded` : ''}${restricted}`;
    }
    lists.command = { title: 'Update Lists…', command: 'clauseguard.updateLists' };
    lists.accessibilityInformation = { label: `ClauseGuard sanctions lists: ${names || 'none'}.${stale.length ? ' Out of date.' : ''}${restricted}` };
    const warning = staleWarning(stale, settings.maxAgeDays);
    const key = stale.map((s) => s.list.id + s.list.date).join(',');
    if (warning && key !== warnedFor) {
      warnedFor = key;
      services.output.warn(`Lists: ${warning}`);
      void vscode.window.showWarningMessage(`ClauseGuard: ${warning}`, 'Update Lists…').then((pick) => pick && vscode.commands.executeCommand('clauseguard.updateLists'));
    }
  };

  context.subscriptions.push(
    findings,
    lists,
    services.checker.onDidCheck((uri) => {
      if (vscode.window.activeTextEditor?.document.uri.toString() === uri.toString()) refreshFindings();
    }),
    vscode.window.onDidChangeActiveTextEditor(refreshFindings),
    services.onDidChangeLists(refreshLists),
    services.onDidChangeTrust(refreshLists),
    vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('clauseguard.lists') && refreshLists()),
  );
  refreshFindings();
  services.statusItems = { findings, lists };
  return {
    refresh: () => {
      refreshFindings();
      refreshLists();
    },
    findings,
    lists,
  };
}

function shortName(id: string): string {
  return ({ 'ofac-sdn': 'OFAC SDN', 'ofac-cons': 'OFAC non-SDN', un: 'UN' } as Record<string, string>)[id] ?? id;
}
