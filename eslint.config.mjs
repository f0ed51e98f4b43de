// Lint rules that keep the architecture honest: the core never imports 'vscode' or Node built-ins.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'worker_threads', 'stream', 'zlib', 'util', 'events', 'module', 'process'];

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
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'src/core is editor-agnostic: put VS Code code in src/vscode.' },
            ...nodeBuiltins.flatMap((m) => [
              { name: m, message: 'src/core never touches Node I/O: have the caller hand data in (src/node, src/cli, src/vscode).' },
              { name: `node:${m}`, message: 'src/core never touches Node I/O: have the caller hand data in (src/node, src/cli, src/vscode).' },
            ]),
          ],
        },
      ],
    },
  },
  {
    files: ['src/cli/**/*.ts', 'src/node/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'vscode', message: 'Only src/vscode may import vscode.' }] }] },
  },
);
