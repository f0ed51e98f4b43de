// Writes the per-rule severity settings (clauseguard.severity.<rule id>) into package.json from the
// compiled rule registry, so the Settings editor has one dropdown per rule with the rule's title.
// Usage: npx tsc -p tsconfig.json && node scripts/gen-settings.mjs [--check]
//   --check: exit 1 when package.json differs from what this script writes.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { severitySettings, SEVERITY_SETTING_PREFIX } = require(join(root, 'out', 'src', 'core', 'rules', 'settingsSchema.js'));

const file = join(root, 'package.json');
const before = readFileSync(file, 'utf8');
const pkg = JSON.parse(before);
const props = pkg.contributes.configuration.properties;
const next = {};
for (const [k, v] of Object.entries(props)) {
  if (k.startsWith(SEVERITY_SETTING_PREFIX)) continue;
  next[k] = v;
  if (k === 'clauseguard.rules') Object.assign(next, severitySettings());
}
pkg.contributes.configuration.properties = next;
const after = JSON.stringify(pkg, null, 2) + '\n';
if (process.argv.includes('--check')) {
  if (after !== before) {
    console.error('package.json rule settings are out of date: run npx tsc -p tsconfig.json && node scripts/gen-settings.mjs');
    process.exit(1);
  }
  console.log('package.json rule settings are up to date');
} else {
  writeFileSync(file, after);
  console.log(`wrote ${Object.keys(severitySettings()).length} rule settings into package.json`);
}
