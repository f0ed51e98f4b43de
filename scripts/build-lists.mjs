// Builds the bundled list snapshot in lists/ from the official files in ../shared/data/sanctions.
// Needs the compiled readers: run `npx tsc -p tsconfig.json` first.
// Usage: node scripts/build-lists.mjs [dataDir]
//
// Decisions (documented in lists/README.md and docs/lists.md):
// - OFAC SDN: primary names, types, programs and remarks come from sdn.csv of 2024-05-03 (the newest
//   complete copy obtainable); aliases, addresses and the extended remarks from the Dec 2025 alt/add/
//   sdn_comments files. An entity with no row in the Dec 2025 add.csv is dropped: OFAC writes at least
//   one add.csv row for every listed entity, so its absence means it was delisted. Entities designated
//   after 2024-05-03 that have aliases in the Dec 2025 alt.csv are kept under their first alias, with
//   type and programs unknown; those with no alias cannot be screened by name and are left out.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const out = (p) => require(join(process.cwd(), 'out/src/core/screening', p));
const { readOfacCsvSet } = out('readers/ofac.js');
const { readUnXml } = out('readers/un.js');
const { encodeSnapshot } = out('snapshot.js');

const data = process.argv[2] ?? '../shared/data/sanctions';
const file = (p) => ({ name: p, text: readFileSync(join(data, p), 'utf8') });
const sha = (text) => createHash('sha256').update(text).digest('hex');
mkdirSync('lists', { recursive: true });
const manifest = [];

function write(id, header, entities, sources, extra) {
  const text = encodeSnapshot({ list: { id, ...header } }, entities);
  writeFileSync(join('lists', `${id}.json`), text);
  const entry = { file: `${id}.json`, id, ...header, entries: entities.length, bytes: Buffer.byteLength(text), sha256: sha(text), sources, ...extra };
  manifest.push(entry);
  console.log(`${id}: ${entities.length} entities, ${(entry.bytes / 1e6).toFixed(2)} MB`);
}

// OFAC SDN
{
  const files = {
    primary: file('ofac/sdn_2024-05-03/sdn.csv'),
    alt: file('ofac/2025-12/alt.csv'),
    add: file('ofac/2025-12/add.csv'),
    comments: file('ofac/2025-12/sdn_comments.csv'),
  };
  const { entities } = readOfacCsvSet(files, { listId: 'ofac-sdn', includeAliasOnlyEntities: true, commentsLabel: '[Dec 2025 remarks:]' });
  const primaryCount = entities.length - entities.filter((e) => e.type === 'unknown').length;
  const stillListed = new Set(files.add.text.split('\n').map((l) => l.split(',')[0]).filter((s) => /^\d+$/.test(s)));
  const kept = entities.filter((e) => stillListed.has(e.id.split(':')[1]));
  const aliasOnly = kept.filter((e) => e.type === 'unknown').length;
  write(
    'ofac-sdn',
    {
      name: 'OFAC Specially Designated Nationals (SDN) List',
      date: '2024-05-03',
      source: 'U.S. Treasury OFAC legacy CSV: primary names from sdn.csv of 2024-05-03; aliases, addresses, extended remarks and delistings from alt.csv/add.csv/sdn_comments.csv of about 2025-12-24.',
      licence: 'U.S. Government work, public domain (17 U.S.C. §105).',
      notes: `Primary names date from 2024-05-03 while aliases and addresses are from Dec 2025. ${primaryCount - (kept.length - aliasOnly)} entities of the May 2024 file are absent from the Dec 2025 add.csv (delisted) and were dropped. ${aliasOnly} entities designated after May 2024 are included under their first Dec 2025 alias, with type and programs unknown. Entities designated after May 2024 with no alias are not included.`,
    },
    kept,
    [
      { path: 'ofac/sdn_2024-05-03/sdn.csv', sha256: sha(files.primary.text), date: '2024-05-03' },
      { path: 'ofac/2025-12/alt.csv', sha256: sha(files.alt.text), date: '2025-12-24' },
      { path: 'ofac/2025-12/add.csv', sha256: sha(files.add.text), date: '2025-12-24' },
      { path: 'ofac/2025-12/sdn_comments.csv', sha256: sha(files.comments.text), date: '2025-12-24' },
    ],
    { droppedDelisted: primaryCount - (kept.length - aliasOnly), aliasOnly },
  );
}

// OFAC Consolidated (non-SDN)
{
  const dir = 'ofac_consolidated/2025-12/';
  const files = { primary: file(dir + 'cons_prim.csv'), alt: file(dir + 'cons_alt.csv'), add: file(dir + 'cons_add.csv'), comments: file(dir + 'cons_comments.csv') };
  const { entities } = readOfacCsvSet(files, { listId: 'ofac-cons' });
  write(
    'ofac-cons',
    {
      name: 'OFAC Consolidated Sanctions List (non-SDN)',
      date: '2025-12-19',
      source: 'U.S. Treasury OFAC legacy CSV cons_prim/cons_alt/cons_add/cons_comments of about 2025-12-19 (SSI, NS-MBS, CMIC, NS-PLC and other non-SDN programs).',
      licence: 'U.S. Government work, public domain (17 U.S.C. §105).',
    },
    entities,
    Object.values(files).map((f) => ({ path: f.name, sha256: sha(f.text), date: '2025-12-19' })),
  );
}

// UN Security Council Consolidated List
{
  const f = file('un/UN_consolidated.xml');
  const { entities, date } = readUnXml(f.text, f.name);
  write(
    'un',
    {
      name: 'UN Security Council Consolidated List',
      date,
      source: 'UN Security Council consolidated list XML, dateGenerated ' + date + '.',
      licence: 'Official UN document, published for public use under the UN website terms of use; attribution to the United Nations.',
    },
    entities,
    [{ path: f.name, sha256: sha(f.text), date }],
  );
}

writeFileSync('lists/index.json', JSON.stringify({ format: 'clauseguard-lists/1', builtBy: 'scripts/build-lists.mjs', lists: manifest }, null, 2) + '\n');
writeFileSync('lists/README.md', readme(manifest));

function readme(lists) {
  const rows = lists.map((l) => `| \`${l.file}\` | ${l.name} | ${l.date} | ${l.entries.toLocaleString('en')} | ${(l.bytes / 1e6).toFixed(2)} MB | \`${l.sha256}\` |`);
  const sections = lists.map(
    (l) =>
      `## ${l.name} (\`${l.file}\`)\n\n- **List date:** ${l.date}\n- **Source:** ${l.source}\n- **Licence:** ${l.licence}\n` +
      (l.notes ? `- **Caveat:** ${l.notes}\n` : '') +
      `- **Built from** (paths relative to the shared data folder, with the sha256 of each input):\n` +
      l.sources.map((s) => `  - \`${s.path}\` (${s.date}) \`${s.sha256}\``).join('\n') +
      '\n',
  );
  return `# Bundled sanctions lists

GENERATED by \`scripts/build-lists.mjs\` — do not edit by hand. These files are what ClauseGuard screens
against when no other lists are configured. They are a snapshot: **check the dates below** and load newer
official files (see docs/lists.md) before relying on a result.

| File | List | Date | Entities | Size | sha256 |
|---|---|---|---|---|---|
${rows.join('\n')}

**Honest caveat about the OFAC SDN snapshot:** the SDN *primary names* date from **2024-05-03** (the newest
complete \`sdn.csv\` that could be obtained), while its *aliases, addresses and delistings* come from the
**December 2025** companion files. Entities designated after May 2024 appear only through their aliases;
those without an alias are missing. Load a current \`sdn.csv\` set for production screening.

Format: \`clauseguard-list/1\` — one JSON document per list: a header (\`list\`: id, name, date, source,
licence) and \`entities\`, one compact array per line:
\`[id, type, primaryName, aliases, weakAliases, programs, addresses, countries, remarks, identifiers, listedOn]\`
(type: p person, o organisation, v vessel, a aircraft, u unknown; an alias is a string or \`[name, kind]\`).
\`index.json\` lists the files with their sha256.

Rebuild: \`npx tsc -p tsconfig.json && node scripts/build-lists.mjs ../shared/data/sanctions\`.

${sections.join('\n')}`;
}
