import { describeShared } from '../helpers/sharedData';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildReport } from '../../../src/core/report/build';
import { renderHtml } from '../../../src/core/report/html';
import { hostileReportInput, PAYLOADS, sampleReportInput } from './fixtures';

// The exported HTML opened in a real headless Chromium: the hostile contract's markup must run no script
// (a payload would set window.__pwned) and must show as text. Needs Debian's /usr/bin/chromium and
// playwright-core from the tools folder (scripts/install-vscode-tools.sh); skips with a message otherwise.

const CHROMIUM = process.env.CLAUSEGUARD_CHROMIUM || '/usr/bin/chromium';
const TOOLS = process.env.CLAUSEGUARD_TOOLS || join(homedir(), '.cache', 'clauseguard-vscode-tools');
const ARGS = ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'];

type Page = {
  goto(url: string): Promise<unknown>;
  emulateMedia(o: { media: 'print' | 'screen' }): Promise<void>;
  pdf(o: object): Promise<Buffer>;
  evaluate<T>(fn: string): Promise<T>;
  waitForTimeout(ms: number): Promise<void>;
  on(event: 'console', fn: (m: { text(): string }) => void): void;
};
type Browser = { newPage(): Promise<Page>; close(): Promise<void> };

function loadPlaywright(): { chromium: { launch(o: object): Promise<Browser> } } | undefined {
  for (const base of [join(TOOLS, 'package.json'), join(__dirname, 'package.json')]) {
    try {
      return createRequire(base)('playwright-core');
    } catch {
      // try the next place
    }
  }
  return undefined;
}

describeShared('report HTML export in headless Chromium (XSS, print)', function () {
  this.timeout(60000);
  let browser: Browser | undefined;
  let dir: string;

  before(async function () {
    const pw = loadPlaywright();
    if (!existsSync(CHROMIUM) || !pw) {
      console.log(`      (skipped: needs ${CHROMIUM} and playwright-core in ${TOOLS}; run scripts/install-vscode-tools.sh)`);
      this.skip();
    }
    browser = await pw!.chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    dir = mkdtempSync(join(tmpdir(), 'cg-report-xss-'));
  });
  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(html: string, name: string) {
    const file = join(dir, name);
    writeFileSync(file, html, 'utf8');
    const page = await browser!.newPage();
    const messages: string[] = [];
    page.on('console', (m) => messages.push(m.text()));
    await page.goto('file://' + file);
    await page.waitForTimeout(300); // let image errors and any timers fire
    return { page, messages };
  }

  it('the detector works: an unescaped payload in a page does set the flag', async () => {
    const { page } = await open(`<!DOCTYPE html><body>${PAYLOADS[1]}</body>`, 'control.html');
    assert.equal(await page.evaluate('window.__pwned'), 1);
  });

  it('runs no script from the contract and shows its markup as text', async () => {
    const html = renderHtml(buildReport(hostileReportInput()));
    const { page, messages } = await open(html, 'report.html');
    assert.equal(await page.evaluate('window.__pwned'), undefined);
    assert.equal(await page.evaluate('document.querySelectorAll("script, img, svg, iframe").length'), 0);
    const text = await page.evaluate<string>('document.body.innerText');
    for (const p of PAYLOADS) assert.ok(text.includes(p), `shows ${p} literally`);
    // The CSP lets the report's own style sheet apply (matched by hash) and blocks nothing else it needs.
    assert.equal(await page.evaluate('getComputedStyle(document.body).paddingLeft'), '32px');
    assert.deepEqual(messages.filter((m) => /Content Security Policy/i.test(m)), []);
  });

  it('prints to PDF without the filter bar, with the findings and hashes', async () => {
    const report = buildReport(sampleReportInput());
    const { page } = await open(renderHtml(report), 'print.html');
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.evaluate('getComputedStyle(document.querySelector(".filters")).display'), 'none');
    const text = await page.evaluate<string>('document.body.innerText');
    for (const f of report.files) assert.ok(text.includes(f.sha256), f.path);
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    assert.ok(pdf.length > 20000, `PDF of ${pdf.length} bytes`);
  });

    it('escaping alone is enough: with the CSP removed, still no script runs', async () => {
    const html = renderHtml(buildReport(hostileReportInput())).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    assert.ok(!html.includes('Content-Security-Policy'));
    const { page } = await open(html, 'no-csp.html');
    assert.equal(await page.evaluate('window.__pwned'), undefined);
  });
});
