// UI tier, the reviewer's workflow: drives the real workbench like a person and saves screenshots of
// the language status items (lists with dates, findings), the "Review Workspace" progress notification
// and a sanctions hover showing the reviewer's decision. Prints "UI: N passed, M failed".
import { mkdirSync, readdirSync, rmSync, writeFileSync, copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { uiSteps, SHOTS } from './lib.mjs';
import { REPO, launchChromium, makeWorkspace, quickOpen, startCodeServer, workbenchUrl } from '../../scripts/lib/code-server.mjs';

const DOCS = process.env.CLAUSEGUARD_DOCS_SCREENSHOTS ? join(REPO, 'docs', 'images') : undefined;
const { check, lap, state, finish } = uiSteps('workflow');
async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, name) });
  if (DOCS) await page.screenshot({ path: join(DOCS, name) });
}

const workspace = makeWorkspace();
const FILE = 'partner-subcontract.md';
writeFileSync(
  join(workspace, FILE),
  `# Subcontracting Agreement

This Subcontracting Agreement is made between **Northwind Animation Ltd.** ("Contractor") and **Mansudae Art Studio** ("Subcontractor").

## 1. Services

1.1 The Subcontractor shall paint the backgrounds for the Series.
`,
);
// Enough contracts that the review's progress notification stays up long enough to be seen.
const cuad = join(REPO, '..', 'shared', 'data', 'contracts', 'cuad');
if (existsSync(cuad)) {
  mkdirSync(join(workspace, 'contracts'), { recursive: true });
  for (const f of readdirSync(cuad).filter((f) => f.endsWith('.txt')).slice(0, 40)) copyFileSync(join(cuad, f), join(workspace, 'contracts', f));
}

// The reviewer's name is already set here (reviewer-ui.mjs shows it being asked for the first time).
const server = await startCodeServer({ settings: { 'clauseguard.reviewer.name': 'Dana Whitfield <dana@example.com>' } });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  state.page = page;
  await page.goto(workbenchUrl(server.base, workspace, REPO));
  await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60000 });
  lap('workbench ready');

  const runCommand = async (label) => {
    await page.keyboard.press('F1');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type(label);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
  };

  await check('open a contract naming a listed studio and see its sanctions squiggle', async () => {
    await quickOpen(page, FILE);
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 60000 });
  });

  await check('the language status shows the loaded lists with their dates and the file’s counts', async () => {
    const item = page.locator('.statusbar-item', { hasText: /\{\s*\}|Markdown/ }).first();
    // The {} language-status entry sits next to the language name.
    const brackets = page.locator('.statusbar-item .codicon-bracket, .statusbar-item.language-status, #status\\.languageStatus');
    await (await brackets.count() ? brackets.first() : item).click();
    const hover = page.locator('.monaco-hover, .context-view', { hasText: /Lists:/ });
    await hover.first().waitFor({ state: 'visible', timeout: 15000 });
    const text = (await hover.first().innerText()).replace(/\s+/g, ' ');
    await shot(page, 'status-lists.png');
    await page.keyboard.press('Escape');
    if (!/\d{4}-\d{2}-\d{2}/.test(text)) throw new Error(`no list date in: ${text.slice(0, 200)}`);
    return text.slice(0, 160);
  });

  // Where the listed name is drawn in the editor (the middle of its third letter).
  const namePoint = async () => {
    const span = page.locator('.monaco-editor .view-line span', { hasText: 'Mansudae' }).last();
    return span.evaluate((el) => {
      const node = [...el.childNodes].find((n) => n.textContent.includes('Mansudae')) ?? el.firstChild;
      const i = node.textContent.indexOf('Mansudae');
      const r = document.createRange();
      r.setStart(node, i + 2);
      r.setEnd(node, i + 3);
      const b = r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    });
  };

  await check('mark the name as a confirmed match, with a reason, and see the decision in the hover', async () => {
    await runCommand('Notifications: Clear All Notifications').catch(() => {});
    const p = await namePoint();
    await page.mouse.click(p.x, p.y);
    await page.keyboard.press('Control+.');
    const row = page.locator('.action-widget .monaco-list-row', { hasText: /confirmed match/ });
    await row.first().waitFor({ timeout: 15000 });
    // Arrow down until the focused row is the one, then Enter, as a person at the keyboard would.
    const focusedText = async () => (await page.locator('.action-widget .monaco-list-row.focused').allInnerTexts()).join(' ');
    for (let i = 0; i < 12 && !/confirmed match/.test(await focusedText()); i++) await page.keyboard.press('ArrowDown');
    if (!/confirmed match/.test(await focusedText())) throw new Error(`could not focus the action; rows: ${(await page.locator('.action-widget .monaco-list-row').allInnerTexts()).join(' | ')}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
    await page.keyboard.type('Same studio as OFAC SDN 20578: name and Pyongyang address confirmed with compliance.');
    await page.keyboard.press('Enter');
    const hover = page.locator('.monaco-hover', { hasText: /Reviewer decision/ });
    for (let i = 0; i < 20 && !(await hover.first().isVisible().catch(() => false)); i++) {
      const q = await namePoint();
      await page.mouse.move(q.x, q.y + 60);
      await page.mouse.move(q.x, q.y);
      await hover.first().waitFor({ state: 'visible', timeout: 1500 }).catch(() => {});
    }
    await hover.first().waitFor({ state: 'visible', timeout: 5000 });
    await shot(page, 'hover-decision.png');
    return (await hover.first().innerText()).replace(/\s+/g, ' ').slice(0, 200);
  });

  await check('Review Workspace shows a progress notification and fills the Problems panel', async () => {
    await page.mouse.move(10, 10);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await runCommand('ClauseGuard: Review Workspace');
    const note = page.locator('.notification-toast, .notifications-toasts .monaco-list-row', { hasText: /Reviewing contracts/ });
    await note.first().waitFor({ state: 'visible', timeout: 30000 });
    await shot(page, 'review-progress.png');
    const text = (await note.first().innerText()).replace(/\s+/g, ' ');
    await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ timeout: 60000 });
    return text.slice(0, 120);
  });
} finally {
  await browser.close().catch(() => {});
  await server.stop();
  rmSync(workspace, { recursive: true, force: true });
}
process.exit(finish('UI'));
