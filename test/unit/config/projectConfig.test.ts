import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { allRules, parseProjectConfig, resolveConfig } from '../../../src/core/index';
import { ProjectFinder } from '../../../src/node/project';

const REPO = join(__dirname, '..', '..', '..', '..');
const schema = JSON.parse(readFileSync(join(REPO, 'schemas', 'clauseguard-config.schema.json'), 'utf8'));

describe('.clauseguard/config.json', () => {
  it('is read into layered values; flags and settings over it win; each value says where it came from', () => {
    const file = parseProjectConfig(JSON.stringify({ rules: { 'sanctions-clause-missing': 'error', subcontracting: 'info' }, screening: { scoreBands: { warning: 75, info: 60 } }, reviewer: { name: 'Dana' } }), 'cfg.json');
    assert.deepEqual(file.problems, []);
    const r = resolveConfig([{ source: 'cfg.json', values: file.values }, { source: 'User settings', values: { 'rules.sanctions-clause-missing': 'warning' } }]);
    assert.equal(r.config.check.ruleSeverity['sanctions-clause-missing'], 'warning');
    assert.equal(r.config.check.ruleSeverity.subcontracting, 'info');
    assert.deepEqual(r.config.check.screeningBands, { error: 0.9, warning: 0.75, info: 0.6 });
    assert.equal(r.config.reviewer, 'Dana');
    const origin = (k: string) => r.origins.find((o) => o.key === k)?.source;
    assert.equal(origin('rules.sanctions-clause-missing'), 'User settings');
    assert.equal(origin('screening.scoreBands.warning'), 'cfg.json');
    assert.equal(origin('screening.scoreBands.error'), 'default');
  });

  it('bad values are problems naming the file and the setting, never thrown; inconsistent bands fall back', () => {
    const p = parseProjectConfig('{"rules": {"x": "loud"}, "screening": {"scoreBands": {"error": 0.9, "warning": 150}}, "colour": 1}', 'c.json');
    assert.equal(p.problems.length, 3);
    assert.match(p.problems.join('\n'), /c\.json: "rules\.x" is "loud", not one of off, info, warning, error/);
    assert.match(p.problems.join('\n'), /"colour" is not a ClauseGuard setting/);
    assert.match(parseProjectConfig('{nope', 'c.json').problems[0], /c\.json: is not valid JSON/);
    const bands = resolveConfig([{ source: 'c.json', values: { 'screening.scoreBands.info': 0.95 } }]);
    assert.deepEqual(bands.config.check.screeningBands, { error: 0.9, warning: 0.8, info: 0.7 });
    assert.match(bands.problems[0], /error ≥ warning ≥ info/);
  });

  it('the JSON schema VS Code validates with accepts what the reader accepts and lists every rule', () => {
    const validate = new Ajv({ strict: false }).compile(schema);
    const good = { rules: { 'sanctioned-party': 'error', subcontracting: 'warning' }, screening: { scoreBands: { error: 95 } }, lists: { bundled: ['un'], extraFiles: ['w.csv'], maxAgeDays: 30 }, inlineComments: { allowScreeningDisable: false } };
    assert.ok(validate(good), JSON.stringify(validate.errors));
    assert.deepEqual(parseProjectConfig(JSON.stringify(good)).problems, []);
    for (const bad of [{ rules: { x: 'loud' } }, { screening: { scoreBands: { error: 150 } } }, { colour: 1 }]) {
      assert.equal(validate(bad), false, JSON.stringify(bad));
      assert.ok(parseProjectConfig(JSON.stringify(bad)).problems.length > 0);
    }
    assert.deepEqual(Object.keys(schema.properties.rules.properties).sort(), allRules.map((r) => r.id).sort(), 'schema rules = the registry');
  });

  it('the CLI finds the project from each file’s folder upwards (nearest .clauseguard/ wins)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-project-'));
    try {
      mkdirSync(join(dir, '.clauseguard'));
      writeFileSync(join(dir, '.clauseguard', 'config.json'), '{"rules": {"sanctioned-party": "error"}}');
      mkdirSync(join(dir, 'deals', 'acme', '.clauseguard'), { recursive: true });
      writeFileSync(join(dir, 'deals', 'acme', '.clauseguard', 'config.json'), '{"rules": {"sanctioned-party": "warning"}}');
      const finder = new ProjectFinder();
      assert.equal(finder.forFile(join(dir, 'deals', 'other', 'a.md')).root, dir);
      assert.equal(finder.forFile(join(dir, 'deals', 'acme', 'b.md')).root, join(dir, 'deals', 'acme'));
      assert.equal(finder.forFile(join(dir, 'deals', 'acme', 'b.md')).layer.values['rules.sanctioned-party'], 'warning');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
