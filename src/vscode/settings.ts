import * as vscode from 'vscode';
import { normalizeConfig, type CheckConfig } from '../core/config';

export const SECTION = 'clauseguard';

export interface AdapterSettings {
  check: CheckConfig;
  /** 'onType' re-checks while typing (debounced); 'onSave' only when saved. */
  run: 'onType' | 'onSave';
  debounceMs: number;
  contractFiles: string[];
  detectContracts: boolean;
  /** Readable problems with the user's settings; shown once per change. */
  problems: string[];
}

/** Reads ClauseGuard settings for a resource. Invalid values fall back to defaults and are reported, never thrown. */
export function readSettings(scope?: vscode.Uri): AdapterSettings {
  const cfg = vscode.workspace.getConfiguration(SECTION, scope);
  const { config, problems } = normalizeConfig({
    ruleSeverity: cfg.get('rules'),
    screeningBands: cfg.get('screening.scoreBands'),
  });
  const messages = problems.map((p) => `${p.setting}: ${p.message}`);
  const run = cfg.get<string>('run', 'onType');
  if (run !== 'onType' && run !== 'onSave') messages.push(`clauseguard.run: "${run}" is not onType or onSave; using onType.`);
  let debounceMs = cfg.get<number>('debounceMs', 400);
  if (typeof debounceMs !== 'number' || !(debounceMs >= 0 && debounceMs <= 10000)) {
    messages.push(`clauseguard.debounceMs: ${JSON.stringify(debounceMs)} is not between 0 and 10000; using 400.`);
    debounceMs = 400;
  }
  let contractFiles = cfg.get<unknown>('contractFiles', []);
  if (!Array.isArray(contractFiles) || !contractFiles.every((g) => typeof g === 'string')) {
    messages.push('clauseguard.contractFiles: expected a list of glob patterns; using the default.');
    contractFiles = ['**/*.contract.md', '**/*.contract.txt'];
  }
  const detect = cfg.get<unknown>('detectContracts', true);
  return {
    check: config,
    run: run === 'onSave' ? 'onSave' : 'onType',
    debounceMs,
    contractFiles: contractFiles as string[],
    detectContracts: detect !== false,
    problems: messages,
  };
}
