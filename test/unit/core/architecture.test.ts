import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const REPO = join(__dirname, '..', '..', '..', '..');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

describe('architecture', () => {
  it('src/core imports neither vscode nor any Node built-in (it must run in a CLI, tests and VS Code for the Web)', () => {
    const offenders: string[] = [];
    for (const file of tsFiles(join(REPO, 'src', 'core'))) {
      for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? m[3];
        if (spec === 'vscode' || spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process', 'crypto', 'worker_threads'].includes(spec))
          offenders.push(`${file.slice(REPO.length + 1)} imports ${spec}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('only src/vscode imports vscode', () => {
    const offenders = ['src/cli', 'src/node', 'src/core']
      .flatMap((d) => tsFiles(join(REPO, d)))
      .filter((f) => /from\s+['"]vscode['"]/.test(readFileSync(f, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
