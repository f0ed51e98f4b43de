// UI tier, issue 15: the reviewer's experience driven like a person in the real workbench, with a
// screenshot of each step in test-results/screenshots/ (and in docs/images/ with
// CLAUSEGUARD_DOCS_SCREENSHOTS=1): the actions on each rule's finding, a decision shown as a hint and
// revoked, the ClauseGuard Decisions view, Search Sanctions Lists picking an entry, the severity
// dropdowns in Settings, a fixed clause wrapped to the file's lines, an exported report not checked.
// Prints "UI reviewer: N passed, M failed".
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { uiSteps, SHOTS } from './lib.mjs';
import { REPO, launchChromium, makeWorkspace, quickOpen, startCodeServer, workbenchUrl } from '../../scripts/lib/code-server.mjs';

const DOCS = process.env.CLAUSEGUARD_DOCS_SCREENSHOTS ? join(REPO, 'docs', 'images') : undefined;
const { check, lap, state, finish } = uiSteps('reviewer');
async function shot(page, name) {
  await page.waitForTimeout(300); // let fade-in animations end so the picture shows what a person sees
  await page.screenshot({ path: join(SHOTS, name) });
  if (DOCS) await page.screenshot({ path: join(DOCS, name) });
}

const workspace = makeWorkspace();
const FILE = 'contracts/studio-services.contract.md';
mkdirSync(join(workspace, 'contracts'), { recursive: true });
writeFileSync(
  join(workspace, FILE),
  `# Studio Services Agreement

This Agreement is made between Brightwater Pictures LLC ("Producer") and Golden Lantern Animation Co., Ltd. ("Studio").

## 1. Services

1.1 The Studio shall produce the key animation described in Schedule A at its facility in Pyongyang, North Korea.

1.2 The Studio shall not subcontract any of the Services without the consent of the Producer.

## 2. Partners

2.1 The Studio works with Mansudae Art Studio on backgrounds.
`,
);
writeFileSync(join(workspace, 'contracts', 'wrapped.txt'), readFileSync(join(REPO, 'samples', 'it-outsourcing-agreement.txt')));
// A real export, written by the CLI into the contracts folder (which is checked by default).
execFileSync(process.execPath, [join(REPO, 'bin', 'clauseguard.js'), 'report', join(workspace, 'animation-production-agreement.md'), '--output', join(workspace, 'contracts', 'review.md')], { stdio: 'ignore' });

const server = await startCodeServer({ settings: { 'workbench.editor.enablePreview': false } });
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
  const quiet = async () => {
    await page.mouse.move(5, 450);
    for (let i = 0; i < 3; i++) await page.keyboard.press('Escape');
    await runCommand('Notifications: Clear All Notifications').catch(() => {});
  };
  /** Where `text` is drawn in the editor (the middle of its third character). */
  const textPoint = async (text) => {
    const find = (t) => {
      const editor = [...document.querySelectorAll('.editor-group-container.active .monaco-editor .view-lines')][0] ?? document.querySelector('.monaco-editor .view-lines');
      if (!editor) return undefined;
      // The text may span several tokens (spans): find the line, then the text node at the offset.
      const lines = [...editor.querySelectorAll('.view-line')].sort((a, b) => a.getBoundingClientRect().y - b.getBoundingClientRect().y);
      for (const line of lines) {
        const i = line.textContent.replace(/\u00a0/g, ' ').indexOf(t);
        if (i < 0) continue;
        const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
        let node;
        let at = i + 2;
        while ((node = walker.nextNode()) && at >= node.textContent.length) at -= node.textContent.length;
        if (!node) continue;
        const r = document.createRange();
        r.setStart(node, at);
        r.setEnd(node, at + 1);
        const b = r.getBoundingClientRect();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      }
      return undefined;
    };
    const handle = await page.waitForFunction(find, text, { timeout: 15000 });
    return handle.jsonValue();
  };
  const menuRows = () => page.locator('.action-widget .monaco-list-row');
  /** Ctrl+. on `text`; returns the menu's rows. */
  const openActions = async (text) => {
    for (let attempt = 0; ; attempt++) {
      const p = await textPoint(text);
      await page.mouse.click(p.x, p.y);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+.');
      const shown = await menuRows().first().waitFor({ timeout: 5000 }).then(() => true, () => false);
      if (shown) break;
      if (attempt === 2) throw new Error(`no quick-fix menu on “${text}”`);
    }
    return (await menuRows().allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim());
  };
  /** Arrow down to the action like a person at the keyboard, then Enter. */
  const pickAction = async (re) => {
    const focused = async () => (await page.locator('.action-widget .monaco-list-row.focused').allInnerTexts()).join(' ');
    for (let i = 0; i < 25 && !re.test(await focused()); i++) await page.keyboard.press('ArrowDown');
    if (!re.test(await focused())) throw new Error(`no action ${re}; rows: ${(await menuRows().allInnerTexts()).join(' | ')}`);
    await page.keyboard.press('Enter');
  };
  const hoverOn = async (text, re) => {
    const hover = page.locator('.monaco-hover', { hasText: re });
    for (let i = 0; i < 20 && !(await hover.first().isVisible().catch(() => false)); i++) {
      const q = await textPoint(text);
      await page.mouse.move(q.x, q.y + 80);
      await page.mouse.move(q.x, q.y);
      await hover.first().waitFor({ state: 'visible', timeout: 1500 }).catch(() => {});
    }
    await hover.first().waitFor({ state: 'visible', timeout: 5000 });
    return (await hover.first().innerText()).replace(/\s+/g, ' ');
  };

  await check('open a contract and see its findings', async () => {
    await quickOpen(page, 'studio-services.contract.md');
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 60000 });
  });

  // One menu per rule: each has Show documentation and Disable for this file; place findings for the clause too.
  const ruleTargets = [
    ['sanctioned-jurisdiction', 'Pyongyang', 'studio-services.contract.md'],
    ['sanctioned-party', 'Mansudae', 'studio-services.contract.md'],
    ['subcontracting-consent-weak', 'subcontract any', 'studio-services.contract.md'],
    ['sanctions-clause-missing', 'Partners', 'studio-services.contract.md'],
    ['subcontracting-consent-missing', 'Assignment', 'animation-production-agreement.md'],
  ];
  for (const [rule, text, file] of ruleTargets) {
    await check(`Ctrl+. on a ${rule} finding offers the same basic actions`, async () => {
      if (file !== 'studio-services.contract.md') {
        await quiet();
        await page.locator('.explorer-folders-view .monaco-list-row', { hasText: file }).first().click();
        await page.waitForSelector(`.tab[data-resource-name="${file}"]`, { timeout: 15000 });
        await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 60000 });
        // The finding is further down: jump to it from the Problems panel, as a person would.
        await page.keyboard.press('Control+Shift+M');
        const row = page.locator('.markers-panel .monaco-list-row', { hasText: rule });
        await row.first().waitFor({ timeout: 15000 });
        await row.first().click();
        await page.keyboard.press('Control+Shift+M');
      }
      await page.waitForTimeout(rule === 'sanctioned-party' ? 2000 : 0); // lists load in the background
      const rows = await openActions(text);
      await shot(page, `actions-${rule}.png`);
      await page.keyboard.press('Escape');
      const want = [`Show documentation for ${rule}`, `Disable ${rule} for this file…`, 'with a comment in the contract text'];
      for (const w of want) if (!rows.some((r) => r.includes(w))) throw new Error(`missing “${w}” in: ${rows.join(' | ')}`);
      return rows.filter((r) => !/^Insert|^Add /.test(r)).join(' | ').slice(0, 220);
    });
  }

  await check('dismiss a finding with a reason: the name is asked for once, the finding stays as a hint that says so', async () => {
    await quiet();
    await runCommand('View: Close All Editors');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'studio-services.contract.md' }).first().click();
    await page.waitForSelector('.tab[data-resource-name="studio-services.contract.md"]', { timeout: 15000 });
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 30000 });
    await openActions('Pyongyang');
    await pickAction(/Dismiss this sanctioned-jurisdiction finding/);
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
    await page.keyboard.type('Facility closed in 2023; work moved to Shanghai (amendment 3).');
    await page.keyboard.press('Enter');
    // First decision: the reviewer's name, shown and confirmed.
    const box = page.locator('.quick-input-widget', { hasText: /Your name for the audit trail/ });
    await box.waitFor({ state: 'visible', timeout: 15000 });
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Dana Whitfield <dana@example.com>');
    await shot(page, 'reviewer-name.png');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.monaco-editor .squiggly-hint', { timeout: 15000 });
    await page.mouse.move(5, 450);
    await page.keyboard.press('Escape');
    const text = await hoverOn('Pyongyang', /Decided/);
    await shot(page, 'decision-hint.png');
    if (!/Decided — Dismissed: Facility closed.*Dana Whitfield/.test(text)) throw new Error(text.slice(0, 200));
    return text.slice(0, 160);
  });

  await check('revoke the decision from the hint: the error is back', async () => {
    await quiet();
    await openActions('Pyongyang');
    await pickAction(/Revoke the decision/);
    const p = await textPoint('Pyongyang');
    await page.waitForFunction(
      (y) => [...document.querySelectorAll('.monaco-editor .squiggly-error')].some((s) => Math.abs(s.getBoundingClientRect().y + s.getBoundingClientRect().height / 2 - y) < 14),
      p.y,
      { timeout: 15000 },
    );
    const text = await hoverOn('Pyongyang', /North Korea/);
    await shot(page, 'decision-revoked.png');
    if (/Decided/.test(text)) throw new Error('still decided');
  });

  await check('record “not a match” on a name and see it in the ClauseGuard Decisions view', async () => {
    await quiet();
    await openActions('Mansudae');
    await pickAction(/as not a match for/);
    await page.waitForSelector('.quick-input-widget input', { state: 'visible', timeout: 15000 });
    await page.keyboard.type('Different studio: Mansudae Art Studio Ltd., Vancouver; KYC file 42.');
    await page.keyboard.press('Enter');
    await hoverOn('Mansudae', /Reviewer decision: Not a match/);
    await page.mouse.move(5, 450);
    await page.keyboard.press('Escape');
    const header = page.locator('.pane-header', { hasText: 'ClauseGuard Decisions' });
    await header.waitFor({ timeout: 15000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const row = page.locator('.monaco-list-row', { hasText: /not a match/ });
    await row.first().waitFor({ timeout: 15000 });
    await row.first().hover();
    await shot(page, 'decisions-view.png');
    return (await row.first().innerText()).replace(/\s+/g, ' ').slice(0, 160);
  });

  await check('Search Sanctions Lists: results in score order; the picked entry opens rendered and read-only', async () => {
    await quiet();
    await runCommand('ClauseGuard: Search Sanctions Lists');
    await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
    await page.keyboard.type('kim jong');
    const rows = page.locator('.quick-input-list .monaco-list-row');
    await rows.nth(3).waitFor({ timeout: 30000 });
    await page.waitForTimeout(500);
    const scores = (await page.locator('.quick-input-list .monaco-list-row .label-description').allInnerTexts()).map((t) => Number(/^(\d+)/.exec(t.trim())?.[1]));
    await shot(page, 'search-results.png');
    for (let i = 1; i < scores.length; i++) if (!(scores[i] <= scores[i - 1])) throw new Error(`not in score order: ${scores.join(', ')}`);
    await page.keyboard.press('Enter');
    const preview = page.locator('.tab', { hasText: /Preview/ });
    await preview.first().waitFor({ timeout: 30000 });
    await page.waitForTimeout(1500); // the preview webview renders
    await shot(page, 'search-entry.png');
    if (await page.locator('.tab', { hasText: /Untitled/ }).count()) throw new Error('an Untitled buffer was opened');
    return `scores ${scores.slice(0, 8).join(', ')}`;
  });

  await check('Settings: one severity dropdown per rule, score bands out of 100', async () => {
    await quiet();
    await runCommand('View: Close All Editors');
    await runCommand('Preferences: Open Settings (UI)');
    await page.waitForSelector('.settings-editor .suggest-input-container', { timeout: 20000 });
    await page.waitForTimeout(1000); // the settings list renders, then the search box takes focus
    await page.locator('.settings-editor .suggest-input-container').click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('clauseguard severity');
    const selects = page.locator('.settings-editor select');
    await page.waitForFunction(() => [...document.querySelectorAll('.settings-editor select')].filter((x) => /^Default \(/.test(x.options[0]?.text ?? '')).length >= 3, null, { timeout: 20000 });
    const values = await selects.evaluateAll((s) => s.map((x) => [...x.options].map((o) => o.text).join('/')));
    await shot(page, 'settings-dropdowns.png');
    // Five rule dropdowns (the list shows those on screen) and clauseguard.rules for tags.
    if (!values.every((v) => /^Default \(.*\)\/Off\/Information\/Warning\/Error$/.test(v))) throw new Error(values.join(' | '));
    return `${values.length} dropdowns on screen: ${values[0]}`;
  });

  await check('a fixed clause in a hard-wrapped .txt file is wrapped to the file’s lines', async () => {
    await quiet();
    await runCommand('View: Close All Editors');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'wrapped.txt' }).first().click();
    await page.waitForSelector('.tab[data-resource-name="wrapped.txt"]', { timeout: 15000 });
    await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 60000 });
    await openActions('may subcontract any part');
    await pickAction(/Insert “2\.3 Subcontracting”/);
    const p = await textPoint('2.3 Subcontracting');
    await page.mouse.click(p.x, p.y);
    await page.keyboard.press('Escape');
    await shot(page, 'wrapped-clause.png');
    const lines = await page.evaluate(() =>
      [...document.querySelectorAll('.monaco-editor .view-line')].sort((a, b) => a.getBoundingClientRect().y - b.getBoundingClientRect().y).map((l) => l.textContent.replace(/\u00a0/g, ' ')),
    );
    await runCommand('View: Revert and Close Editor');
    const start = lines.findIndex((l) => l.includes('2.3 Subcontracting'));
    const clause = lines.slice(start, start + 6);
    const longest = Math.max(...clause.map((l) => l.trimEnd().length));
    if (start < 0 || longest > 103) throw new Error(`longest inserted line ${longest}: ${clause.join(' / ')}`);
    return `inserted lines ≤ ${longest} characters: ${clause[1].slice(0, 60)}…`;
  });

  await check('an exported Markdown report in the contracts folder gets no findings', async () => {
    await quiet();
    await runCommand('View: Close All Editors');
    await page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'review.md' }).first().click();
    await page.waitForSelector('.tab[data-resource-name="review.md"]', { timeout: 15000 });
    await page.waitForSelector('.monaco-editor .view-line', { timeout: 15000 });
    await page.waitForTimeout(3000); // a contract would be checked within a second; nothing may come
    await page.keyboard.press('Control+Shift+M');
    await page.waitForTimeout(500);
    await shot(page, 'export-not-checked.png');
    const squiggles = await page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info').count();
    const tab = await page.locator('.tab.active').first().innerText();
    if (squiggles) throw new Error(`${squiggles} squiggles on the report`);
    if (/\d/.test(tab.replace('review.md', ''))) throw new Error(`problem count on the tab: ${tab}`);
  });
} finally {
  await browser.close().catch(() => {});
  await server.stop();
  rmSync(workspace, { recursive: true, force: true });
}
process.exit(finish('UI reviewer'));
