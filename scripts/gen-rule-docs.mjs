// Writes docs/rules/<id>.md for every rule and docs/rules/index.md from the compiled rule registry
// (metadata + examples; the same examples run as tests in test/unit/rules/examples.test.ts).
// Usage: npx tsc -p tsconfig.json && node scripts/gen-rule-docs.mjs [--check]
//   --check: exit 1 (and list the files) when the committed pages differ from what this script writes.
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// Keep equal to CLAUSEGUARD_OUTPUT_MARKER in src/core/contractDetection.ts: these pages are never checked.
const MARKER = '<!-- clauseguard-output: written by ClauseGuard; not a contract, not checked -->';
const SEVERITY = { error: 'Error', warning: 'Warning', info: 'Information' };

function fence(text) {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const f = '`'.repeat(longest + 1);
  return (lang) => `${f}${lang}\n${text.replace(/\r\n?/g, '\n').replace(/\n$/, '')}\n${f}`;
}

export function renderRulePage(rule) {
  const lines = [
    MARKER,
    '',
    `# ${rule.title}`,
    '',
    `Rule id: \`${rule.id}\` · default severity: **${SEVERITY[rule.defaultSeverity] ?? rule.defaultSeverity}** · tags: ${rule.tags.map((t) => `\`${t}\``).join(', ') || '—'}`,
    '',
    '## What it checks',
    '',
    rule.description,
    '',
    '## Why',
    '',
    rule.rationale,
    '',
    '## Examples',
    '',
    'These examples are also the rule’s tests (`test/unit/rules/examples.test.ts`).',
    '',
  ];
  for (const ex of rule.examples) {
    lines.push(`### ${ex.expect === 'pass' ? 'Passes' : 'Reported'}: ${ex.title} (${ex.format === 'markdown' ? 'Markdown' : 'plain text'})`, '');
    lines.push(fence(ex.text)(ex.format === 'markdown' ? 'markdown' : 'text'), '');
    if (ex.expect === 'fail' && ex.findings?.length) {
      for (const f of ex.findings) lines.push(`- Reported at ${f.range.replace('-', ' to ')} (line:column): “${f.firstSentence}”`);
      lines.push('');
    }
    if (ex.expect === 'fail' && ex.coveredText) lines.push(`The finding covers: \`${ex.coveredText}\``, '');
    if (ex.expect === 'fail' && ex.firstSentence) lines.push(`The message begins: “${ex.firstSentence}”`, '');
    if (ex.expect === 'fail' && ex.messageIncludes) lines.push(`The message includes: “${ex.messageIncludes}”.`, '');
  }
  lines.push(
    '## Turning it off or changing its severity',
    '',
    `- For one finding, one clause or one file: press Ctrl+. on the finding and choose “Dismiss this ${rule.id} finding with a reason…”, “Disable ${rule.id} for this clause…” or “Disable ${rule.id} for this file…”. The reason, your name and the date are kept in \`.clauseguard/dismissals.json\`, not in the contract; revoke it from the **ClauseGuard Decisions** view.`,
    `- In the contract text, if you prefer: add \`<!-- clauseguard-disable-file ${rule.id} -->\` at the top of a Markdown contract, or \`[clauseguard-disable-file ${rule.id}]\` in a plain-text one (the quick fix “Disable ${rule.id} for this file with a comment in the contract text” does this).`,
    `- Everywhere: Settings → ClauseGuard → **Severity: ${rule.id}** (Default, Off, Information, Warning, Error), or \`"clauseguard.rules": { "${rule.id}": "off" }\` by id or tag. See [settings](../settings.md).`,
    '',
  );
  return lines.join('\n');
}

/** A chain rule's page: its examples are small workspaces of several contracts (docs/chain.md). */
export function renderChainRulePage(rule) {
  const lines = [
    `# ${rule.title}`,
    '',
    `Chain rule id: \`${rule.id}\` · default severity: **${SEVERITY[rule.defaultSeverity] ?? rule.defaultSeverity}** · tags: ${rule.tags.map((t) => `\`${t}\``).join(', ')}`,
    '',
    'A chain rule looks across the contracts of a workspace, linked into chains ([the contract chain](../chain.md)).',
    '',
    '## What it checks',
    '',
    rule.description,
    '',
    '## Why',
    '',
    rule.rationale,
    '',
    '## Examples',
    '',
    'Each example is a small workspace; the examples are also the rule’s tests (`test/unit/chain/chainExamples.test.ts`).',
    '',
  ];
  for (const ex of rule.examples) {
    lines.push(`### ${ex.expect === 'pass' ? 'Passes' : 'Reported'}: ${ex.title}`, '');
    for (const c of ex.contracts) lines.push(`\`${c.path}\`:`, '', fence(c.text)(c.format === 'markdown' ? 'markdown' : 'text'), '');
    if (ex.consents?.length) lines.push('`.clauseguard/consents.json`:', '', fence(JSON.stringify({ consents: ex.consents }, null, 2))('json'), '');
    if (ex.expect === 'fail' && ex.messageIncludes) lines.push(`The message includes: “${ex.messageIncludes}”.`, '');
  }
  lines.push('## Changing its severity', '', `Set \`"clauseguard.rules": { "${rule.id}": "off" }\` (or \`info\`, \`warning\`, \`error\`; the tag \`chain\` sets all chain rules). See [settings](../settings.md).`, '');
  return lines.join('\n');
}

export function renderIndex(rules, chainRules = []) {
  const row = (r) => `| [\`${r.id}\`](${r.id}.md) | ${SEVERITY[r.defaultSeverity] ?? r.defaultSeverity} | ${r.description.replace(/\|/g, '\\|')} |`;
  return [
    MARKER,
    '',
    '# Rules',
    '',
    'Generated by `node scripts/gen-rule-docs.mjs` from the rule registry; do not edit by hand.',
    '',
    '| Rule | Default severity | What it checks |',
    '|---|---|---|',
    ...rules.map(row),
    '',
    ...(chainRules.length
      ? ['## Chain rules', '', 'Across the contracts of a workspace, linked into chains: [the contract chain](../chain.md).', '', '| Rule | Default severity | What it checks |', '|---|---|---|', ...chainRules.map(row), '']
      : []),
  ].join('\n');
}

export function renderAll() {
  const { allRules } = require(join(root, 'out/src/core/rules/registry.js'));
  const chainIndex = join(root, 'out/src/core/rules/chain/index.js');
  const { chainRules = [] } = existsSync(chainIndex) ? require(chainIndex) : {};
  const files = new Map();
  for (const rule of allRules) files.set(`docs/rules/${rule.id}.md`, renderRulePage(rule));
  for (const rule of chainRules) files.set(`docs/rules/${rule.id}.md`, renderChainRulePage(rule));
  files.set('docs/rules/index.md', renderIndex(allRules, chainRules));
  return files;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const files = renderAll();
  const check = process.argv.includes('--check');
  const stale = [];
  mkdirSync(join(root, 'docs/rules'), { recursive: true });
  for (const [path, text] of files) {
    const full = join(root, path);
    const current = existsSync(full) ? readFileSync(full, 'utf8') : undefined;
    if (current === text) continue;
    if (check) stale.push(path);
    else writeFileSync(full, text);
  }
  if (check && stale.length) {
    console.error(`Rule pages out of date (run node scripts/gen-rule-docs.mjs):\n${stale.join('\n')}`);
    process.exit(1);
  }
  console.log(check ? 'rule pages up to date' : `wrote ${files.size} rule pages`);
}
