// UI tier for the contract chain: drives code-server's real workbench like a person — runs "ClauseGuard:
// Show Contract Chain" from the Command Palette on samples/chain, checks the graph (one node per party,
// the listed studio marked, tiers left to right), clicks a contract edge to open the subcontract, and
// takes light and dark screenshots (test-results/screenshots; with CLAUSEGUARD_DOCS_SCREENSHOTS=1 also
// docs/images/contract-chain-*.png). Prints "UI chain: N passed, M failed". usage: node test/ui/chain-ui.mjs
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { uiSteps, SHOTS } from './lib.mjs';
import { REPO, launchChromium, makeWorkspace, startCodeServer, workbenchUrl } from '../../scripts/lib/code-server.mjs';

const DOCS = join(REPO, 'docs', 'images');
const UPDATE_DOCS = process.env.CLAUSEGUARD_DOCS_SCREENSHOTS === '1';
const { check, lap, state, finish } = uiSteps('chain');

const workspace = makeWorkspace(join(REPO, 'samples', 'chain'));
const server = await startCodeServer({ settings: { 'workbench.colorTheme': 'Default Light Modern' } });
const browser = await launchChromium();

/** The webview frame that holds the chain graph (VS Code nests it two iframes deep). */
async function chainFrame(page, timeoutMs = 30000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const f of page.frames()) {
      const nodes = await f.evaluate(() => (document.querySelector('h1')?.textContent?.includes('contract chain') ? document.querySelectorAll('#graph .node').length : -1)).catch(() => -1);
      if (nodes > 0) return f;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the chain webview did not appear');
}

async function palette(page, label) {
  await page.locator('.part.sidebar').click({ position: { x: 100, y: 300 } }).catch(() => {});
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(label);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first();
    if (await row.waitFor({ timeout: 5000 }).then(() => true, () => false)) return row.click();
    await page.keyboard.press('Escape');
    if (attempt === 6) throw new Error(`"${label}" is not in the Command Palette`);
  }
}

try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  state.page = page;
  await page.goto(workbenchUrl(server.base, workspace, REPO));
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
  lap('workbench ready');
  let frame;

  await check('run "ClauseGuard: Show Contract Chain" from the Command Palette and see four parties in tiers', async () => {
    await palette(page, 'ClauseGuard: Show Contract Chain');
    frame = await chainFrame(page);
    const nodes = await frame.evaluate(() =>
      [...document.querySelectorAll('#graph .node')].map((n) => ({ name: n.querySelector('text')?.textContent, cls: n.getAttribute('class'), x: n.getBoundingClientRect().x })),
    );
    if (nodes.length !== 4) throw new Error(`nodes: ${JSON.stringify(nodes)}`);
    const xs = [...nodes].sort((a, b) => a.x - b.x).map((n) => n.name);
    if (!/^Northwind/.test(xs[0]) || !/^April 26/.test(xs[3])) throw new Error(`left to right: ${xs.join(' | ')}`);
    const listed = nodes.find((n) => /^April 26/.test(n.name));
    if (!listed.cls.includes('node-error')) throw new Error(`the listed studio is drawn as ${listed.cls}`);
    const problems = await frame.evaluate(() => document.querySelectorAll('#graph .edge-problem').length);
    if (problems !== 1) throw new Error(`${problems} contract edge(s) marked as a problem (expected the subcontract)`);
    return xs.join(' → ');
  });

  await check('the graph follows the light theme (screenshot)', async () => {
    await palette(page, 'Notifications: Clear All Notifications').catch(() => {});
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(SHOTS, 'contract-chain-light.png') });
    if (UPDATE_DOCS) await page.screenshot({ path: join(DOCS, 'contract-chain-light.png') });
  });

  await check('the graph follows the dark theme (screenshot)', async () => {
    const light = await frame.evaluate(() => getComputedStyle(document.querySelector('#graph .node rect')).fill);
    await palette(page, 'Preferences: Color Theme');
    await page.waitForTimeout(500);
    await page.keyboard.type('Dark Modern');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Dark Modern' }).first().click();
    const deadline = Date.now() + 15000;
    let dark = light;
    while (Date.now() < deadline && dark === light) {
      await new Promise((r) => setTimeout(r, 300));
      frame = await chainFrame(page);
      dark = await frame.evaluate(() => getComputedStyle(document.querySelector('#graph .node rect')).fill);
    }
    if (dark === light) throw new Error(`node fill stayed ${light}`);
    await palette(page, 'Notifications: Clear All Notifications').catch(() => {});
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(SHOTS, 'contract-chain-dark.png') });
    if (UPDATE_DOCS) await page.screenshot({ path: join(DOCS, 'contract-chain-dark.png') });
    return `node fill ${light} → ${dark}`;
  });

  await check('clicking the subcontract edge opens the subcontract beside the graph', async () => {
    frame = await chainFrame(page);
    await frame.locator('#graph .edge-problem text').first().click();
    await page.waitForSelector('.tab[data-resource-name="2-studio-subcontract.contract.md"]', { timeout: 15000 });
  });
} finally {
  await browser.close().catch(() => {});
  await server.stop();
  rmSync(workspace, { recursive: true, force: true });
}
console.log(`screenshots in ${SHOTS}${UPDATE_DOCS ? ` and ${DOCS}` : ''}`);
process.exit(finish('UI chain'));
