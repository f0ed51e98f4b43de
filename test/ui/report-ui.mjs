// UI tier for the compliance report: drives code-server's real workbench like a person — runs
// "ClauseGuard: Compliance Report" from the Command Palette on a workspace holding the samples and a
// contract full of hostile markup, checks that the webview runs none of it and shows it as text, clicks
// "Open in editor", and takes light and dark screenshots of the panel (test-results/screenshots; with
// CLAUSEGUARD_DOCS_SCREENSHOTS=1 also docs/images/report-panel-*.png).
// Prints "UI report: N passed, M failed". usage: node test/ui/report-ui.mjs
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uiSteps, SHOTS } from './lib.mjs';
import { REPO, launchChromium, makeWorkspace, startCodeServer, workbenchUrl } from '../../scripts/lib/code-server.mjs';

const DOCS = join(REPO, 'docs', 'images');
// The committed screenshots are refreshed only on request: CLAUSEGUARD_DOCS_SCREENSHOTS=1.
const UPDATE_DOCS = process.env.CLAUSEGUARD_DOCS_SCREENSHOTS === '1';
const { check, lap, state, finish } = uiSteps('report');

// Workspace: the samples plus the hostile contract (named *.contract.md so it always counts as a contract).
const seed = mkdtempSync(join(tmpdir(), 'clauseguard-report-seed-'));
for (const f of ['animation-production-agreement.md', 'it-outsourcing-agreement.txt', 'design-services-agreement.contract.md']) copyFileSync(join(REPO, 'samples', f), join(seed, f));
copyFileSync(join(REPO, 'test', 'unit', 'report', 'fixtures', 'hostile-contract.md'), join(seed, 'hostile.contract.md'));
const HOSTILE_TEXT = readFileSync(join(seed, 'hostile.contract.md'), 'utf8');
const workspace = makeWorkspace(seed);
rmSync(seed, { recursive: true, force: true });

const server = await startCodeServer({ settings: { 'workbench.colorTheme': 'Default Light Modern' } });
const browser = await launchChromium();

/** The webview frame that holds the report (VS Code nests it two iframes deep). */
async function reportFrame(page, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const f of page.frames()) {
      const h1 = await f.evaluate(() => document.querySelector('h1')?.textContent ?? '').catch(() => '');
      if (h1.includes('ClauseGuard compliance report')) return f;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the report webview did not appear');
}

/** Switches the colour theme as a person would: Command Palette → Preferences: Color Theme. */
async function setTheme(page, theme) {
  // Take the keyboard focus back from the webview first.
  await page.locator('.part.sidebar').click({ position: { x: 100, y: 300 } }).catch(() => {});
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type('Preferences: Color Theme');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Preferences: Color Theme' }).first();
  await row.waitFor({ timeout: 10000 });
  await row.click();
  await page.waitForTimeout(500);
  await page.keyboard.type(theme);
  const pick = page.locator('.quick-input-list .monaco-list-row', { hasText: theme }).first();
  await pick.waitFor({ timeout: 10000 });
  await pick.click();
}

/** Runs a command from the Command Palette by its exact label. */
async function runCommand(page, label) {
  await page.locator('.part.sidebar').click({ position: { x: 100, y: 300 } }).catch(() => {});
  await page.keyboard.press('F1');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(label);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
  await row.waitFor({ timeout: 10000 });
  await row.click();
}

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  state.page = page;
  await page.goto(workbenchUrl(server.base, workspace, REPO));
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
  lap('workbench ready');
  let frame;

  await check('run "ClauseGuard: Compliance Report" on the whole workspace from the Command Palette', async () => {
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
    // The palette lists commands as of when it opens: retry while the extension host is still starting.
    for (let attempt = 1; ; attempt++) {
      await page.keyboard.press('F1');
      await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
      await page.keyboard.type('ClauseGuard: Compliance Report');
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'ClauseGuard: Compliance Report' }).first();
      if (await row.waitFor({ timeout: 5000 }).then(() => true, () => false)) break;
      await page.keyboard.press('Escape');
      if (attempt === 6) throw new Error('the command is not in the Command Palette');
    }
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Whole workspace' }).first().waitFor({ timeout: 15000 });
    await page.keyboard.type('Whole workspace');
    await page.keyboard.press('Enter');
    frame = await reportFrame(page);
    const headline = await frame.evaluate(() => document.querySelector('.headline')?.textContent?.replace(/\s+/g, ' ').trim());
    if (!/4 contracts reviewed/.test(headline)) throw new Error(`headline: ${headline}`);
    return headline;
  });

  await check('the hostile contract runs no script in the webview and shows its markup as text', async () => {
    for (const f of page.frames()) {
      const pwned = await f.evaluate(() => window.__pwned).catch(() => undefined);
      if (pwned !== undefined) throw new Error(`window.__pwned set in frame ${f.url()}`);
    }
    const active = await frame.evaluate(() => [...document.querySelectorAll('img, svg, iframe, script:not([nonce]):not(#_vscodeApiScript)')].map((e) => e.outerHTML.slice(0, 80)));
    // (VS Code injects its own acquireVsCodeApi script, id _vscodeApiScript; ours carries the nonce.)
    if (active.length) throw new Error(`active elements in the report: ${active.join(' | ')}`);
    const text = await frame.evaluate(() => document.body.innerText);
    const shown = ['<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">', '<a href="javascript:window.__pwned=1">click</a>', '<svg onload="window.__pwned=1"></svg>'].filter(
      (p) => HOSTILE_TEXT.includes(p) && text.includes(p),
    );
    // The "General" heading (where the sanctions-clause finding anchors) carries the script and image payloads.
    if (!shown.includes('<script>window.__pwned=1</script>') || !shown.includes('<img src=x onerror="window.__pwned=1">')) throw new Error(`shown literally: ${shown.join(', ') || 'nothing'}`);
    return `shown as text: ${shown.join(', ')}`;
  });

  await check('filters hide a severity without any page script (CSS only) and the panel follows the light theme', async () => {
    const before = await frame.evaluate(() => [...document.querySelectorAll('.finding.sev-error')].filter((e) => e.offsetParent).length);
    await frame.click('label:has(#cg-show-error)');
    const after = await frame.evaluate(() => [...document.querySelectorAll('.finding.sev-error')].filter((e) => e.offsetParent).length);
    await frame.click('label:has(#cg-show-error)');
    if (!(before > 0 && after === 0)) throw new Error(`error findings visible before ${before}, after unticking ${after}`);
    await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SHOTS, 'report-panel-light.png') });
    if (UPDATE_DOCS) await page.screenshot({ path: join(DOCS, 'report-panel-light.png') });
    return `${before} error finding(s) hidden and shown again`;
  });

  await check('the panel follows the dark theme', async () => {
    const light = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await setTheme(page, 'Dark Modern');
    const deadline = Date.now() + 15000;
    let dark = light;
    while (Date.now() < deadline && dark === light) {
      await new Promise((r) => setTimeout(r, 300));
      frame = await reportFrame(page);
      dark = await frame.evaluate(() => getComputedStyle(document.body).backgroundColor);
    }
    if (dark === light) throw new Error(`background stayed ${light}`);
    await runCommand(page, 'Notifications: Clear All Notifications').catch(() => {});
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, 'report-panel-dark.png') });
    if (UPDATE_DOCS) await page.screenshot({ path: join(DOCS, 'report-panel-dark.png') });
    return `background ${light} → ${dark}`;
  });

  await check('"Open in editor" on a finding opens the contract beside the report', async () => {
    const button = frame.locator('button[data-open]').first();
    await button.scrollIntoViewIfNeeded();
    const title = await button.getAttribute('title');
    await button.click();
    const file = /Open (.+) at this place/.exec(title ?? '')?.[1] ?? '';
    const name = file.split('/').pop();
    await page.waitForSelector(`.tab[data-resource-name="${name}"]`, { timeout: 15000 });
    return name;
  });
} finally {
  await browser.close().catch(() => {});
  await server.stop();
  rmSync(workspace, { recursive: true, force: true });
}
console.log(`screenshots in ${SHOTS}${UPDATE_DOCS ? ` and ${DOCS}` : ''}`);
process.exit(finish('UI report'));
