import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSourceDocument, type SourceDocument } from '../../../src/core/document/sourceDocument';
import { checkDocument } from '../../../src/core/index';
import { loadTestScreener } from '../helpers/screener';
import { sharedDataAvailable } from '../helpers/sharedData';
import { CONTRACTS, corpusFiles } from './corpus';
import { difference, lineScannerModel, modelSummary, remarkModel } from './readerComparison';

// Issue 16: the model read through remark against the model the old line scanner built, on the 20 real
// Markdown contracts and the samples: same clause tree, title, parties and findings. Differences that
// are the scanner's errors are listed (with the reason) in EXPLAINED; anything else fails. The result is
// recorded in docs/model.md ("Old and new readers compared").

const SAMPLES = join(__dirname, '..', '..', '..', '..', 'samples');

/** file → the items that may differ, each with why the new reading is the right one. */
const EXPLAINED: Record<string, { onlyOld?: string[]; onlyNew?: string[]; why: string }> = {};

function documents(): SourceDocument[] {
  const docs = ['animation-production-agreement.md', 'design-services-agreement.contract.md'].map((f) => createSourceDocument(f, readFileSync(join(SAMPLES, f), 'utf8')));
  if (sharedDataAvailable()) for (const f of corpusFiles().filter((x) => x.endsWith('.md'))) docs.push(createSourceDocument(f, readFileSync(join(CONTRACTS, f), 'utf8')));
  return docs;
}

describe('Markdown read through remark: same model as the old line scanner', function () {
  this.timeout(300000);
  const docs = documents();
  const screener = loadTestScreener();
  if (!sharedDataAvailable()) console.log('      (only the samples: ../shared is not available)');

  it('has the same clause tree, title and parties on every real Markdown contract and sample', () => {
    const unexplained: string[] = [];
    let clauses = 0;
    for (const doc of docs) {
      const old = modelSummary(lineScannerModel(doc));
      const now = modelSummary(remarkModel(doc));
      clauses += now.clauses.length;
      const ok = EXPLAINED[doc.uri];
      const d = difference(old.clauses, now.clauses);
      const p = difference(old.parties, now.parties);
      const onlyOld = [...d.onlyA, ...p.onlyA].filter((x) => !ok?.onlyOld?.includes(x));
      const onlyNew = [...d.onlyB, ...p.onlyB].filter((x) => !ok?.onlyNew?.includes(x));
      if (old.title !== now.title) unexplained.push(`${doc.uri}: title ${JSON.stringify(old.title)} → ${JSON.stringify(now.title)}`);
      for (const x of onlyOld) unexplained.push(`${doc.uri}: only the old scanner: ${x}`);
      for (const x of onlyNew) unexplained.push(`${doc.uri}: only remark: ${x}`);
    }
    console.log(`      ${docs.length} documents, ${clauses} clauses compared`);
    assert.ok(clauses > (sharedDataAvailable() ? 1000 : 20), `compared ${clauses} clauses`);
    assert.deepEqual(unexplained, []);
  });

  it('gives the same findings (rule, place and message) on every real Markdown contract and sample', () => {
    const unexplained: string[] = [];
    let findings = 0;
    for (const doc of docs) {
      const show = (model: ReturnType<typeof remarkModel>) =>
        checkDocument(doc, { model, services: { screener } }).findings.map((f) => `${f.rule} ${doc.lines.positionAt(f.span.start).line + 1}:${f.span.start}-${f.span.end} ${f.message}`);
      const old = show(lineScannerModel(doc));
      const now = show(remarkModel(doc));
      findings += now.length;
      const d = difference(old, now);
      for (const x of d.onlyA) unexplained.push(`${doc.uri}: only with the old scanner: ${x.slice(0, 200)}`);
      for (const x of d.onlyB) unexplained.push(`${doc.uri}: only with remark: ${x.slice(0, 200)}`);
    }
    console.log(`      ${findings} findings compared`);
    assert.ok(findings > (sharedDataAvailable() ? 10 : 3), `compared ${findings} findings`);
    assert.deepEqual(unexplained, []);
  });
});
