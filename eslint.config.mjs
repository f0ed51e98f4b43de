// Lint rules that keep the architecture honest (CONTRIBUTING.md "Layout"):
// - src/core never imports 'vscode' or any Node built-in (Node's own list, so fs/promises and perf_hooks count);
// - hosts (src/vscode, src/node, src/cli, src/webview) import the core only through src/core/index.ts;
// - a rule module never imports another rule module (what rules share lives in src/core/rules/support/).
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { basename, dirname, join } from 'node:path';
import tseslint from 'typescript-eslint';

const coreMessage = 'src/core never touches Node I/O or the editor: have the host hand data in (src/node, src/cli, src/vscode).';
const builtinPaths = [
  { name: 'vscode', message: 'src/core is editor-agnostic: put VS Code code in src/vscode.' },
  ...builtinModules.filter((m) => !m.startsWith('_')).flatMap((m) => [
    { name: m, message: coreMessage },
    { name: `node:${m}`, message: coreMessage },
  ]),
];

/** The rule modules, as the registry imports them (src/core/rules/<area>/<name>.ts). */
const registry = 'src/core/rules/registry.ts';
const ruleFiles = [...readFileSync(registry, 'utf8').matchAll(/from '\.\/([^']+)'/g)]
  .map((m) => join(dirname(registry), m[1]) + '.ts')
  .filter((f) => !f.endsWith('/rule.ts'));
const ruleName = (f) => basename(f, '.ts');
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'warn',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: builtinPaths }] },
  },
  // One block per rule module: the core's restrictions plus "no other rule".
  ...ruleFiles.map((file) => ({
    files: [file],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: builtinPaths,
          patterns: [
            {
              regex: `(^|/)(${ruleFiles
                .filter((f) => f !== file)
                .map((f) => escape(ruleName(f)))
                .join('|')})$`,
              message: 'Rules never import other rules: move what they share to src/core/rules/support/.',
            },
          ],
        },
      ],
    },
  })),
  {
    files: ['src/cli/**/*.ts', 'src/node/**/*.ts', 'src/vscode/**/*.ts', 'src/webview/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)core/(?!index$).+',
              message: 'Hosts use the core only through its front door: import from src/core/index.ts (add the export there if it is missing).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/node/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Only src/vscode may import vscode.' }],
          patterns: [
            {
              regex: '(^|/)core/(?!index$).+',
              message: 'Hosts use the core only through its front door: import from src/core/index.ts (add the export there if it is missing).',
            },
          ],
        },
      ],
    },
  },
);
