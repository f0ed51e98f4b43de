import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import Fuse from 'fuse.js';
import { createSourceDocument } from '../src/core/document/sourceDocument';
import { checkDocument } from '../src/core/index';
import { sanctionedParty } from '../src/core/rules/sanctionedMentions/sanctionedParty';
import { decodeSnapshot } from '../src/core/screening/snapshot';
import { loadLists } from '../src/node/lists';
import { machineSpeed, machineSpeedLine, measure, median, type BenchLine } from './harness';

// Sanctions screening (issue 4). A 100-page contract (≈50,000 words of real CUAD contracts concatenated)
// screened against every bundled list (OFAC SDN, OFAC non-SDN, UN: ~16,000 entities, ~41,000 names).
// Baseline, same run: reading the text and splitting it into Unicode words. Targets: screening < 5×
// baseline and < 50 ms; loading + indexing the bundled lists < 300 ms. Also: memory of the loaded index,
// and the naive approach (fuse.js over every listed name, per phrase) on a sample of phrases.

export const title = 'Sanctions screening (issue 4)';

const CUAD = resolve(__dirname, '..', '..', '..', 'shared', 'data', 'contracts', 'cuad');
const WORDS = 50000;

function contract(): string {
  const files = readdirSync(CUAD).filter((f) => f.endsWith('.txt') && !/README/.test(f)).sort();
  let text = '';
  let words = 0;
  for (let i = 0; words < WORDS; i++) {
    const t = readFileSync(join(CUAD, files[i % files.length]), 'utf8');
    text += t + '\n\n';
    words += t.split(/\s+/).length;
  }
  return text;
}

/**
 * Runs baseline and subject alternately so both see the same machine load; returns their medians and
 * the median of the per-pair ratios (robust when other processes compete for the CPU).
 */
function measurePair(baseline: () => unknown, subject: () => unknown, runs: number, warmup = 2): { base: number; ms: number; ratio: number } {
  for (let i = 0; i < warmup; i++) {
    baseline();
    subject();
  }
  const b: number[] = [];
  const s: number[] = [];
  const r: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    baseline();
    const tb = performance.now() - t0;
    t0 = performance.now();
    subject();
    const ts = performance.now() - t0;
    b.push(tb);
    s.push(ts);
    r.push(ts / tb);
  }
  return { base: median(b), ms: median(s), ratio: median(r) };
}

function gcFunction(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose_gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

export function run(): BenchLine[] {
  const gc = gcFunction();
  const text = contract();
  const loopBefore = machineSpeed();
  const words = text.split(/\s+/).length;
  const out: BenchLine[] = [];

  // Loading, as at start-up: a fresh Node process reads the snapshot files, builds the index and the typo
  // neighbourhood (built on first use, so a first screening is included). Baseline, in the same child:
  // reading the three files and decoding them to text (what any loader must do at least).
  const cold = coldLoads(7);
  out.push({
    name: 'load bundled lists + build index (fresh process, incl. typo neighbourhood)',
    medianMs: cold.ms,
    baselineMs: cold.base,
    ratio: cold.ms / cold.base,
    target: '< 300 ms',
    pass: cold.ms < 300,
    note: `median of ${cold.runs} fresh processes (module loading, ${cold.require.toFixed(0)} ms, not included); baseline: reading the snapshot files as UTF-8 text`,
  });
  const warm = measurePair(
    () => readSnapshotsAsText(),
    () => loadLists().screener.screenText('Warm-up: SEK Studio of Pyongyang.'),
    5,
    1,
  );
  out.push({ name: 'same, again in a warm process (reloading lists after a settings change)', medianMs: warm.ms, baselineMs: warm.base, ratio: warm.ratio });

  gc?.();
  const before = process.memoryUsage().heapUsed;
  const loaded = loadLists();
  loaded.screener.screenText('Warm-up: SEK Studio of Pyongyang.');
  gc?.();
  const heapMb = (process.memoryUsage().heapUsed - before) / 1e6;
  const screener = loaded.screener;
  out.push({ name: 'memory of the loaded lists and index', medianMs: 0, note: `${heapMb.toFixed(0)} MB heap${gc ? '' : ' (no gc available: approximate)'}; ${screener.entityCount} entities, ${screener.nameCount} names` });

  // Screening the contract.
  const scan = measurePair(
    () => text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0,
    () => screener.screenText(text).length,
    25,
  );
  const mentions = screener.screenText(text).length;
  out.push({
    name: `screen a 100-page contract (${words} words) against all bundled lists`,
    medianMs: scan.ms,
    baselineMs: scan.base,
    ratio: scan.ratio,
    target: '< 5× baseline and < 50 ms',
    pass: scan.ratio < 5 && scan.ms < 50,
    note: `baseline: splitting the same text into words (runs alternate; ratio = median of per-run ratios); ${mentions} mentions ≥ 0.7`,
  });
  const scanMs = scan.ms;
  const baselineMs = scan.base;
  const doc = createSourceDocument('contract.txt', text);
  const ruleMs = measure(() => checkDocument(doc, { rules: [sanctionedParty], services: { screener } }).findings.length, 7, 2);
  out.push({ name: 'same contract through checkDocument (model + sanctioned-party rule)', medianMs: ruleMs, baselineMs, ratio: ruleMs / baselineMs });

  // Cold start (issue 13): the first check of the contract in a fresh process, after the lists are loaded
  // and a one-paragraph check, against the same process's warm checks (median of the next 5).
  const first = coldFirstChecks(text, 5);
  out.push({
    name: 'first check of the 100-page contract in a fresh process (cold) vs warm checks there',
    medianMs: first.cold,
    baselineMs: first.warm,
    ratio: first.ratio,
    target: '≤ 2× warm',
    pass: first.ratio <= 2,
    note: `median of ${first.runs} fresh processes; each: load lists, check one paragraph, then time the contract's first checkDocument and the median of 5 more`,
  });

  // Search box: one name query.
  const searchMs = measure(() => screener.search('Yanbian Silver Star Network Technology').length, 51, 5);
  out.push({ name: 'search one name (interactive search)', medianMs: searchMs });

  // The naive approach: fuse.js over every listed name, once per candidate phrase.
  const names = loaded.screener.nameCount;
  const all = namesFromSnapshot();
  const fuse = new Fuse(all, { includeScore: true });
  const tokens = text.split(/\s+/).filter(Boolean);
  const sample: string[] = [];
  for (let i = 0; sample.length < 10; i += Math.floor(tokens.length / 10)) sample.push(tokens.slice(i, i + 3).join(' '));
  const fuseTimes = sample.map((p) => {
    const t0 = performance.now();
    fuse.search(p, { limit: 5 });
    return performance.now() - t0;
  });
  const perPhrase = median(fuseTimes);
  const phrases = tokens.length;
  const projectedS = (perPhrase * phrases) / 1000;
  out.push({
    name: `naive fuse.js over all ${all.length} names, per phrase (sample of ${sample.length})`,
    medianMs: perPhrase,
    note: `projected for the contract (${phrases} phrases): ${projectedS.toFixed(0)} s = ${(projectedS * 1000 / scanMs).toFixed(0)}× the indexed scan (${names} names indexed)`,
  });
  // Machine speed reference: a fixed CPU-bound loop, before and after (about 80 ms on an idle machine).
  const loopAfter = machineSpeed();
  out.push(machineSpeedLine(loopBefore, loopAfter));
  return out;
}

const LISTS_DIR = resolve(__dirname, '..', '..', 'lists');

function readSnapshotsAsText(): number {
  let n = 0;
  for (const f of readdirSync(LISTS_DIR)) if (f.endsWith('.json')) n += readFileSync(join(LISTS_DIR, f), 'utf8').length;
  return n;
}

/** Loads the lists in `runs` fresh Node processes; medians of load time, baseline and module loading. */
function coldLoads(runs: number): { ms: number; base: number; require: number; runs: number } {
  const script = `
    const { readdirSync, readFileSync } = require('node:fs');
    const t0 = performance.now();
    const { loadLists } = require(${JSON.stringify(resolve(__dirname, '..', 'src', 'node', 'lists.js'))});
    const t1 = performance.now();
    const l = loadLists();
    l.screener.screenText('Warm-up: SEK Studio of Pyongyang.');
    const t2 = performance.now();
    const dir = ${JSON.stringify(LISTS_DIR)};
    for (const f of readdirSync(dir)) if (f.endsWith('.json')) readFileSync(dir + '/' + f, 'utf8');
    const t3 = performance.now();
    console.log(JSON.stringify({ require: t1 - t0, load: t2 - t1, base: t3 - t2 }));`;
  const r: { require: number; load: number; base: number }[] = [];
  for (let i = 0; i < runs; i++) r.push(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
  return { ms: median(r.map((x) => x.load)), base: median(r.map((x) => x.base)), require: median(r.map((x) => x.require)), runs };
}

/** In `runs` fresh processes: the first checkDocument of `text` after a one-paragraph check, and the warm median. */
function coldFirstChecks(text: string, runs: number): { cold: number; warm: number; ratio: number; runs: number } {
  const file = join(tmpdir(), `clauseguard-bench-contract-${process.pid}.txt`);
  writeFileSync(file, text);
  const out = (p: string) => JSON.stringify(resolve(__dirname, '..', 'src', p));
  const script = `
    const { readFileSync } = require('node:fs');
    const { loadLists } = require(${out('node/lists.js')});
    const { createSourceDocument } = require(${out('core/document/sourceDocument.js')});
    const { checkDocument } = require(${out('core/index.js')});
    const { sanctionedParty } = require(${out('core/rules/sanctionedMentions/sanctionedParty.js')});
    const services = { screener: loadLists().screener };
    const run = (name, t) => checkDocument(createSourceDocument(name, t), { rules: [sanctionedParty], services }).findings.length;
    run('p.txt', 'The Studio may engage SEK Studio of Pyongyang to draw the in-between frames.');
    const text = readFileSync(${JSON.stringify(file)}, 'utf8');
    const t0 = performance.now();
    run('c.txt', text);
    const cold = performance.now() - t0;
    const warm = [];
    for (let i = 0; i < 5; i++) { const t = performance.now(); run('c.txt', text); warm.push(performance.now() - t); }
    warm.sort((a, b) => a - b);
    console.log(JSON.stringify({ cold, warm: warm[2] }));`;
  const r: { cold: number; warm: number }[] = [];
  try {
    for (let i = 0; i < runs; i++) r.push(JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })));
  } finally {
    rmSync(file, { force: true });
  }
  const cold = median(r.map((x) => x.cold));
  const warm = median(r.map((x) => x.warm));
  return { cold, warm, ratio: median(r.map((x) => x.cold / x.warm)), runs };
}

/** Every primary name and strong alias in the bundled snapshot, as plain strings for fuse.js. */
function namesFromSnapshot(): string[] {
  const out: string[] = [];
  for (const f of ['ofac-sdn.json', 'ofac-cons.json', 'un.json']) {
    const text = readFileSync(join(LISTS_DIR, f), 'utf8');
    for (const e of decodeSnapshot(text, f, '').entities) out.push(e.primaryName, ...e.aliases.filter((a) => a.quality === 'strong').map((a) => a.name));
  }
  return out;
}
