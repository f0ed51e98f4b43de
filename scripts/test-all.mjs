// `npm test`: build, type-check, lint, then every tier — unit, grammar, integration (real VS Code),
// UI (the workbench driven like a person). Ends with one line "N passed, M failed" summing all tiers.
// Options: --skip-vscode (unit tiers only, for quick local runs).
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

const skipVscode = process.argv.includes('--skip-vscode');
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
let passed = 0;
let failed = 0;
const summary = [];

/** Runs a command, echoing its output; returns {code, out}. */
function run(cmd, args, env = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const echo = (d) => {
      out += d;
      process.stdout.write(d);
    };
    child.stdout.on('data', echo);
    child.stderr.on('data', echo);
    child.on('close', (code) => resolve({ code: code ?? 1, out }));
  });
}

async function phase(name, fn) {
  const t0 = Date.now();
  console.log(`\n=== ${name} ===`);
  const r = await fn();
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  passed += r.passed;
  failed += r.failed;
  summary.push(`${name}: ${r.passed} passed, ${r.failed} failed (${secs} s)`);
}

/** A step that is one check: pass or fail. */
const step = (cmd, args) => async () => ((await run(cmd, args)).code === 0 ? { passed: 1, failed: 0 } : { passed: 0, failed: 1 });

/** Mocha-style output: "N passing", "M failing"; a non-zero exit with no failures counted is one failure. */
function mochaCounts({ code, out }) {
  const p = [...out.matchAll(/^\s*(\d+) passing/gm)].reduce((s, m) => s + +m[1], 0);
  const f = [...out.matchAll(/^\s*(\d+) failing/gm)].reduce((s, m) => s + +m[1], 0);
  return { passed: p, failed: f || (code !== 0 ? 1 : 0) };
}

await phase('build (esbuild)', step('node', ['esbuild.mjs']));
await phase('type-check + compile (tsc)', step('npx', ['tsc', '-p', 'tsconfig.json']));
await phase('lint (eslint)', step('npx', ['eslint', 'src', 'test', 'bench']));
await phase('unit tests (mocha)', async () => mochaCounts(await run('node', ['scripts/test-unit.mjs', '--no-compile'])));
if (pkg.scripts['test:grammar']) {
  await phase('grammar tests (vscode-tmgrammar-test)', async () => {
    const r = await run('npm', ['run', '--silent', 'test:grammar']);
    const ok = (r.out.match(/✓|✔/g) ?? []).length;
    const bad = (r.out.match(/✖|✗|\bfailed\b/gi) ?? []).length;
    return { passed: r.code === 0 ? Math.max(ok, 1) : ok, failed: r.code === 0 ? 0 : Math.max(bad, 1) };
  });
}
if (!skipVscode) {
  await phase('integration tests (real VS Code 1.100.3 in code-server)', async () => {
    const r = await run('node', ['scripts/run-vscode-tests.mjs']);
    const m = /^(\d+) passed, (\d+) failed$/m.exec(r.out);
    const counts = m ? { passed: +m[1], failed: +m[2] } : { passed: 0, failed: 0 };
    if (r.code !== 0 && counts.failed === 0) counts.failed = 1;
    return counts;
  });
  const uiTests = [
    ['UI test (workbench driven like a person)', 'test/ui/ui-check.mjs'],
    ['UI test: reviewer workflow (status, decision hover, review progress)', 'test/ui/workflow-ui.mjs'],
    ['UI test: compliance report panel (hostile contract, themes)', 'test/ui/report-ui.mjs'],
    ['UI test: contract chain panel (graph, themes, open on click)', 'test/ui/chain-ui.mjs'],
    ['UI test: the reviewer’s actions (every rule, decisions, search, settings, wrapping, exports)', 'test/ui/reviewer-ui.mjs'],
  ];
  for (const [name, file] of uiTests) {
    if (!existsSync(file)) continue;
    await phase(name, async () => {
      const r = await run('node', [file]);
      const m = /^UI(?: \w+)?: (\d+) passed, (\d+) failed$/m.exec(r.out);
      const counts = m ? { passed: +m[1], failed: +m[2] } : { passed: 0, failed: 0 };
      if (r.code !== 0 && counts.failed === 0) counts.failed = 1;
      return counts;
    });
  }
}
console.log('\n=== summary ===');
for (const s of summary) console.log(s);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
