// Screenshot of the HTML compliance report in headless Chromium, for docs/images/report-html.png.
// Runs `clauseguard report samples --format html` (the built CLI), opens the file and captures the page.
// usage: node scripts/report-screenshot.mjs [PATH...]   (needs scripts/install-vscode-tools.sh once)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const TOOLS = process.env.CLAUSEGUARD_TOOLS || join(homedir(), '.cache', 'clauseguard-vscode-tools');
const { chromium } = createRequire(join(TOOLS, 'package.json'))('playwright-core');
const cli = existsSync(join(REPO, 'dist', 'cli.js')) ? join(REPO, 'dist', 'cli.js') : join(REPO, 'out', 'src', 'cli', 'main.js');
const inputs = process.argv.slice(2).length ? process.argv.slice(2) : ['samples'];

const dir = mkdtempSync(join(tmpdir(), 'cg-report-shot-'));
const html = join(dir, 'report.html');
const r = spawnSync(process.execPath, [cli, 'report', '--format', 'html', '--output', html, '--reviewer', 'Dana Whitfield (sample review)', ...inputs], { cwd: REPO, encoding: 'utf8' });
if (r.status !== 0) {
  console.error(r.stderr);
  process.exit(1);
}
const browser = await chromium.launch({
  executablePath: process.env.CLAUSEGUARD_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1500 }, deviceScaleFactor: 1 });
  await page.goto('file://' + html);
  const out = join(REPO, 'docs', 'images', 'report-html.png');
  await page.screenshot({ path: out, fullPage: false });
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
