import type { Severity, SeveritySetting } from '../types';

/** Settings that change results. The adapter and CLI build this from VS Code settings / flags. */
export interface CheckConfig {
  /** Per-rule severity override by rule id or tag; 'off' disables. */
  ruleSeverity: Record<string, SeveritySetting>;
  /** Score bands (0..1) for sanctioned-party: at or above `error` → error, etc.; below `info` → not reported. */
  screeningBands: { error: number; warning: number; info: number };
  /** Whether `clauseguard-disable…` comments in the contract are honoured at all (CLI --no-inline-config: false). */
  inlineDirectives: boolean;
  /**
   * Whether inline comments may switch off the sanctions screening rules. Contract text comes from the
   * other side of the deal, so only the firm's committed configuration can allow it (default: no).
   */
  allowInlineScreeningDisable: boolean;
}

export const DEFAULT_CONFIG: Readonly<CheckConfig> = Object.freeze({
  ruleSeverity: {},
  screeningBands: { error: 0.9, warning: 0.8, info: 0.7 },
  inlineDirectives: true,
  allowInlineScreeningDisable: false,
});

const SEVERITIES = new Set(['off', 'info', 'warning', 'error']);

export interface ConfigProblem {
  setting: string;
  message: string;
}

/**
 * Reads untrusted settings (user JSON, CLI flags) into a CheckConfig. Invalid values fall back to
 * defaults and are reported, never thrown.
 */
export function normalizeConfig(raw: unknown): { config: CheckConfig; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const config: CheckConfig = {
    ruleSeverity: {},
    screeningBands: { ...DEFAULT_CONFIG.screeningBands },
    inlineDirectives: DEFAULT_CONFIG.inlineDirectives,
    allowInlineScreeningDisable: DEFAULT_CONFIG.allowInlineScreeningDisable,
  };
  const obj = isRecord(raw) ? raw : {};
  if (raw !== undefined && !isRecord(raw)) problems.push({ setting: 'clauseguard', message: 'Settings must be an object; using defaults.' });

  const sev = obj.ruleSeverity ?? obj.rules;
  if (sev !== undefined) {
    if (!isRecord(sev)) {
      problems.push({ setting: 'clauseguard.rules', message: 'Expected an object such as {"sanctioned-party": "error"}; using default severities.' });
    } else {
      for (const [rule, value] of Object.entries(sev)) {
        if (typeof value === 'string' && SEVERITIES.has(value)) config.ruleSeverity[rule] = value as SeveritySetting;
        else problems.push({ setting: `clauseguard.rules.${rule}`, message: `"${String(value)}" is not one of off, info, warning, error; using the rule's default.` });
      }
    }
  }

  const bands = obj.screeningBands;
  if (bands !== undefined) {
    const b = isRecord(bands) ? bands : {};
    const next = { ...config.screeningBands };
    for (const k of ['error', 'warning', 'info'] as const) {
      const v = b[k];
      if (v === undefined) continue;
      if (typeof v === 'number' && v >= 0 && v <= 1) next[k] = v;
      else problems.push({ setting: `clauseguard.screening.scoreBands.${k}`, message: `${JSON.stringify(v)} is not a score between 0 and 1; using ${next[k]}.` });
    }
    if (next.error >= next.warning && next.warning >= next.info) config.screeningBands = next;
    else problems.push({ setting: 'clauseguard.screening.scoreBands', message: 'Bands must satisfy error ≥ warning ≥ info; using the defaults.' });
  }
  for (const key of ['inlineDirectives', 'allowInlineScreeningDisable'] as const) {
    const v = obj[key];
    if (v === undefined) continue;
    if (typeof v === 'boolean') config[key] = v;
    else problems.push({ setting: key, message: `${JSON.stringify(v)} is not true or false; using ${config[key]}.` });
  }
  return { config, problems };
}

export function resolveSeverity(
  ruleId: string,
  tags: readonly string[],
  defaultSeverity: Severity,
  config: CheckConfig,
): SeveritySetting {
  const byId = config.ruleSeverity[ruleId];
  if (byId) return byId;
  for (const t of tags) {
    const byTag = config.ruleSeverity[t];
    if (byTag) return byTag;
  }
  return defaultSeverity;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
