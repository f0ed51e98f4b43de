import * as vscode from 'vscode';
import { allRules, BUNDLED_LIST_IDS, normalizeConfig, resolveConfig, type CheckConfig, type ConfigLayer, type ConfigOrigin, type ConfigValues, type EffectiveConfig } from '../core/index';
import { projectConfigs } from './projectConfigs';

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

/** Whether the workspace is trusted (tests override it through ExtensionServices). */
let trustedNow: () => boolean = () => vscode.workspace.isTrusted;
export function setTrustCheck(check: () => boolean): void {
  trustedNow = check;
}

/**
 * Workspace values ignored in Restricted Mode: those that weaken screening (an untrusted repository's
 * .vscode/settings.json must not switch it off) and those that load files from the workspace.
 */
const IGNORED_WHEN_UNTRUSTED = new Set(['rules', 'screening.scoreBands', 'lists.bundled', 'contractFiles', 'detectContracts', 'lists.extraFiles', 'clauseLibrary.folder']);

/** The VS Code settings that map onto the shared configuration, by their setting key. */
function valuesFrom(get: (key: string) => unknown, problems: string[], level: string): ConfigValues {
  const values: ConfigValues = {};
  // The per-rule dropdowns (clauseguard.severity.<rule id>) win over the id-or-tag object clauseguard.rules.
  let rules = get('rules');
  for (const rule of allRules) {
    const v = get(`severity.${rule.id}`);
    if (v !== undefined && v !== 'default') rules = { ...(rules && typeof rules === 'object' && !Array.isArray(rules) ? rules : {}), [rule.id]: v };
  }
  const bands = bandsAsFractions(get('screening.scoreBands'));
  if (rules !== undefined || bands !== undefined) {
    const n = normalizeConfig({ ...(rules !== undefined ? { ruleSeverity: rules } : {}), ...(bands !== undefined ? { screeningBands: bands } : {}) });
    // The core speaks of scores 0–1; the settings are out of 100.
    for (const p of n.problems) problems.push(`${p.setting}: ${p.message.replace(/between 0 and 1; using ([\d.]+)/, (_, v: string) => `between 0 and 100; using ${Math.round(Number(v) * 100)}`)} (${level})`);
    for (const [id, sev] of Object.entries(n.config.ruleSeverity)) values[`rules.${id}`] = sev;
    if (bands && typeof bands === 'object') {
      for (const k of ['error', 'warning', 'info'] as const) if ((bands as Record<string, unknown>)[k] !== undefined) values[`screening.scoreBands.${k}`] = n.config.screeningBands[k];
    }
  }
  const strings = (key: string): string[] | undefined => {
    const v = get(key);
    if (v === undefined) return undefined;
    if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
    problems.push(`clauseguard.${key}: expected a list of text values; it is ignored. (${level})`);
    return undefined;
  };
  const bundled = strings('lists.bundled');
  if (bundled) values['lists.bundled'] = bundled;
  const extra = strings('lists.extraFiles');
  if (extra) values['lists.extraFiles'] = extra;
  const maxAge = get('lists.maxAgeDays');
  if (maxAge !== undefined) {
    if (typeof maxAge === 'number' && maxAge >= 0 && maxAge <= 3650) values['lists.maxAgeDays'] = maxAge;
    else problems.push(`clauseguard.lists.maxAgeDays: ${JSON.stringify(maxAge)} is not a number of days between 0 and 3650; it is ignored. (${level})`);
  }
  const globs = strings('contractFiles');
  if (globs) values.contractFiles = globs;
  const detect = get('detectContracts');
  if (detect !== undefined) {
    if (typeof detect === 'boolean') values.detectContracts = detect;
    else problems.push(`clauseguard.detectContracts: ${JSON.stringify(detect)} is not true or false; it is ignored. (${level})`);
  }
  const folder = get('clauseLibrary.folder');
  if (folder !== undefined) {
    if (typeof folder === 'string') values['clauseLibrary.folder'] = folder;
    else problems.push(`clauseguard.clauseLibrary.folder: ${JSON.stringify(folder)} is not a folder path; it is ignored. (${level})`);
  }
  const reviewer = get('reviewer.name');
  if (typeof reviewer === 'string' && reviewer.trim()) values['reviewer.name'] = reviewer;
  return values;
}

/**
 * The configuration for a resource, layered as every host layers it: defaults, then the workspace
 * folder's .clauseguard/config.json, then VS Code settings that are explicitly set (User, Workspace,
 * Folder). In Restricted Mode the configuration file is not read and workspace values that weaken
 * screening are ignored.
 */
export function effectiveConfig(scope?: vscode.Uri, trusted = trustedNow()): { config: EffectiveConfig; origins: ConfigOrigin[]; problems: string[] } {
  const folder = (scope && vscode.workspace.getWorkspaceFolder(scope)) ?? vscode.workspace.workspaceFolders?.[0];
  const cfg = vscode.workspace.getConfiguration(SECTION, scope ?? folder?.uri);
  const problems: string[] = [];
  const layers: ConfigLayer[] = [];
  if (trusted) {
    const file = projectConfigs?.layerFor(folder);
    if (file?.layer) layers.push(file.layer);
    problems.push(...(file?.problems ?? []));
  }
  const levels = [
    ['globalValue', 'User settings'],
    ['workspaceValue', 'Workspace settings'],
    ['workspaceFolderValue', 'Folder settings'],
  ] as const;
  for (const [level, source] of levels) {
    // In a single-folder workspace VS Code reports the same value at both workspace levels.
    if (level === 'workspaceFolderValue' && !vscode.workspace.workspaceFile) continue;
    const fromWorkspace = level !== 'globalValue';
    const get = (key: string) => {
      if (fromWorkspace && !trusted && (IGNORED_WHEN_UNTRUSTED.has(key) || key.startsWith('severity.'))) return undefined;
      return cfg.inspect(key)?.[level];
    };
    const values = valuesFrom(get, problems, source);
    if (Object.keys(values).length) layers.push({ source, values });
  }
  const resolved = resolveConfig(layers);
  return { config: resolved.config, origins: resolved.origins, problems: [...problems, ...resolved.problems] };
}

/** Reads ClauseGuard settings for a resource. Invalid values fall back to defaults and are reported, never thrown. */
export function readSettings(scope?: vscode.Uri): AdapterSettings {
  const cfg = vscode.workspace.getConfiguration(SECTION, scope);
  const { config, problems: messages } = effectiveConfig(scope);
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
  return {
    check: config.check,
    run: run === 'onSave' ? 'onSave' : 'onType',
    debounceMs,
    contractFiles: config.contractFiles,
    detectContracts: config.detectContracts,
    problems: messages,
  };
}

export { BUNDLED_LIST_IDS };

/** The Settings editor shows score bands out of 100, as every screen does; the core works on 0–1. Values up to 1 are read as fractions (older settings). */
function bandsAsFractions(bands: unknown): unknown {
  if (!bands || typeof bands !== 'object' || Array.isArray(bands)) return bands;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(bands)) out[k] = typeof v === 'number' && v > 1 && v <= 100 ? v / 100 : v;
  return out;
}


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
  const restricted = <T>(key: string): T | undefined => {
    if (trusted) return cfg.get<T>(key);
    const i = cfg.inspect<T>(key);
    return i?.globalValue ?? i?.defaultValue;
  };
  const { config, problems } = effectiveConfig(undefined, trusted);
  const known = config.lists.bundled.filter((id) => (BUNDLED_LIST_IDS as readonly string[]).includes(id));
  for (const id of config.lists.bundled) {
    if (!known.includes(id)) problems.push(`clauseguard.lists.bundled: ${JSON.stringify(id)} is not a bundled list (use ${BUNDLED_LIST_IDS.join(', ')}); it is ignored.`);
  }
  // Relative paths resolve against the workspace folder: never inside a workspace that is not trusted.
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const extraFiles: string[] = [];
  for (const p of config.lists.extraFiles.filter((x) => x.trim())) {
    if (isAbsolutePath(p)) extraFiles.push(p);
    else if (folder && trusted) extraFiles.push(vscode.Uri.joinPath(folder, p).fsPath);
    else problems.push(`clauseguard.lists.extraFiles: ${p} is a relative path, which would be read from this untrusted workspace; it is not loaded in Restricted Mode. Use an absolute path, or trust the workspace.`);
  }
  const maxAgeDays = config.lists.maxAgeDays;
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
export function clauseLibraryFolder(scope: vscode.Uri | undefined, trusted = trustedNow()): vscode.Uri | undefined {
  if (!trusted) return undefined;
  const folder = (scope && vscode.workspace.getWorkspaceFolder(scope)) ?? vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const value = effectiveConfig(scope, trusted).config.clauseLibraryFolder;
  if (!value.trim()) return undefined;
  return isAbsolutePath(value) ? vscode.Uri.file(value) : vscode.Uri.joinPath(folder.uri, value);
}

function isAbsolutePath(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\\\');
}
