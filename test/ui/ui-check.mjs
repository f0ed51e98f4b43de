// UI tier: drives code-server's real workbench like a person — opens a sample contract, waits for the
// squiggle, reads the Problems panel row, opens the hover and the quick-fix menu — and saves screenshots
// under test-results/screenshots/ (git-ignored). Prints "UI: N passed, M failed".
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { uiSteps, SHOTS } from './lib.mjs';
import { REPO, launchChromium, makeWorkspace, quickOpen, startCodeServer, workbenchUrl } from '../../scripts/lib/code-server.mjs';

const { check, lap, state, finish } = uiSteps('ui');

const workspace = makeWorkspace();
const server = await startCodeServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => process.env.VERBOSE && console.log('[pageerror]', e.message));
  await page.goto(workbenchUrl(server.base, workspace, REPO));
  await page.waitForSelector('.monaco-workbench', { timeout: 60000 });
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
  lap('workbench ready');
  const file = 'animation-production-agreement.md';

  await check('open a sample contract with Quick Open', async () => {
    await quickOpen(page, file);
    await page.waitForSelector(`.tab[data-resource-name="${file}"]`, { timeout: 15000 });
    await page.waitForSelector('.monaco-editor .view-line', { timeout: 15000 });
  });

  await check('see the finding in the Problems panel', async () => {
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'subcontracting-consent-missing' });
    await row.first().waitFor({ timeout: 15000 });
    const text = (await row.first().innerText()).replace(/\s+/g, ' ').slice(0, 140);
    // Like a person: click the row to jump to the finding in the editor.
    await row.first().click();
    return text;
  });

  await check('see the error squiggle', async () => {
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 30000 });
    const n = await page.locator('.monaco-editor .squiggly-error').count();
    await page.screenshot({ path: join(SHOTS, 'diagnostic.png') });
    return `${n} squiggle(s)`;
  });

  // Find the squiggle for the subcontracting finding and hover over it.
  let squiggleBox;
  await check('open the hover on the finding', async () => {
    const squiggles = page.locator('.monaco-editor .squiggly-error');
    squiggleBox = await squiggles.first().boundingBox();
    if (!squiggleBox) throw new Error('no squiggle box');
    await page.mouse.move(squiggleBox.x + Math.min(20, squiggleBox.width / 2), squiggleBox.y + squiggleBox.height / 2);
    const hover = page.locator('.monaco-hover', { hasText: /consent|sanction/i });
    await hover.first().waitFor({ state: 'visible', timeout: 15000 });
    // wait for the fade-in to finish so the screenshot shows what a person sees
    await page.waitForFunction(() => [...document.querySelectorAll('.monaco-hover')].some((h) => getComputedStyle(h).opacity === '1' && h.offsetParent), null, { timeout: 5000 }).catch(() => {});
    await page.screenshot({ path: join(SHOTS, 'hover.png') });
    return (await hover.first().innerText()).replace(/\s+/g, ' ').slice(0, 160);
  });

  await check('open the quick-fix menu (Ctrl+.) with ClauseGuard actions', async () => {
    await page.mouse.click(squiggleBox.x + Math.min(20, squiggleBox.width / 2), squiggleBox.y + squiggleBox.height / 2);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+.');
    const rows = page.locator('.action-widget .monaco-list-row');
    await rows.first().waitFor({ timeout: 15000 });
    const texts = await rows.allInnerTexts();
    await page.screenshot({ path: join(SHOTS, 'quick-fix-menu.png') });
    await page.keyboard.press('Escape');
    if (!texts.some((t) => /insert|clause|disable|documentation/i.test(t))) throw new Error(`menu shows: ${texts.join(' | ')}`);
    return texts.map((t) => t.replace(/\s+/g, ' ')).join(' | ').slice(0, 200);
  });
} finally {
  await browser.close().catch(() => {});
  await server.stop();
  rmSync(workspace, { recursive: true, force: true });
}
process.exit(finish('UI'));
