import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createSourceDocument } from '../src/core/document/sourceDocument';
import { buildContractModel, clearModelCache } from '../src/core/model/buildModel';
import { measure, type BenchLine } from './harness';

// The contract model (issue 3) of a 100-page contract (≈50,000 words of real contracts concatenated),
// cold (the model cache cleared each run) and after a one-character edit. Baseline, same run: reading
// the file and splitting it into words. Target: model < 10× baseline; the edit no slower than that.

export const title = 'Contract model (issue 3)';

const CONTRACTS = resolve(__dirname, '..', '..', '..', 'shared', 'data', 'contracts');
const WORDS = 50000;

function concatenate(dir: string, ext: string): string {
  const files: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(ext) && !/README/.test(name)) files.push(p);
    }
  };
  walk(dir);
  let text = '';
  let words = 0;
  for (let i = 0; words < WORDS; i = (i + 1) % files.length) {
    const t = readFileSync(files[i], 'utf8');
    text += t + '\n\n';
    words += t.split(/\s+/).length;
  }
  return text;
}

function lines(label: string, text: string, ext: string): BenchLine[] {
  const file = join(mkdtempSync(join(tmpdir(), 'clauseguard-bench-')), `contract${ext}`);
  writeFileSync(file, text);
  const words = text.split(/\s+/).length;
  const baselineMs = measure(() => readFileSync(file, 'utf8').split(/\s+/).length, 21, 5);
  const coldMs = measure(() => {
    clearModelCache();
    return buildContractModel(createSourceDocument(file, readFileSync(file, 'utf8'))).allClauses.length;
  }, 21, 5);
  // One-character edits in the middle of the document, a different one each run (so nothing is reused
  // by accident), as the editor does on a keystroke.
  let k = 0;
  const middle = text.length >> 1;
  const editMs = measure(() => {
    const at = middle + (k++ % 997);
    const edited = text.slice(0, at) + 'x' + text.slice(at);
    return buildContractModel(createSourceDocument(file, edited)).allClauses.length;
  }, 21, 5);
  const model = buildContractModel(createSourceDocument(file, text));
  const note = `${(text.length / 1000).toFixed(0)} KB, ${words} words; ${model.allClauses.length} clauses, ${model.sentences.length} sentences, ${model.definedTerms.length} terms`;
  return [
    { name: `${label}: model, cold`, medianMs: coldMs, baselineMs, ratio: coldMs / baselineMs, target: '< 10× baseline', pass: coldMs < 10 * baselineMs, note },
    { name: `${label}: model after a one-character edit`, medianMs: editMs, baselineMs, ratio: editMs / baselineMs, target: '< 10× baseline', pass: editMs < 10 * baselineMs },
  ];
}

/** For the record (docs/model.md): what a full remark-parse (+GFM, front matter) of the same Markdown costs. */
function remarkReference(text: string): BenchLine {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const { unified } = require('unified') as typeof import('unified');
  const remarkParse = (require('remark-parse') as { default: import('unified').Plugin }).default;
  const remarkGfm = (require('remark-gfm') as { default: import('unified').Plugin }).default;
  const remarkFrontmatter = (require('remark-frontmatter') as { default: import('unified').Plugin }).default;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter);
  const baselineMs = measure(() => text.split(/\s+/).length, 11, 3);
  const ms = measure(() => parser.parse(text), 5, 1);
  return { name: 'reference: remark-parse + GFM of the same Markdown (not used at run time)', medianMs: ms, baselineMs, ratio: ms / baselineMs };
}

export function run(): BenchLine[] {
  const markdown = concatenate(join(CONTRACTS, 'markdown'), '.md');
  return [
    ...lines('100-page plain-text contract (CUAD)', concatenate(join(CONTRACTS, 'cuad'), '.txt'), '.txt'),
    ...lines('100-page Markdown contract (Common Paper, GitHub, OpenGov)', markdown, '.md'),
    remarkReference(markdown),
  ];
}
