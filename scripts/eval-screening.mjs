// Measures the sanctions matcher on public labelled data and on real contracts, and writes the figures
// into docs/screening.md (between the "figures" markers). Needs the compiled code: `npx tsc -p tsconfig.json`.
// Usage: node scripts/eval-screening.mjs [--data ../shared/data] [--no-write]
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import { CONTEXTS, contractFiles, extraVariants, falseAlarms, isTuningEntity, readVariants, recall } from './lib/textScanEval.mjs';

const require = createRequire(import.meta.url);
const root = process.cwd();
const out = (p) => require(join(root, 'out/src', p));
const { loadLists } = out('node/lists.js');
const { createSourceDocument } = out('core/document/sourceDocument.js');
const { checkDocument } = out('core/index.js');
const { ruleById } = out('core/rules/registry.js');
const { DEFAULT_CONFIG } = out('core/config/checkConfig.js');

const args = process.argv.slice(2);
const data = args.includes('--data') ? args[args.indexOf('--data') + 1] : '../shared/data';
const textOnly = args.includes('--text-only');
const write = !args.includes('--no-write') && !textOnly;
// --misses FILE: writes the tuning half's misses and the tuning contracts' alarms there (never the held-out ones).
const missesFile = args.includes('--misses') ? args[args.indexOf('--misses') + 1] : undefined;
const THRESHOLD = DEFAULT_CONFIG.screeningBands.info;

const t0 = performance.now();
const loaded = loadLists();
const screener = loaded.screener;
const lines = [];
const say = (s = '') => {
  lines.push(s);
  console.log(s);
};

say(`Measured ${new Date().toISOString().slice(0, 10)} with \`npm run eval:screening\` (node ${process.version}). Lists: ${loaded.lists.map((l) => `${l.id} ${l.date} (${l.entries} entries)`).join(', ')}.`);
say('');

// --- CSV helper (quoted fields) ---
function csv(text) {
  const rows = [];
  let row = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') (f += '"'), i++;
      else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') row.push(f), (f = '');
    else if (c === '\n') row.push(f.replace(/\r$/, '')), rows.push(row), (row = []), (f = '');
    else f += c;
  }
  if (f || row.length) row.push(f), rows.push(row);
  const [head, ...body] = rows.filter((r) => r.length > 1 || r[0]);
  return body.map((r) => Object.fromEntries(head.map((h, k) => [h, r[k] ?? ''])));
}
const pct = (x) => (x * 100).toFixed(1) + '%';
const f3 = (x) => (Number.isFinite(x) ? x.toFixed(3) : 'n/a');

// --- 1. nomenklatura cases.csv ---
if (!textOnly) {
  const cases = csv(readFileSync(join(data, 'name-matching/nomenklatura/cases.csv'), 'utf8'));
  const scored = cases.map((c) => ({ ...c, score: screener.scorePair(c.name1, c.name2, c.schema).score, truth: c.is_match === 'true' }));
  const prf = (rows, th) => {
    let tp = 0, fp = 0, fn = 0, tn = 0;
    for (const r of rows) {
      const p = r.score >= th;
      if (p && r.truth) tp++;
      else if (p) fp++;
      else if (r.truth) fn++;
      else tn++;
    }
    const P = tp / (tp + fp), R = tp / (tp + fn);
    return { P, R, F: (2 * P * R) / (P + R), tp, fp, fn, tn, n: rows.length };
  };
  say(`### Labelled name pairs (nomenklatura cases.csv, ${cases.length} pairs)`);
  say('');
  say(`Each pair scored with \`Screener.scorePair\` (the same scorer the search box and the text scan use, with the bundled lists' word weights). A pair counts as a predicted match at score ≥ ${THRESHOLD} (the default info band, the lowest score ClauseGuard reports).`);
  say('');
  say('| Subset | Pairs | Precision | Recall | F1 | TP | FP | FN | TN |');
  say('|---|---|---|---|---|---|---|---|---|');
  const schemas = [...new Set(scored.map((r) => r.schema))].sort();
  for (const [label, rows] of [['All', scored], ...schemas.map((s) => [s, scored.filter((r) => r.schema === s)])]) {
    const m = prf(rows, THRESHOLD);
    say(`| ${label} | ${m.n} | ${f3(m.P)} | ${f3(m.R)} | **${f3(m.F)}** | ${m.tp} | ${m.fp} | ${m.fn} | ${m.tn} |`);
  }
  say('');
  say('Other thresholds (all pairs): ' + [0.5, 0.6, 0.8, 0.9].map((th) => { const m = prf(scored, th); return `${th}: P ${f3(m.P)} R ${f3(m.R)} F1 ${f3(m.F)}`; }).join(' · ') + '.');
  const strong = scored.filter((r) => r.quality === 'STRONG');
  const strongWrong = strong.filter((r) => (r.score >= THRESHOLD) !== r.truth);
  say(`STRONG-quality pairs wrong: ${strongWrong.length} of ${strong.length}${strongWrong.length ? ' — ' + strongWrong.slice(0, 8).map((r) => `"${r.name1}" / "${r.name2}" (${r.truth ? 'match' : 'no match'}, score ${r.score})`).join('; ') : ''}.`);
  say('For reference, OpenSanctions logic-v2 on (an earlier 812-row version of) the same file: F1 0.790 overall, 0.856 on companies (from logicv2-frozen.csv at 0.70).');
  say('');
}

// --- 2. OFAC Sanctions List Search fixtures ---
if (!textOnly) {
  const rows = csv(readFileSync(join(data, 'name-matching/nomenklatura/ofac_fixtures.csv'), 'utf8'));
  let abs = 0, within10 = 0, agree = 0, ofac100 = 0, ours90of100 = 0;
  const byQuery = new Map();
  for (const r of rows) {
    const ours = screener.scorePair(r.query_name, r.result_name).score * 100;
    const ofac = Number(r.ofac_score);
    abs += Math.abs(ours - ofac);
    if (Math.abs(ours - ofac) <= 10) within10++;
    if ((ours >= 90) === (ofac >= 90)) agree++;
    if (ofac === 100) {
      ofac100++;
      if (ours >= 90) ours90of100++;
    }
    const g = byQuery.get(r.query_name) ?? [];
    g.push({ ours, ofac });
    byQuery.set(r.query_name, g);
  }
  let top = 0;
  for (const g of byQuery.values()) {
    const bestOfac = Math.max(...g.map((x) => x.ofac));
    const bestOurs = g.reduce((a, b) => (b.ours > a.ours ? b : a));
    if (bestOurs.ofac === bestOfac) top++;
  }
  say(`### Agreement with OFAC Sanctions List Search (ofac_fixtures.csv, ${rows.length} query/result pairs, ${byQuery.size} queries)`);
  say('');
  say(`- OFAC's exact hits (score 100): ClauseGuard scores ${ours90of100} of ${ofac100} at 0.90 or more (${pct(ours90of100 / ofac100)}).`);
  say(`- Same best result for the query (among the results OFAC returned): ${top} of ${byQuery.size} queries (${pct(top / byQuery.size)}).`);
  say(`- Scores: mean absolute difference ${(abs / rows.length).toFixed(1)} points (0–100); within ±10 points ${pct(within10 / rows.length)}; same side of 90 ${pct(agree / rows.length)}.`);
  say('');
  say('The scores differ by design: OFAC ignores unmatched listed words and words of two letters or fewer, so it scores first-name-only hits such as "VLADIMIR PUTIN" → "VLADIMIR BILIY" at 90 and "KIM JONG UN" → five different people at 100; ClauseGuard penalises unmatched and conflicting words, so those score far lower.');
  say('');
}

// --- 3. yente query sets against the bundled index ---
if (!textOnly) {
  say(`### Person queries against the bundled index (yente fixtures; a hit = any entity at score ≥ ${THRESHOLD})`);
  say('');
  say('| Query set | Queries | Expected | Hit rate | Mean ms/query |');
  say('|---|---|---|---|---|');
  const sets = [
    ['positives_un_untreated.csv', 'listed (UN) — recall'],
    ['positives_un_treated.csv', 'listed, with typos/reordering — recall'],
    ['positives_us_congress_untreated.csv', 'not listed (US Congress members) — false-positive rate'],
    ['validation_report/negatives_global.csv', 'not listed — false-positive rate'],
    ['validation_report/negatives_us.csv', 'not listed — false-positive rate'],
  ];
  for (const [file, expected] of sets) {
    const rows = csv(readFileSync(join(data, 'name-matching/yente', file), 'utf8')).filter((r) => r.full_name);
    let hits = 0;
    const t = performance.now();
    for (const r of rows) if (screener.search(r.full_name, { limit: 1, minScore: THRESHOLD }).length) hits++;
    const ms = (performance.now() - t) / rows.length;
    say(`| ${basename(file)} | ${rows.length} | ${expected} | ${pct(hits / rows.length)} | ${ms.toFixed(2)} |`);
  }
  say('');
}

// --- 4. Real contracts: every sanctioned-party / sanctioned-jurisdiction finding ---
const tuningAlarms = [];
{
  const files = contractFiles(data);
  const rules = [ruleById('sanctioned-party'), ruleById('sanctioned-jurisdiction'), ruleById('bidi-control')];
  const found = [];
  let words = 0;
  const t = performance.now();
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    words += text.split(/\s+/).length;
    const r = checkDocument(createSourceDocument(f, text), { rules, services: { screener } });
    for (const x of r.findings) found.push({ file: f.slice(f.indexOf('contracts/') + 10), ...x });
  }
  const ms = performance.now() - t;
  const party = found.filter((x) => x.rule === 'sanctioned-party');
  const serious = party.filter((x) => x.severity !== 'info');
  // Tuning subset: every other contract (by sorted path; as in scripts/build-contract-words.mjs).
  const tuningFiles = new Set(files.filter((_, k) => k % 2 === 0).map((f) => f.slice(f.indexOf('contracts/') + 10)));
  for (const x of party) if (tuningFiles.has(x.file)) tuningAlarms.push(`${x.severity} ${x.file}: “${x.text}” → ${x.match.entity.id} ${x.match.name} ${x.match.score}: ${x.match.explanation}`);
  say(`### Real contracts (${files.length} files, ${words.toLocaleString('en')} words: CUAD + Markdown agreements)`);
  say('');
  const seriousTuning = serious.filter((x) => tuningFiles.has(x.file)).length;
  say(`sanctioned-party: ${serious.length} warning/error findings (${seriousTuning} in the ${tuningFiles.size} tuning contracts — every other file, the only ones \`contractWords.generated.ts\` was built from — and ${serious.length - seriousTuning} in the other ${files.length - tuningFiles.size}), ${party.length - serious.length} info findings. Checked in ${(ms / 1000).toFixed(1)} s including parsing.`);
  say('');
  if (serious.length) {
    say('| File | Text | Severity | Matched entry | Score |');
    say('|---|---|---|---|---|');
    for (const x of serious) say(`| ${x.file} | ${x.text.replace(/\s+/g, ' ').replace(/\|/g, '\\|')} | ${x.severity} | ${x.match.entity.id} ${x.match.name} | ${x.match.score} |`);
    say('');
  }
  const info = party.filter((x) => x.severity === 'info');
  if (info.length) {
    const groups = new Map();
    for (const x of info) {
      const key = `“${x.text.replace(/\s+/g, ' ')}” → ${x.match.entity.id} ${x.match.name} (${x.match.score})`;
      const g = groups.get(key) ?? { n: 0, files: new Set() };
      g.n++;
      g.files.add(x.file.split('/').pop().slice(0, 40));
      groups.set(key, g);
    }
    say('Info findings (below the warning band), grouped:');
    say('');
    for (const [k, g] of [...groups].sort((a, b) => b[1].n - a[1].n)) say(`- ${k}: ${g.n}× in ${[...g.files].join(', ')}`);
    say('');
  }
  const jur = found.filter((x) => x.rule === 'sanctioned-jurisdiction');
  say(`sanctioned-jurisdiction: ${jur.length} findings${jur.length ? ': ' + jur.map((x) => `${x.file} “${x.text}”`).join('; ') : ''}.`);
  const bidi = found.filter((x) => x.rule === 'bidi-control');
  say(`bidi-control: ${bidi.length} findings${bidi.length ? ': ' + bidi.map((x) => x.file).join('; ') : ''}.`);
  say('');
}
// --- 5. Listed names written into contract text (issue 13) ---
{
  const rules = [ruleById('sanctioned-party')];
  const check = (name, text) => checkDocument(createSourceDocument(name, text), { rules, services: { screener } }).findings;
  const dev = readVariants(join(data, 'name-matching/clauseguard-variants/positives.tsv'));
  const tuning = dev.filter((v) => isTuningEntity(v.ent));
  const held = dev.filter((v) => !isTuningEntity(v.ent));
  // Confirmation variants from entities of the held-out side of the split only; a second, tuning set
  // (other seed, tuning side) is only ever written to the --misses file.
  const extra = extraVariants(data, new Set(dev.map((v) => v.ent)), 40, 13, (e) => !isTuningEntity(e) && !!screener.entityById(`ofac-sdn:${e}`));
  const t = performance.now();
  const rTune = recall(check, tuning);
  const rHeld = recall(check, held);
  const rExtra = recall(check, extra, ['sentence', 'preamble']);
  const contexts = Object.keys(CONTEXTS);
  const sum = (kinds) => [...kinds.values()].reduce((a, k) => ({ n: a.n + k.n, found: a.found + k.found }), { n: 0, found: 0 });
  const merged = (ctx) => {
    const m = new Map();
    for (const r of [rTune, rHeld]) for (const [kind, k] of r.byContext[ctx]) {
      const x = m.get(kind) ?? { n: 0, found: 0 };
      m.set(kind, { n: x.n + k.n, found: x.found + k.found });
    }
    return m;
  };
  const cell = (k) => (k ? `${k.found}/${k.n} (${pct(k.found / k.n)})` : '—');
  say(`### Listed names written into contract text (development set, ${dev.length} variants of ${new Set(dev.map((v) => v.ent)).size} entities)`);
  say('');
  say(`Each variant of \`clauseguard-variants/positives.tsv\` written into five contract contexts and checked with the \`sanctioned-party\` rule; found = a warning or error naming the variant's SDN entry. The set is split by entity (a stable hash of the entity number): ${tuning.length} variants of ${new Set(tuning.map((v) => v.ent)).size} entities to tune on, ${held.length} of ${new Set(held.map((v) => v.ent)).size} held out. Contexts: **sentence** \`4.1 Studio may engage <name> as a production partner …\`; **preamble** \`… between Northwind Animation Ltd. (the “Producer”), and <name> (the “Supplier”).\`; **signature** block \`SUPPLIER\` / name / \`By: ____\`; Markdown **table** row; **address** block of a notices clause.`);
  say('');
  say(`| Change | ${contexts.join(' | ')} |`);
  say(`|---|${contexts.map(() => '---').join('|')}|`);
  const kinds = [...merged('sentence').keys()].sort();
  for (const kind of kinds) say(`| ${kind} | ${contexts.map((c) => cell(merged(c).get(kind))).join(' | ')} |`);
  say(`| **all** | ${contexts.map((c) => `**${cell(sum(merged(c)))}**`).join(' | ')} |`);
  say(`| tuning half | ${contexts.map((c) => cell(sum(rTune.byContext[c]))).join(' | ')} |`);
  say(`| held-out half | ${contexts.map((c) => cell(sum(rHeld.byContext[c]))).join(' | ')} |`);
  say('');
  say(`Confirmation on variants made here (\`scripts/lib/textScanEval.mjs\`, seeded) from ${new Set(extra.map((v) => v.ent)).size} other SDN entities (primary names of two words or more in the 2024-05-03 sdn.csv that are in the bundled lists, not in the development set, from the held-out side of the split, never used for tuning), same change kinds:`);
  say('');
  say('| Change | sentence | preamble |');
  say('|---|---|---|');
  for (const kind of [...rExtra.byContext.sentence.keys()].sort()) say(`| ${kind} | ${cell(rExtra.byContext.sentence.get(kind))} | ${cell(rExtra.byContext.preamble.get(kind))} |`);
  say(`| **all** | **${cell(sum(rExtra.byContext.sentence))}** | **${cell(sum(rExtra.byContext.preamble))}** |`);
  say('');
  const csvNames = (f) => csv(readFileSync(join(data, 'name-matching/yente', f), 'utf8')).map((r) => r.full_name).filter(Boolean);
  const negatives = [...csvNames('validation_report/negatives_global.csv'), ...csvNames('validation_report/negatives_us.csv')];
  const congress = csvNames('positives_us_congress_untreated.csv');
  const negAlarms = falseAlarms(check, negatives);
  const conAlarms = falseAlarms(check, congress);
  say('False alarms at warning or error with unlisted names written as the Supplier (`This Agreement is made between Northwind Animation Ltd. (the “Producer”) and <name> (the “Supplier”). …`):');
  say('');
  say(`- yente negatives (negatives_global.csv + negatives_us.csv): **${negAlarms.length} of ${negatives.length} (${pct(negAlarms.length / negatives.length)})**${negAlarms.length ? ' — ' + negAlarms.slice(0, 6).map((a) => `“${a.name}” → ${a.got}`).join('; ') : ''}`);
  say(`- US Congress members (positives_us_congress_untreated.csv): **${conAlarms.length} of ${congress.length} (${pct(conAlarms.length / congress.length)})**${conAlarms.length ? ' — ' + conAlarms.slice(0, 6).map((a) => `“${a.name}” → ${a.got}`).join('; ') : ''}`);
  say('');
  say(`Text evaluation time ${((performance.now() - t) / 1000).toFixed(1)} s.`);
  say('');
  if (missesFile) {
    const extraTune = recall(check, extraVariants(data, new Set(dev.map((v) => v.ent)), 40, 14, (e) => isTuningEntity(e) && !!screener.entityById(`ofac-sdn:${e}`)), ['sentence']);
    console.log('extra tuning variants (sentence):', [...extraTune.byContext.sentence].map(([k, v]) => `${k} ${v.found}/${v.n}`).join(', '));
    const tuneNeg = negAlarms.filter((_, k) => k % 2 === 0).concat(conAlarms.filter((_, k) => k % 2 === 0));
    writeFileSync(missesFile, [
      '# tuning extra misses', ...extraTune.misses.map((m) => `${m.ctx}\t${m.ent}\t${m.change}\t${JSON.stringify(m.variant)}\t${m.got}`),
      '# tuning misses', ...rTune.misses.map((m) => `${m.ctx}\t${m.ent}\t${m.change}\t${JSON.stringify(m.variant)}\t${m.got}`),
      '# tuning contract findings', ...tuningAlarms,
      '# tuning negative alarms (every other)', ...tuneNeg.map((a) => `${a.name}\t${a.got}`),
    ].join('\n') + '\n');
  }
}
say(`Total evaluation time ${((performance.now() - t0) / 1000).toFixed(1)} s (list loading ${loaded.loadMs.toFixed(0)} ms).`);

if (write) {
  const path = join(root, 'docs/screening.md');
  let doc;
  try {
    doc = readFileSync(path, 'utf8');
  } catch {
    doc = '# Sanctions screening\n\n<!-- figures:start -->\n<!-- figures:end -->\n';
  }
  const start = doc.indexOf('<!-- figures:start -->');
  const end = doc.indexOf('<!-- figures:end -->');
  if (start < 0 || end < 0) throw new Error('docs/screening.md lacks the <!-- figures:start --> / <!-- figures:end --> markers');
  writeFileSync(path, doc.slice(0, start) + '<!-- figures:start -->\n' + lines.join('\n') + '\n' + doc.slice(end));
  console.log('\nwrote docs/screening.md');
}
