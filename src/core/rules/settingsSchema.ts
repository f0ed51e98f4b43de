import { allRules } from './registry';
import type { Rule } from './rule';

/**
 * The editor settings "clauseguard.severity.<rule id>": one dropdown per rule in the Settings editor,
 * generated from the rule registry into package.json by scripts/gen-settings.mjs (a unit test fails
 * when package.json is out of step).
 */
export const SEVERITY_SETTING_PREFIX = 'clauseguard.severity.';
export const SEVERITY_CHOICES = ['default', 'off', 'info', 'warning', 'error'] as const;

const LABEL = { error: 'an error', warning: 'a warning', info: 'information' } as const;

export function severitySettingSchema(rule: Rule, order: number): Record<string, unknown> {
  const byScore = rule.id === 'sanctioned-party';
  return {
    type: 'string',
    enum: [...SEVERITY_CHOICES],
    enumItemLabels: [byScore ? 'Default (by score)' : `Default (${rule.defaultSeverity})`, 'Off', 'Information', 'Warning', 'Error'],
    enumDescriptions: [
      byScore ? 'Error, warning or information by the match score (see Score Bands).' : `The rule's own severity: ${LABEL[rule.defaultSeverity]}.`,
      'Not checked at all.',
      'Shown as information (blue), not counted as a problem.',
      'Shown as a warning (yellow).',
      'Shown as an error (red); `clauseguard check` exits with status 1.',
    ],
    default: 'default',
    scope: 'resource',
    order,
    markdownDescription: `**${rule.title}** (\`${rule.id}\`). ${rule.description}`,
  };
}

/** Every rule's setting, in registry order, keyed by setting name. */
export function severitySettings(rules: readonly Rule[] = allRules): Record<string, Record<string, unknown>> {
  return Object.fromEntries(rules.map((r, i) => [`${SEVERITY_SETTING_PREFIX}${r.id}`, severitySettingSchema(r, 10 + i)]));
}
