import * as vscode from 'vscode';
import { reviewerName } from '../../node/reviewerName';
import { effectiveConfig } from '../settings';

export const REVIEWER_SETTING = 'reviewer.name';

/**
 * The reviewer's name recorded with every decision: the setting clauseguard.reviewer.name. The first
 * time it is empty the reviewer is asked (git's name, if any, is only offered as the starting text) and
 * the answer is saved in the user settings. Undefined when the reviewer cancels.
 */
export async function confirmedReviewer(folder: vscode.WorkspaceFolder | undefined): Promise<string | undefined> {
  const cfg = vscode.workspace.getConfiguration('clauseguard', folder?.uri);
  // The setting, else reviewer.name in .clauseguard/config.json: the name every host records.
  const set = effectiveConfig(folder?.uri).config.reviewer;
  if (set) return set;
  const suggestion = await reviewerName(undefined, folder?.uri.fsPath).catch(() => '');
  const name = await vscode.window.showInputBox({
    title: 'ClauseGuard: Your name for the audit trail',
    prompt: 'Recorded with each decision you make (who, when, why). Saved in your settings as clauseguard.reviewer.name; change it there at any time.',
    value: suggestion,
    placeHolder: 'e.g. Jane Doe <jane.doe@firm.example>',
    ignoreFocusOut: true,
    validateInput: (v) => (v.trim() ? undefined : 'Give your name: it is part of the audit trail.'),
  });
  if (!name?.trim()) return undefined;
  await cfg.update(REVIEWER_SETTING, name.trim(), vscode.ConfigurationTarget.Global);
  return name.trim();
}
