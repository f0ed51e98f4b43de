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
/** Tests switch trust here (services.setTrustOverride); otherwise VS Code's workspace trust decides. */
export const trustOverride: { value: boolean | undefined } = { value: undefined };
const workspaceTrusted = () => trustOverride.value ?? vscode.workspace.isTrusted;

export function readSettings(scope?: vscode.Uri, trusted = workspaceTrusted()): AdapterSettings {
  const cfg = withoutWorkspaceWeakening(vscode.workspace.getConfiguration(SECTION, scope), trusted);
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

/**
 * Settings a repository could use to weaken screening (rules off, score bands raised, bundled lists or
 * contract detection off). In Restricted Mode their workspace values are ignored: only the user's own
 * settings and the defaults count. Listed in package.json restrictedConfigurations too.
 */
export const SCREENING_SETTINGS = ['rules', 'screening.scoreBands', 'lists.bundled', 'contractFiles', 'detectContracts'];

function withoutWorkspaceWeakening(cfg: vscode.WorkspaceConfiguration, trusted: boolean): Pick<vscode.WorkspaceConfiguration, 'get' | 'inspect'> {
  if (trusted) return cfg;
  const get = <T>(key: string, fallback?: T): T | undefined => {
    if (!SCREENING_SETTINGS.includes(key)) return fallback === undefined ? cfg.get<T>(key) : cfg.get<T>(key, fallback);
    const i = cfg.inspect<T>(key);
    return i?.globalValue ?? i?.defaultValue ?? fallback;
  };
  return { get: get as vscode.WorkspaceConfiguration['get'], inspect: cfg.inspect.bind(cfg) };
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
  const cfg = withoutWorkspaceWeakening(vscode.workspace.getConfiguration(SECTION), trusted);
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
  // A relative path resolves inside the workspace, whose files an untrusted repository controls.
  const relative = (extra as string[]).filter((p) => p.trim() && !isAbsolutePath(p));
  if (!trusted && relative.length) problems.push(`clauseguard.lists.extraFiles: ${relative.join(', ')} ${relative.length > 1 ? 'are relative paths' : 'is a relative path'}, which would be read from this untrusted workspace; ${relative.length > 1 ? 'they are' : 'it is'} not loaded in Restricted Mode. Use an absolute path, or trust the workspace.`);
  const extraFiles = (extra as string[])
    .filter((p) => p.trim() && (trusted || isAbsolutePath(p)))
    .map((p) => (isAbsolutePath(p) || !folder ? p : vscode.Uri.joinPath(folder, p).fsPath));

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
export function clauseLibraryFolder(scope: vscode.Uri | undefined, trusted = workspaceTrusted()): vscode.Uri | undefined {
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
