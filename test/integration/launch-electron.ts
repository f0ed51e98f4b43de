import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

/**
 * Launches the same integration suite with @vscode/test-electron (downloads VS Code 1.100.3), for
 * developers' machines and public CI that can reach the download. Here, use `npm run test:integration`.
 */
async function main(): Promise<void> {
  const repo = path.resolve(__dirname, '../../..');
  try {
    await runTests({
      version: '1.100.3',
      extensionDevelopmentPath: repo,
      extensionTestsPath: path.join(repo, 'out', 'test', 'integration', 'index'),
      launchArgs: [path.join(repo, 'samples'), '--disable-extensions', '--disable-workspace-trust'],
    });
  } catch (e) {
    console.error('Integration tests failed to run:', e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
void main();
