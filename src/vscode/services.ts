import * as vscode from 'vscode';
import type { RuleServices } from '../core/rules/services';
import type { ListInfo } from '../core/screening/types';
import { Checker } from './checker';
import { readSettings } from './settings';

/** Everything feature modules share, created once in activate(). */
export class ExtensionServices implements vscode.Disposable {
  readonly output = vscode.window.createOutputChannel('ClauseGuard', { log: true });
  readonly checker: Checker;
  /** Rule services (screener over the loaded lists, …). Replaced when lists load or change. */
  ruleServices: RuleServices = {};
  lists: ListInfo[] = [];
  private lastProblems = '';

  constructor(readonly context: vscode.ExtensionContext) {
    this.checker = new Checker(() => this.ruleServices);
  }

  /** Shows settings problems once per distinct set, with a button to open the settings. */
  reportSettingsProblems(): void {
    const problems = readSettings().problems;
    const key = problems.join('\n');
    if (key === this.lastProblems) return;
    this.lastProblems = key;
    if (!problems.length) return;
    for (const p of problems) this.output.warn(`Settings: ${p}`);
    void vscode.window
      .showWarningMessage(`ClauseGuard: some settings are invalid and defaults are used instead. ${problems[0]}`, 'Open Settings')
      .then((pick) => pick && vscode.commands.executeCommand('workbench.action.openSettings', 'clauseguard'));
  }

  dispose(): void {
    this.checker.dispose();
    this.output.dispose();
  }
}
