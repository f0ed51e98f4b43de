import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

const REPO = join(__dirname, '..', '..', '..', '..');
const SRC = join(REPO, 'src');
const CORE = join(SRC, 'core');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const IMPORT = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function specifiers(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => m[1] ?? m[2] ?? m[3]);
}

/** The .ts file a relative specifier names, or undefined for packages. */
function resolveSpec(from: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, join(base, 'index.ts')].find((p) => existsSync(p));
}

const rel = (f: string) => relative(REPO, f);
const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** The rule modules, as the registry lists them. */
function ruleModules(): string[] {
  const registry = join(CORE, 'rules', 'registry.ts');
  return specifiers(registry)
    .map((s) => resolveSpec(registry, s))
    .filter((f): f is string => !!f && !f.endsWith(`${join('rules', 'rule.ts')}`));
}

describe('architecture', () => {
  it('src/core imports neither vscode nor any Node built-in (it must run in a CLI, tests and VS Code for the Web)', () => {
    const offenders = tsFiles(CORE).flatMap((file) => specifiers(file).filter((s) => s === 'vscode' || BUILTINS.has(s)).map((s) => `${rel(file)} imports ${s}`));
    assert.deepEqual(offenders, []);
  });

  it('only src/vscode imports vscode', () => {
    const offenders = ['src/cli', 'src/node', 'src/core']
      .flatMap((d) => tsFiles(join(REPO, d)))
      .filter((f) => specifiers(f).includes('vscode'));
    assert.deepEqual(offenders, []);
  });

  it('hosts (src/vscode, src/node, src/cli, src/webview) reach the core only through src/core/index.ts', () => {
    const offenders = ['vscode', 'node', 'cli', 'webview']
      .flatMap((d) => tsFiles(join(SRC, d)))
      .flatMap((file) =>
        specifiers(file)
          .map((s) => resolveSpec(file, s))
          .filter((t): t is string => !!t && t.startsWith(CORE + '/') && t !== join(CORE, 'index.ts'))
          .map((t) => `${rel(file)} imports ${rel(t)}`),
      );
    assert.deepEqual(offenders, []);
  });

  it('no rule module imports another rule module', () => {
    const rules = ruleModules();
    assert.ok(rules.length >= 5, `${rules.length} rule modules found in the registry`);
    const offenders = rules.flatMap((file) =>
      specifiers(file)
        .map((s) => resolveSpec(file, s))
        .filter((t): t is string => !!t && t !== file && rules.includes(t))
        .map((t) => `${rel(file)} imports ${rel(t)}`),
    );
    assert.deepEqual(offenders, []);
  });

  it('there is no import cycle in src/', () => {
    const files = tsFiles(SRC);
    const graph = new Map(files.map((f) => [f, specifiers(f).map((s) => resolveSpec(f, s)).filter((t): t is string => !!t)]));
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const stack: string[] = [];
    const visit = (f: string) => {
      state.set(f, 'open');
      stack.push(f);
      for (const t of graph.get(f) ?? []) {
        if (state.get(t) === 'open') cycles.push([...stack.slice(stack.indexOf(t)), t].map(rel).join(' → '));
        else if (!state.has(t)) visit(t);
      }
      stack.pop();
      state.set(f, 'done');
    };
    for (const f of files) if (!state.has(f)) visit(f);
    assert.deepEqual(cycles, []);
  });
});
