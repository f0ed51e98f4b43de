import { DEFAULT_CONFIG, type CheckConfig } from './checkConfig';
import type { SeveritySetting } from '../types';

/**
 * The firm's configuration, shared by every host: `.clauseguard/config.json` (committed with the
 * contracts), layered under VS Code settings in the editor and under flags in the CLI. The core only
 * parses and layers values; hosts find and read the file. Documented in docs/configuration.md; the
 * JSON schema VS Code validates it with is schemas/clauseguard-config.schema.json.
 */

export const CONFIG_PATH = '.clauseguard/config.json';

/** Every value a layer can set, by its dotted name (`rules.<id>` per rule). Scores are 0–1 here. */
export interface ConfigValues {
  [key: `rules.${string}`]: SeveritySetting;
  'screening.scoreBands.error'?: number;
  'screening.scoreBands.warning'?: number;
  'screening.scoreBands.info'?: number;
  'lists.bundled'?: string[];
  'lists.extraFiles'?: string[];
  'lists.maxAgeDays'?: number;
  contractFiles?: string[];
  detectContracts?: boolean;
  'clauseLibrary.folder'?: string;
  'reviewer.name'?: string;
  'inlineComments.enabled'?: boolean;
  'inlineComments.allowScreeningDisable'?: boolean;
}

export type ConfigKey = keyof ConfigValues & string;

/** One source of values, e.g. the defaults, `.clauseguard/config.json`, User settings, a CLI flag. */
export interface ConfigLayer {
  source: string;
  values: ConfigValues;
}

export interface EffectiveConfig {
  check: CheckConfig;
  lists: { bundled: string[]; extraFiles: string[]; maxAgeDays: number };
  contractFiles: string[];
  detectContracts: boolean;
  /** Relative to the project root (the folder holding `.clauseguard/`) unless absolute. */
  clauseLibraryFolder: string;
  /** Who records decisions and signs reports; undefined = ask the host (git, the OS user). */
  reviewer?: string;
}

/** Where one effective value came from (for "Show Effective Configuration" and `clauseguard config`). */
export interface ConfigOrigin {
  key: string;
  value: unknown;
  source: string;
}

export const BUNDLED_LIST_IDS = ['ofac-sdn', 'ofac-cons', 'un'] as const;

export const DEFAULT_VALUES: Readonly<ConfigValues> = Object.freeze({
  'screening.scoreBands.error': DEFAULT_CONFIG.screeningBands.error,
  'screening.scoreBands.warning': DEFAULT_CONFIG.screeningBands.warning,
  'screening.scoreBands.info': DEFAULT_CONFIG.screeningBands.info,
  'lists.bundled': [...BUNDLED_LIST_IDS],
  'lists.extraFiles': [],
  'lists.maxAgeDays': 90,
  contractFiles: ['**/*.contract.md', '**/*.contract.txt', '**/contracts/**/*.{md,txt}'],
  detectContracts: true,
  'clauseLibrary.folder': '.clauseguard/clauses',
  'inlineComments.enabled': DEFAULT_CONFIG.inlineDirectives,
  'inlineComments.allowScreeningDisable': DEFAULT_CONFIG.allowInlineScreeningDisable,
});

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

/**
 * Reads the text of a `.clauseguard/config.json`. Never throws: a damaged file or a bad value is a
 * problem naming the file and the setting, and that value is left out (the layers below apply).
 */
export function parseProjectConfig(text: string, file = CONFIG_PATH): { values: ConfigValues; problems: string[] } {
  const problems: string[] = [];
  const values: ConfigValues = {};
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { values, problems: [`${file}: is not valid JSON (${e instanceof Error ? e.message : String(e)}); none of its settings are used.`] };
  }
  if (!isRecord(raw)) return { values, problems: [`${file}: must hold a JSON object such as {"rules": {"sanctions-clause-missing": "error"}}; none of its settings are used.`] };
  const bad = (key: string, why: string) => problems.push(`${file}: "${key}" ${why}; it is ignored.`);
  const known = new Set(['$schema', 'rules', 'screening', 'lists', 'contractFiles', 'detectContracts', 'clauseLibrary', 'reviewer', 'inlineComments']);
  for (const k of Object.keys(raw)) if (!known.has(k)) bad(k, 'is not a ClauseGuard setting (see docs/configuration.md)');

  section(raw, 'rules', bad, (rules) => {
    for (const [id, v] of Object.entries(rules)) {
      if (typeof v === 'string' && SEVERITIES.has(v)) values[`rules.${id}`] = v as SeveritySetting;
      else bad(`rules.${id}`, `is ${JSON.stringify(v)}, not one of off, info, warning, error`);
    }
  });
  section(raw, 'screening', bad, (s) =>
    section(s, 'scoreBands', (k, why) => bad(`screening.${k}`, why), (bands) => {
      for (const [k, v] of Object.entries(bands)) {
        if (k !== 'error' && k !== 'warning' && k !== 'info') bad(`screening.scoreBands.${k}`, 'is not a band (use error, warning, info)');
        else if (typeof v === 'number' && v >= 0 && v <= 100) values[`screening.scoreBands.${k}`] = v / 100;
        else bad(`screening.scoreBands.${k}`, `is ${JSON.stringify(v)}, not a score from 0 to 100`);
      }
    }),
  );
  section(raw, 'lists', bad, (l) => {
    for (const [k, v] of Object.entries(l)) {
      if (k === 'bundled' || k === 'extraFiles') {
        if (isStringArray(v)) values[`lists.${k}`] = v;
        else bad(`lists.${k}`, 'must be a list of strings');
      } else if (k === 'maxAgeDays') {
        if (typeof v === 'number' && v >= 0 && v <= 3650) values['lists.maxAgeDays'] = v;
        else bad('lists.maxAgeDays', `is ${JSON.stringify(v)}, not a number of days from 0 to 3650`);
      } else bad(`lists.${k}`, 'is not a list setting (use bundled, extraFiles, maxAgeDays)');
    }
  });
  if (raw.contractFiles !== undefined) {
    if (isStringArray(raw.contractFiles)) values.contractFiles = raw.contractFiles;
    else bad('contractFiles', 'must be a list of glob patterns');
  }
  if (raw.detectContracts !== undefined) {
    if (typeof raw.detectContracts === 'boolean') values.detectContracts = raw.detectContracts;
    else bad('detectContracts', 'must be true or false');
  }
  stringIn(raw, 'clauseLibrary', 'folder', 'clauseLibrary.folder', values, bad);
  stringIn(raw, 'reviewer', 'name', 'reviewer.name', values, bad);
  section(raw, 'inlineComments', bad, (c) => {
    for (const [k, v] of Object.entries(c)) {
      if (k !== 'enabled' && k !== 'allowScreeningDisable') bad(`inlineComments.${k}`, 'is not a setting (use enabled, allowScreeningDisable)');
      else if (typeof v === 'boolean') values[`inlineComments.${k}`] = v;
      else bad(`inlineComments.${k}`, 'must be true or false');
    }
  });
  return { values, problems };
}

/**
 * Layers values (later layers win) into the configuration every host uses, and says where each value
 * came from. Inconsistent score bands fall back to the defaults, with a problem.
 */
export function resolveConfig(layers: readonly ConfigLayer[]): { config: EffectiveConfig; origins: ConfigOrigin[]; problems: string[] } {
  const all: ConfigLayer[] = [{ source: 'default', values: DEFAULT_VALUES }, ...layers];
  const winner = new Map<string, ConfigOrigin>();
  for (const layer of all) {
    for (const [key, value] of Object.entries(layer.values)) {
      if (value !== undefined) winner.set(key, { key, value, source: layer.source });
    }
  }
  const get = <T>(key: ConfigKey) => winner.get(key)!.value as T;
  const problems: string[] = [];
  const ruleSeverity: Record<string, SeveritySetting> = {};
  for (const [key, o] of winner) if (key.startsWith('rules.')) ruleSeverity[key.slice(6)] = o.value as SeveritySetting;
  let bands = { error: get<number>('screening.scoreBands.error'), warning: get<number>('screening.scoreBands.warning'), info: get<number>('screening.scoreBands.info') };
  if (!(bands.error >= bands.warning && bands.warning >= bands.info)) {
    problems.push(`Score bands must satisfy error ≥ warning ≥ info (got ${pct(bands.error)}, ${pct(bands.warning)}, ${pct(bands.info)}); using the defaults ${pct(DEFAULT_CONFIG.screeningBands.error)}, ${pct(DEFAULT_CONFIG.screeningBands.warning)}, ${pct(DEFAULT_CONFIG.screeningBands.info)}.`);
    bands = { ...DEFAULT_CONFIG.screeningBands };
    for (const k of ['error', 'warning', 'info'] as const) winner.set(`screening.scoreBands.${k}`, { key: `screening.scoreBands.${k}`, value: bands[k], source: 'default (the bands set were inconsistent)' });
  }
  const reviewer = winner.get('reviewer.name')?.value as string | undefined;
  const config: EffectiveConfig = {
    check: {
      ruleSeverity,
      screeningBands: bands,
      inlineDirectives: get<boolean>('inlineComments.enabled'),
      allowInlineScreeningDisable: get<boolean>('inlineComments.allowScreeningDisable'),
    },
    lists: { bundled: get<string[]>('lists.bundled'), extraFiles: get<string[]>('lists.extraFiles'), maxAgeDays: get<number>('lists.maxAgeDays') },
    contractFiles: get<string[]>('contractFiles'),
    detectContracts: get<boolean>('detectContracts'),
    clauseLibraryFolder: get<string>('clauseLibrary.folder'),
    ...(reviewer?.trim() ? { reviewer: reviewer.trim() } : {}),
  };
  const origins = [...winner.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { config, origins, problems };
}

/** A readable table of where each value came from. Scores are shown out of 100, as on every screen. */
export function describeOrigins(origins: readonly ConfigOrigin[]): string {
  const shown = (o: ConfigOrigin) => (o.key.startsWith('screening.scoreBands.') && typeof o.value === 'number' ? String(Math.round(o.value * 100)) : JSON.stringify(o.value));
  return origins.map((o) => `${o.key} = ${shown(o)}    (${o.source})`).join('\n');
}

const pct = (n: number) => String(Math.round(n * 100));

function section(obj: Record<string, unknown>, key: string, bad: (key: string, why: string) => void, fn: (value: Record<string, unknown>) => void): void {
  const v = obj[key];
  if (v === undefined) return;
  if (!isRecord(v)) return bad(key, 'must be an object');
  fn(v);
}

function stringIn(obj: Record<string, unknown>, key: string, inner: string, target: 'clauseLibrary.folder' | 'reviewer.name', values: ConfigValues, bad: (key: string, why: string) => void): void {
  section(obj, key, bad, (s) => {
    for (const [k, v] of Object.entries(s)) {
      if (k !== inner) bad(`${key}.${k}`, `is not a setting (use ${inner})`);
      else if (typeof v === 'string') values[target] = v;
      else bad(`${key}.${k}`, 'must be a string');
    }
  });
}

function isStringArray(v: unknown): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === 'string');
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
