// Starts code-server with the extension loaded in development mode on samples/ and prints the URL.
// PORT=8080 by default; stop with Ctrl+C. Settings and state persist in .tmp/start-state between runs.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, startCodeServer, workbenchUrl } from './lib/code-server.mjs';

const port = Number(process.env.PORT || 8080);
const state = join(REPO, '.tmp', 'start-state');
mkdirSync(state, { recursive: true });
const server = await startCodeServer({ port, keepState: state });
const url = workbenchUrl(server.base, join(REPO, 'samples'), REPO);
console.log(`
ClauseGuard is running in VS Code ${'1.100.3'} (code-server) with the sample contracts.

  Open this address in a browser on this machine:

  ${url}

Open animation-production-agreement.md to see the findings (Problems panel: Ctrl+Shift+M).
Press Ctrl+C to stop.
`);
const stop = async () => {
  await server.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
setInterval(() => {}, 1 << 30);
