import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO } from '../helpers/sharedData';

// Rules never import other rules: what two rules share lives in a support module (src/core/rules/support/,
// or an analysis file beside them that defines no rule).
const RULES_DIR = join(REPO, 'src/core/rules');

function files(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) files(p, out);
    else if (n.endsWith('.ts')) out.push(p);
  }
  return out;
}

const definesRule = (text: string) => /export\s+const\s+\w+\s*:\s*Rule\s*=/.test(text);

describe('rule modules', () => {
  it('no rule imports another rule (support modules do the sharing)', () => {
    const all = files(RULES_DIR);
    const ruleFiles = new Set(all.filter((f) => definesRule(readFileSync(f, 'utf8'))));
    assert.ok(ruleFiles.size >= 6, `${ruleFiles.size} rule files`);
    const bad: string[] = [];
    for (const f of ruleFiles) {
      for (const m of readFileSync(f, 'utf8').matchAll(/from\s+'(\.[^']+)'/g)) {
        const target = resolve(dirname(f), m[1]) + '.ts';
        if (ruleFiles.has(target) && target !== f) bad.push(`${relative(REPO, f)} imports ${relative(REPO, target)}`);
      }
    }
    assert.deepEqual(bad, []);
  });

  it('the subcontracting and sanctions-clause rules share code only through support/', () => {
    const bad: string[] = [];
    for (const [from, to] of [['subcontracting', 'sanctionsClause'], ['sanctionsClause', 'subcontracting']]) {
      for (const f of files(join(RULES_DIR, from))) {
        if (new RegExp(`from\\s+'\\.\\./${to}/`).test(readFileSync(f, 'utf8'))) bad.push(relative(REPO, f));
      }
    }
    assert.deepEqual(bad, []);
  });
});
