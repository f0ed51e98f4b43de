// Unit tier: compiles with tsc (which also type-checks) and runs mocha over out/test/unit/**/*.test.js.
// Usage: node scripts/test-unit.mjs [--no-compile] [mocha args...]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const noCompile = args.includes('--no-compile');
const extra = args.filter((a) => a !== '--no-compile');
if (!noCompile) {
  const tsc = spawnSync('npx', ['tsc', '-p', 'tsconfig.json'], { stdio: 'inherit' });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
}
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (name.endsWith('.test.js')) files.push(p);
  }
})('out/test/unit');
files.sort();
const shared = process.env.CLAUSEGUARD_SHARED_DATA ?? join('..', 'shared', 'data');
if (!existsSync(shared)) console.log(`${shared} not found: the tests that need the shared real data (lists, name sets, contracts) are skipped; CI, with ../shared beside the clone, runs them.`);
const r = spawnSync('npx', ['mocha', '--reporter', process.env.MOCHA_REPORTER ?? 'spec', '--timeout', '20000', ...extra, ...files], { stdio: 'inherit' });
process.exit(r.status ?? 1);
