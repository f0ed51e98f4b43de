import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../../../src/core/rules/registry';
import { SEVERITY_SETTING_PREFIX, severitySettings } from '../../../src/core/rules/settingsSchema';
import { REPO } from '../helpers/sharedData';

describe('package.json settings', () => {
  const props = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).contributes.configuration.properties as Record<string, Record<string, unknown>>;

  it('has one severity dropdown per registered rule, in step with the registry (node scripts/gen-settings.mjs)', () => {
    const inPackage = Object.fromEntries(Object.entries(props).filter(([k]) => k.startsWith(SEVERITY_SETTING_PREFIX)));
    assert.deepEqual(inPackage, severitySettings());
    assert.equal(Object.keys(inPackage).length, allRules.length);
    for (const r of allRules) {
      const s = props[`${SEVERITY_SETTING_PREFIX}${r.id}`];
      assert.deepEqual(s.enum, ['default', 'off', 'info', 'warning', 'error']);
      assert.ok(String(s.markdownDescription).startsWith(`**${r.title}**`));
      assert.equal((s.enumItemLabels as string[]).length, 5);
    }
  });

  it('score bands are out of 100 and contract languages word-wrap by default', () => {
    const bands = props['clauseguard.screening.scoreBands'] as { default: Record<string, number>; properties: Record<string, { maximum: number }> };
    assert.deepEqual(bands.default, { error: 90, warning: 80, info: 70 });
    for (const k of ['error', 'warning', 'info']) assert.equal(bands.properties[k].maximum, 100);
    const defaults = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).contributes.configurationDefaults;
    assert.equal(defaults['[contract]']['editor.wordWrap'], 'on');
    assert.equal(defaults['[contract-markdown]']['editor.wordWrap'], 'on');
  });

  it('every enum setting has a plain-language description for each value', () => {
    for (const [k, s] of Object.entries(props)) {
      if (!Array.isArray(s.enum)) continue;
      assert.ok(Array.isArray(s.enumDescriptions) && s.enumDescriptions.length === s.enum.length, k);
    }
  });
});
