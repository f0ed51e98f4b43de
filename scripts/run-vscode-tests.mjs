// Integration tier: runs the mocha suite in out/test/integration inside code-server's real VS Code
// extension host, opened in Debian's Chromium via playwright-core. Exit code: 0 only if tests ran and
// all passed. Prints "N passed, M failed" last.
// usage: node scripts/run-vscode-tests.mjs [--grep PATTERN]
import { format } from 'node:util';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, launchChromium, makeWorkspace, startCodeServer, workbenchUrl } from './lib/code-server.mjs';

const grep = process.argv.includes('--grep') ? process.argv[process.argv.indexOf('--grep') + 1] : undefined;
const timeoutMs = Number(process.env.TEST_TIMEOUT_MS || 900000);
const t0 = Date.now();
// The extension host inherits code-server's environment: pass the grep through it.
if (grep) process.env.CLAUSEGUARD_TEST_GREP = grep;
const workspace = makeWorkspace();
// The reviewer's name is set as a reviewer would after the first decision (one test clears it to see the
// prompt); missing-clause findings wait 1 s after typing instead of 5, to keep edit-and-check tests quick.
const server = await startCodeServer({ settings: { 'clauseguard.reviewer.name': 'Integration Test Reviewer', 'clauseguard.missingClausesWait': 1 } });
let passed = 0;
let failed = 0;
let code = 1;
let browser;
try {
  browser = await launchChromium();
  const page = await browser.newPage();
  let done;
  const exited = new Promise((r) => (done = r));
  // VS Code's IAutomatedWindow hooks: the test run reports through these two page functions.
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const line = format(...args);
    // Workbench noise on an offline machine (marketplace look-ups) is hidden unless VERBOSE=1.
    if (!process.env.VERBOSE && /open-vsx\.org|workbench\.js:\d+|^(Resolving|Resolved|Creating a socket|Updating additional|\[Service Worker\]|ChatSessionStore)/.test(line)) return;
    let m;
    if ((m = /^\s*(\d+) passing/.exec(line))) passed = +m[1];
    if ((m = /^\s*(\d+) failing/.exec(line))) failed = +m[1];
    console.log(line);
  });
  await page.exposeFunction('codeAutomationExit', (c) => done(c));
  if (process.env.VERBOSE) page.on('console', (m) => console.log('[page]', m.text()));
  page.on('pageerror', (e) => console.log('[pageerror]', e.message));
  const testsPath = join(REPO, 'out', 'test', 'integration', 'index');
  const url = workbenchUrl(server.base, workspace, REPO, testsPath);
  await page.goto(url);
  const timer = setTimeout(() => {
    console.log(`TIMEOUT: the test run did not finish within ${timeoutMs / 1000} s`);
    done(124);
  }, timeoutMs);
  code = await exited;
  clearTimeout(timer);
} finally {
  await browser?.close().catch(() => {});
  await server.stop();
  rmSync(workspace, { recursive: true, force: true });
}
console.log(`integration: extension host exit code ${code} after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(code === 0 && failed === 0 && passed > 0 ? 0 : code || 1);
