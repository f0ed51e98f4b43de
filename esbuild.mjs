// Bundles the extension (vscode external), the command-line tool and the report webview script.
// node esbuild.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');
// A production build starts clean so no development source maps end up in the VSIX.
if (production) rmSync('dist', { recursive: true, force: true });

const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
  define: { __CLAUSEGUARD_VERSION__: JSON.stringify(pkg.version) },
};

/** @type {esbuild.BuildOptions[]} */
const targets = [
  {
    ...common,
    entryPoints: ['src/vscode/extension.ts'],
    outfile: 'dist/extension.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
  },
  {
    // The check worker (worker_threads): lists and checks run off the extension host's thread.
    ...common,
    entryPoints: ['src/node/checkWorker.ts'],
    outfile: 'dist/checkWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    // The CLI's worker threads for checking many files at once.
    ...common,
    entryPoints: ['src/node/checkFilesWorker.ts'],
    outfile: 'dist/checkFilesWorker.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
  {
    ...common,
    entryPoints: ['src/cli/main.ts'],
    outfile: 'dist/cli.js',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
  },
];
// The report panel's browser-side script (added with the report work).
if (existsSync('src/webview/report.ts')) {
  targets.push({
    ...common,
    entryPoints: ['src/webview/report.ts'],
    outfile: 'dist/webview/report.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  });
}

// The contract chain panel's script, with its layout library (@dagrejs/dagre) bundled in.
if (existsSync('src/webview/chain.ts')) {
  targets.push({
    ...common,
    entryPoints: ['src/webview/chain.ts'],
    outfile: 'dist/webview/chain.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  });
}

if (watch) {
  const contexts = await Promise.all(targets.map((t) => esbuild.context(t)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('[esbuild] watching…');
} else {
  const t0 = Date.now();
  await Promise.all(targets.map((t) => esbuild.build(t)));
  console.log(`[esbuild] built ${targets.length} bundle(s) in ${Date.now() - t0} ms${production ? ' (production)' : ''}`);
}
