// `npm start`: code-server 4.100.3 (VS Code 1.100.3) on 127.0.0.1 with ClauseGuard installed from a freshly
// built VSIX, opened on a fresh temporary copy of samples/ (the repository's own files are never edited and
// old unsaved editors never come back). `npm start -- --keep` reopens the last workspace with its state.
// PORT=8080 by default; stop with Ctrl+C.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO, installVsix, plainWorkbenchUrl, startCodeServer } from './lib/code-server.mjs';

const keep = process.argv.includes('--keep');
const port = Number(process.env.PORT || 8080);
const lastFile = join(REPO, '.tmp', 'start-last.json');
let last;
try {
  last = keep ? JSON.parse(readFileSync(lastFile, 'utf8')) : undefined;
} catch {
  last = undefined;
}
if (keep && !(last && existsSync(last.workspace))) console.log('No earlier workspace to keep; starting a fresh one.');
const fresh = !(last && existsSync(last.workspace));
const root = fresh ? mkdtempSync(join(tmpdir(), 'clauseguard-start-')) : last.root;
const workspace = join(root, 'contracts-review');
const state = join(root, 'state');
if (fresh) {
  cpSync(join(REPO, 'samples'), workspace, { recursive: true });
  mkdirSync(state, { recursive: true });
  mkdirSync(join(REPO, '.tmp'), { recursive: true });
  writeFileSync(lastFile, JSON.stringify({ root, workspace }, null, 2));
}
await installVsix(state, { log: (m) => console.log(m) });
// The run folder's user settings (scripts/lib/code-server.mjs) turn git's repository prompts off.
const server = await startCodeServer({ port, keepState: state, keepUserSettings: !fresh, settings: { 'git.enabled': false } });
const url = plainWorkbenchUrl(server.base, workspace);
console.log(`
ClauseGuard (installed from .tmp/clauseguard.vsix) is running in VS Code 1.100.3 (code-server).
Workspace: ${workspace} (${fresh ? 'a fresh copy of samples/' : 'kept from the last start'})

  Open this address in a browser on this machine:

  ${url}

Open animation-production-agreement.md to see the findings (Problems panel: Ctrl+Shift+M).
Press Ctrl+C to stop. \`npm start -- --keep\` reopens this workspace next time.
`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
