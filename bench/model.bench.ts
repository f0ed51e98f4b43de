import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSourceDocument } from '../src/core/document/sourceDocument';
import { buildContractModel, clearModelCache } from '../src/core/model/buildModel';
import { lastParsedBlocks } from '../src/core/model/markdownReader';
import { parseMarkdown } from '../src/core/model/markdownParser';
import { machineSpeed, machineSpeedLine, measure, median, type BenchLine } from './harness';

// The contract model (issues 3 and 16) of a 100-page contract (≈50,000 words of real contracts
// concatenated), cold (every cache cleared) and after a one-character edit.
// - Plain text: against reading the file and splitting it into words (target < 10×).
// - Markdown: against remark-parse + GFM + front matter alone on the same text, measured in turns with the
//   model in the same run (target ≤ 1.3×); after a one-character edit ≤ 20 ms.
// - Plain-prose Markdown (the CUAD contracts as .md) at 1, 2, 5 and 20 MB, cold: linear (10× input ≤ 12×
//   time); and a full `clauseguard check` of the 20 MB file (bundled lists, one process) under 30 s.

export const title = 'Contract model (issues 3 and 16)';

const REPO = resolve(__dirname, '..', '..');
const CONTRACTS = resolve(REPO, '..', 'shared', 'data', 'contracts');
const WORDS = 50000;

function contractFiles(dir: string, ext: string): string[] {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(ext) && !/README/.test(name)) files.push(p);
    }
  };
  walk(dir);
  return files;
}

/** Real contracts concatenated until `words` words or `chars` characters. */
function concatenate(dir: string, ext: string, words = WORDS, chars = Infinity): string {
  const files = contractFiles(dir, ext);
  const parts: string[] = [];
  let w = 0;
  let n = 0;
  for (let i = 0; w < words && n < chars; i = (i + 1) % files.length) {
    const t = readFileSync(files[i], 'utf8');
    parts.push(t);
    w += t.split(/\s+/).length;
    n += t.length + 2;
  }
  const text = parts.join('\n\n') + '\n\n';
  return chars === Infinity ? text : text.slice(0, chars);
}

const model = (file: string, text: string) => buildContractModel(createSourceDocument(file, text)).allClauses.length;
const cold = (file: string, text: string) => {
  clearModelCache();
  return model(file, text);
};

/** One-character edits in the middle of the document, a different one each run, as the editor does on a keystroke. */
function editMs(file: string, text: string): number {
  cold(file, text);
  let k = 0;
  const middle = text.length >> 1;
  return measure(() => {
    const at = middle + (k++ % 997);
    return model(file, text.slice(0, at) + 'x' + text.slice(at));
  }, 21, 5);
}

function plainTextLines(text: string): BenchLine[] {
  const file = join(mkdtempSync(join(tmpdir(), 'clauseguard-bench-')), 'contract.txt');
  writeFileSync(file, text);
  const words = text.split(/\s+/).length;
  const baselineMs = measure(() => readFileSync(file, 'utf8').split(/\s+/).length, 21, 5);
  const coldMs = measure(() => cold(file, readFileSync(file, 'utf8')), 21, 5);
  const edit = editMs(file, text);
  const label = '100-page plain-text contract (CUAD)';
  return [
    { name: `${label}: model, cold`, medianMs: coldMs, baselineMs, ratio: coldMs / baselineMs, target: '< 10× baseline', pass: coldMs < 10 * baselineMs, note: `${(text.length / 1000).toFixed(0)} KB, ${words} words` },
    { name: `${label}: model after a one-character edit`, medianMs: edit, baselineMs, ratio: edit / baselineMs, target: '< 10× baseline', pass: edit < 10 * baselineMs },
  ];
}

function markdownLines(text: string): BenchLine[] {
  const file = 'contract.md';
  // remark alone and the whole model, measured in turns so machine noise hits both alike.
  const remark: number[] = [];
  const built: number[] = [];
  for (let i = 0; i < 13; i++) {
    let t0 = performance.now();
    parseMarkdown(text, true);
    if (i >= 2) remark.push(performance.now() - t0);
    t0 = performance.now();
    cold(file, text);
    if (i >= 2) built.push(performance.now() - t0);
  }
  const remarkMs = median(remark);
  const coldMs = median(built);
  const edit = editMs(file, text);
  const blocksParsed = lastParsedBlocks;
  const m = buildContractModel(createSourceDocument(file, text));
  const label = '100-page Markdown contract (Common Paper, GitHub, OpenGov)';
  return [
    { name: 'remark-parse + GFM + front matter alone, same text (baseline)', medianMs: remarkMs },
    {
      name: `${label}: parse + model, cold`,
      medianMs: coldMs,
      baselineMs: remarkMs,
      ratio: coldMs / remarkMs,
      target: '≤ 1.3× remark alone',
      pass: coldMs <= 1.3 * remarkMs,
      note: `${(text.length / 1000).toFixed(0)} KB; ${m.allClauses.length} clauses, ${m.sentences.length} sentences`,
    },
    { name: `${label}: after a one-character edit`, medianMs: edit, target: '≤ 20 ms', pass: edit <= 20, note: `${blocksParsed} block parsed again` },
  ];
}

function proseLines(prose: string): BenchLine[] {
  const out: BenchLine[] = [];
  const times = new Map<number, number>();
  for (const mb of [1, 2, 5, 20]) {
    const text = prose.slice(0, mb * 1_000_000);
    const ms = measure(() => cold('prose.md', text), mb >= 20 ? 1 : 3, mb >= 20 ? 0 : 1);
    times.set(mb, ms);
    out.push({ name: `plain-prose Markdown, ${mb} MB: parse + model, cold`, medianMs: ms, note: `${(mb / (ms / 1000)).toFixed(2)} MB/s` });
  }
  const growth = times.get(20)! / times.get(2)!;
  out.push({ name: 'plain-prose Markdown, 2 MB → 20 MB (10× input)', medianMs: times.get(20)!, baselineMs: times.get(2)!, ratio: growth, target: '≤ 12× time', pass: growth <= 12 });
  clearModelCache();
  return out;
}

/** The whole CLI on the 20 MB file: lists loaded, every rule run, the report printed. */
function checkLine(prose: string): BenchLine {
  const cli = join(REPO, 'bin', 'clauseguard.js');
  const name = 'full `clauseguard check` of 20 MB of Markdown';
  if (!existsSync(join(REPO, 'dist', 'cli.js'))) return { name, medianMs: 0, note: 'skipped: run `npm run build` first' };
  const file = join(mkdtempSync(join(tmpdir(), 'clauseguard-bench-')), 'prose-20mb.md');
  writeFileSync(file, prose.slice(0, 20_000_000));
  const t0 = performance.now();
  let summary = '';
  try {
    summary = execFileSync(process.execPath, [cli, 'check', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch (e) {
    summary = String((e as { stdout?: string }).stdout ?? ''); // exit 1 = error findings
  }
  const ms = performance.now() - t0;
  return { name, medianMs: ms, target: '< 30 s', pass: ms < 30_000, note: summary.trim().split('\n').pop() };
}

export function run(): BenchLine[] {
  if (!existsSync(CONTRACTS)) return [{ name: 'contract model', medianMs: 0, note: 'skipped: ../shared/data/contracts is not available' }];
  const prose = concatenate(join(CONTRACTS, 'cuad'), '.txt', Infinity, 20_000_000);
  const before = machineSpeed();
  const lines = [...plainTextLines(concatenate(join(CONTRACTS, 'cuad'), '.txt')), ...markdownLines(concatenate(join(CONTRACTS, 'markdown'), '.md')), ...proseLines(prose), checkLine(prose)];
  return [...lines, machineSpeedLine(before, machineSpeed())];
}
