import * as path from 'node:path';
import * as fs from 'node:fs';
import Mocha from 'mocha';

/**
 * Entry point the VS Code test runner calls inside the extension host (code-server here, or
 * @vscode/test-electron on a machine that can download VS Code). Runs every *.test.js beside it.
 */
export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 60000, reporter: 'spec' });
  const grep = process.env.CLAUSEGUARD_TEST_GREP;
  if (grep) mocha.grep(grep);
  for (const f of fs.readdirSync(__dirname).sort()) if (f.endsWith('.test.js')) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
  });
}
