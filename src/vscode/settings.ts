import * as vscode from 'vscode';
import { normalizeConfig, type CheckConfig } from '../core/config';
import { allRules } from '../core/rules/registry';

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
    ruleSeverity: withRuleDropdowns(cfg.get('rules'), cfg),
    screeningBands: bandsAsFractions(cfg.get('screening.scoreBands')),
  });
  // The core speaks of scores 0–1; the settings are out of 100.
  const messages = problems.map((p) => `${p.setting}: ${p.message.replace(/between 0 and 1; using ([\d.]+)/, (_, v: string) => `between 0 and 100; using ${Math.round(Number(v) * 100)}`)}`);
  const run = cfg.get<string>('run', 'onType');
  if (run !== 'onType' && run !== 'onSave') messages.push(`clauseguard.run: "${run}" is not onType or onSave; using onType.`);
  // clauseguard.typingPause replaces clauseguard.debounceMs (still read when only it is set).
  const pause = cfg.inspect<number>('typingPause');
  const pauseSet = pause?.workspaceFolderValue ?? pause?.workspaceValue ?? pause?.globalValue;
  let debounceMs = pauseSet ?? cfg.get<number>('debounceMs') ?? 400;
  if (typeof debounceMs !== 'number' || !(debounceMs >= 0 && debounceMs <= 10000)) {
    messages.push(`clauseguard.typingPause: ${JSON.stringify(debounceMs)} is not between 0 and 10000 milliseconds; using 400.`);
    debounceMs = 400;
  }
  let contractFiles = cfg.get<unknown>('contractFiles', []);
  if (!Array.isArray(contractFiles) || !contractFiles.every((g) => typeof g === 'string')) {
    messages.push('clauseguard.contractFiles: expected a list of glob patterns; using the default.');
    contractFiles = ['**/*.contract.md', '**/*.contract.txt'];
  }
  const detect = cfg.get<unknown>('detectContracts', true);
  if (typeof detect !== 'boolean') messages.push(`clauseguard.detectContracts: ${JSON.stringify(detect)} is not true or false; using true.`);
  const folder = cfg.get<unknown>('clauseLibrary.folder', '.clauseguard/clauses');
  if (typeof folder !== 'string') messages.push(`clauseguard.clauseLibrary.folder: ${JSON.stringify(folder)} is not a folder path; only the bundled clauses are used.`);
  return {
    check: config,
    run: run === 'onSave' ? 'onSave' : 'onType',
    debounceMs,
    contractFiles: contractFiles as string[],
    detectContracts: detect !== false,
    problems: messages,
  };
}

/** The per-rule dropdowns (clauseguard.severity.<rule id>) win over the id-or-tag object clauseguard.rules. */
function withRuleDropdowns(rules: unknown, cfg: vscode.WorkspaceConfiguration): unknown {
  const chosen: Record<string, unknown> = {};
  for (const rule of allRules) {
    const v = cfg.get<unknown>(`severity.${rule.id}`, 'default');
    if (v !== 'default' && v !== undefined) chosen[rule.id] = v;
  }
  if (!Object.keys(chosen).length) return rules;
  return { ...(rules && typeof rules === 'object' && !Array.isArray(rules) ? rules : {}), ...chosen };
}

/** The Settings editor shows score bands out of 100, as every screen does; the core works on 0–1. Values up to 1 are read as fractions (older settings). */
function bandsAsFractions(bands: unknown): unknown {
  if (!bands || typeof bands !== 'object' || Array.isArray(bands)) return bands;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(bands)) out[k] = typeof v === 'number' && v > 1 && v <= 100 ? v / 100 : v;
  return out;
}

export const BUNDLED_LIST_IDS = ['ofac-sdn', 'ofac-cons', 'un'] as const;

export interface ListSettings {
  bundled: string[];
  /** Absolute paths (relative entries resolved against the first workspace folder). */
  extraFiles: string[];
  maxAgeDays: number;
  allowDownload: boolean;
  /** '' = the official addresses. */
  downloadBaseUrl: string;
  problems: string[];
}

/**
 * Window-wide list settings. In an untrusted workspace, values that come from the workspace for the
 * restricted settings are ignored (VS Code does this too; doing it here keeps the rule testable).
 */
export function readListSettings(trusted: boolean): ListSettings {
  const cfg = vscode.workspace.getConfiguration(SECTION);
  const problems: string[] = [];
  const restricted = <T>(key: string): T | undefined => {
    if (trusted) return cfg.get<T>(key);
    const i = cfg.inspect<T>(key);
    return i?.globalValue ?? i?.defaultValue;
  };

  let bundled = cfg.get<unknown>('lists.bundled', [...BUNDLED_LIST_IDS]);
  if (!Array.isArray(bundled)) {
    problems.push('clauseguard.lists.bundled: expected a list such as ["ofac-sdn", "un"]; using all bundled lists.');
    bundled = [...BUNDLED_LIST_IDS];
  }
  const known = (bundled as unknown[]).filter((id): id is string => typeof id === 'string' && (BUNDLED_LIST_IDS as readonly string[]).includes(id));
  for (const id of bundled as unknown[]) {
    if (!known.includes(id as string)) problems.push(`clauseguard.lists.bundled: ${JSON.stringify(id)} is not a bundled list (use ${BUNDLED_LIST_IDS.join(', ')}); it is ignored.`);
  }

  let extra = restricted<unknown>('lists.extraFiles') ?? [];
  if (!Array.isArray(extra) || !extra.every((p) => typeof p === 'string')) {
    problems.push('clauseguard.lists.extraFiles: expected a list of file paths; no extra list is loaded.');
    extra = [];
  }
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const extraFiles = (extra as string[]).filter((p) => p.trim()).map((p) => (isAbsolutePath(p) || !folder ? p : vscode.Uri.joinPath(folder, p).fsPath));

  let maxAgeDays = cfg.get<unknown>('lists.maxAgeDays', 90);
  if (typeof maxAgeDays !== 'number' || !(maxAgeDays >= 0 && maxAgeDays <= 3650)) {
    problems.push(`clauseguard.lists.maxAgeDays: ${JSON.stringify(maxAgeDays)} is not a number of days between 0 and 3650; using 90.`);
    maxAgeDays = 90;
  }
  const allow = restricted<unknown>('lists.allowDownload') ?? false;
  if (typeof allow !== 'boolean') problems.push(`clauseguard.lists.allowDownload: ${JSON.stringify(allow)} is not true or false; downloads stay off.`);
  let base = restricted<unknown>('lists.downloadBaseUrl') ?? '';
  if (typeof base !== 'string' || (base !== '' && !/^https?:\/\/[^\s]+$/i.test(base))) {
    problems.push(`clauseguard.lists.downloadBaseUrl: ${JSON.stringify(base)} is not an http(s) address; the official addresses are used.`);
    base = '';
  }
  return { bundled: known, extraFiles, maxAgeDays: maxAgeDays as number, allowDownload: allow === true, downloadBaseUrl: (base as string).replace(/\/+$/, ''), problems };
}

/**
 * The workspace's clause-library folder for a document (clauseguard.clauseLibrary.folder), or
 * undefined when none applies: no workspace folder, Restricted Mode, or an invalid setting.
 * For the quick fixes: read the Markdown files in it and hand them to the core clause library.
 */
export function clauseLibraryFolder(scope: vscode.Uri | undefined, trusted = vscode.workspace.isTrusted): vscode.Uri | undefined {
  if (!trusted) return undefined;
  const folder = (scope && vscode.workspace.getWorkspaceFolder(scope)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const value = vscode.workspace.getConfiguration(SECTION, scope).get<unknown>('clauseLibrary.folder', '.clauseguard/clauses');
  if (typeof value !== 'string' || !value.trim()) return undefined;
  return isAbsolutePath(value) ? vscode.Uri.file(value) : vscode.Uri.joinPath(folder.uri, value);
}

function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}
