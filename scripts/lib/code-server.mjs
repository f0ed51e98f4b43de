// Starts code-server 4.100.3 (real VS Code 1.100.3) on 127.0.0.1 with throwaway state, for the
// integration and UI tiers and for `npm start`. Installed by scripts/install-vscode-tools.sh.
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir, homedir } from 'node:os';
import { join, resolve } from 'node:path';

export const TOOLS = process.env.CLAUSEGUARD_TOOLS || join(homedir(), '.cache', 'clauseguard-vscode-tools');
export const REPO = resolve(new URL('../..', import.meta.url).pathname);

export function requireTool(name) {
  const req = createRequire(join(TOOLS, 'package.json'));
  try {
    return req(name);
  } catch {
    throw new Error(`${name} is not installed in ${TOOLS}. Run: bash scripts/install-vscode-tools.sh`);
  }
}

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.on('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
  });
}

/**
 * @param {{port?: number, settings?: object, keepState?: string, log?: (s: string) => void}} opts
 * @returns {Promise<{base: string, port: number, runDir: string, stop: () => Promise<void>}>}
 */
export async function startCodeServer(opts = {}) {
  const bin = join(TOOLS, 'node_modules', '.bin', 'code-server');
  if (!existsSync(bin)) throw new Error(`code-server is not installed in ${TOOLS}. Run: bash scripts/install-vscode-tools.sh`);
  const port = opts.port ?? (await freePort());
  const runDir = opts.keepState ?? mkdtempSync(join(tmpdir(), 'clauseguard-cs-'));
  mkdirSync(join(runDir, 'ud', 'User'), { recursive: true });
  mkdirSync(join(runDir, 'exts'), { recursive: true });
  const settingsFile = join(runDir, 'ud', 'User', 'settings.json');
  // A reused state (npm start -- --keep) keeps what the user set in it.
  if (!(opts.keepUserSettings && existsSync(settingsFile))) writeFileSync(
    settingsFile,
    JSON.stringify(
      {
        'files.hotExit': 'off',
        // Tests edit sample files; never let the editor save those edits behind a test's back.
        'files.autoSave': 'off',
        'workbench.startupEditor': 'none',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'telemetry.telemetryLevel': 'off',
        'workbench.tips.enabled': false,
        'security.workspace.trust.enabled': false,
        // No "a git repository was found" prompts in throwaway workspaces.
        'git.openRepositoryInParentFolders': 'never',
        'git.autoRepositoryDetection': false,
        ...opts.settings,
      },
      null,
      2,
    ),
  );
  writeFileSync(join(runDir, 'config.yaml'), `bind-addr: 127.0.0.1:${port}\nauth: none\n`);
  const args = [
    '--config', join(runDir, 'config.yaml'),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry', '--disable-update-check', '--disable-getting-started-override',
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']),
    '--user-data-dir', join(runDir, 'ud'),
    '--extensions-dir', join(runDir, 'exts'),
  ];
  const env = { ...process.env, XDG_DATA_HOME: join(runDir, 'xdg-data'), XDG_CONFIG_HOME: join(runDir, 'xdg-config') };
  const child = spawn(bin, args, { detached: true, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let logText = '';
  const onData = (d) => {
    logText += d;
    opts.log?.(String(d));
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`code-server exited early (${child.exitCode}):\n${logText}`);
    try {
      const r = await fetch(`${base}/healthz`);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error(`code-server did not answer /healthz within 60 s:\n${logText}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    try {
      process.kill(-child.pid, 'SIGTERM'); // the whole process group: file watchers, extension host
    } catch {
      /* already gone */
    }
    await new Promise((r) => setTimeout(r, 300));
    if (!opts.keepState) rmSync(runDir, { recursive: true, force: true });
  };
  return { base, port, runDir, stop };
}

/**
 * Builds the extension as a VSIX with @vscode/vsce 3 (the production bundle) and installs it into a
 * run folder's extensions, as a user would install it: the window then has its normal title (no
 * "[Extension Development Host]"). Returns the VSIX path.
 */
export async function installVsix(runDir, { log = () => {} } = {}) {
  const vsix = join(REPO, '.tmp', 'clauseguard.vsix');
  mkdirSync(join(REPO, '.tmp'), { recursive: true });
  const run = (cmd, args, opts = {}) =>
    new Promise((res, rej) => {
      const child = spawn(cmd, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'], ...opts });
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (out += d));
      child.on('exit', (code) => (code === 0 ? res(out) : rej(new Error(`${cmd} ${args.join(' ')} failed (${code}):\n${out}`))));
    });
  log('packaging the extension (vsce package)…');
  await run(join(REPO, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', '--allow-missing-repository', '-o', vsix]);
  log('installing the VSIX into code-server…');
  const bin = join(TOOLS, 'node_modules', '.bin', 'code-server');
  await run(bin, ['--user-data-dir', join(runDir, 'ud'), '--extensions-dir', join(runDir, 'exts'), '--install-extension', vsix, '--force'], {
    env: { ...process.env, XDG_DATA_HOME: join(runDir, 'xdg-data'), XDG_CONFIG_HOME: join(runDir, 'xdg-config') },
  });
  return vsix;
}

/** The workbench URL on a folder, with the extensions installed in the run folder (no development mode). */
export function plainWorkbenchUrl(base, folder) {
  return `${base}/?folder=${encodeURIComponent(folder)}`;
}

/** The workbench URL that loads an extension in development mode (and optionally runs its tests). */
export function workbenchUrl(base, folder, extensionPath, testsPath) {
  const authority = new URL(base).host; // must equal host:port the browser uses
  const payload = [['extensionDevelopmentPath', `vscode-remote://${authority}${extensionPath}`]];
  if (testsPath) payload.push(['extensionTestsPath', `vscode-remote://${authority}${testsPath}`]);
  return `${base}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync',
];

export async function launchChromium() {
  const { chromium } = requireTool('playwright-core');
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

/** A fresh copy of samples/ (tests edit files; the repo's samples stay untouched). */
export function makeWorkspace(from = join(REPO, 'samples')) {
  const dir = mkdtempSync(join(tmpdir(), 'clauseguard-ws-'));
  cpSync(from, dir, { recursive: true });
  return dir;
}

/** Opens a workspace file with Quick Open (Ctrl+P), as a person would; callers wait for what they need next. */
export async function quickOpen(page, file) {
  await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => {});
  await page.keyboard.press('Control+P');
  await page.waitForSelector('.quick-input-widget input', { state: 'visible' });
  await page.keyboard.type(file);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15000 });
  await page.keyboard.press('Enter');
}
