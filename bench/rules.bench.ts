import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSourceDocument } from '../src/core/document/sourceDocument';
import { buildContractModel } from '../src/core/model/buildModel';
import type { ContractModel } from '../src/core/model/types';
import { sanctionsClauseMissing } from '../src/core/rules/sanctionsClause/sanctionsMissing';
import { sanctionsClauseWeak } from '../src/core/rules/sanctionsClause/sanctionsWeak';
import { subcontractingConsentMissing } from '../src/core/rules/subcontracting/consentMissing';
import { subcontractingConsentWeak } from '../src/core/rules/subcontracting/consentWeak';
import { measure, type BenchLine } from './harness';

// All clause rules (subcontracting-consent-missing, -weak, sanctions-clause-missing, -weak) on a 100-page
// contract, model already built (as the engine reuses it). Target: < 20 ms median. Baseline: one
// case-insensitive regex pass over the same text, measured in the same run.

export const title = 'Clause rules (issues 5 and 14)';

const REPO = resolve(__dirname, '..', '..');
const CUAD = resolve(REPO, '..', 'shared', 'data', 'contracts', 'cuad');
/** ~3,000 characters a page. */
const PAGE = 3000;

function hundredPages(): string {
  // Real contract text: the largest CUAD outsourcing agreement, repeated with renumbered copies until 100 pages.
  const base = readFileSync(join(CUAD, 'MANUFACTURERSSERVICESLTD_06_05_2000-EX-10.14-OUTSOURCING AGREEMENT.txt'), 'utf8');
  let text = '';
  while (text.length < 100 * PAGE) text += base + '\n\n';
  return text.slice(0, 100 * PAGE);
}

const RULES = [subcontractingConsentMissing, subcontractingConsentWeak, sanctionsClauseMissing, sanctionsClauseWeak];

export function run(): BenchLine[] {
  const text = hundredPages();
  const model = buildContractModel(createSourceDocument('bench.txt', text));
  // A fresh object each run so the rules' per-model cache does not hide the work.
  const fresh = (): ContractModel => ({ ...model });
  const rulesMs = measure(() => {
    const m = fresh();
    for (const r of RULES) r.check({ model: m, services: {} });
  }, 25, 5);
  const baselineMs = measure(() => (text.match(/sub-?contract\w*/gi) ?? []).length, 25, 5);
  const md = buildContractModel(createSourceDocument('bench.md', text.replace(/^(\d+(?:\.\d+)*)\s+/gm, '## $1 '), 'markdown'));
  const mdMs = measure(() => {
    const m: ContractModel = { ...md };
    for (const r of RULES) r.check({ model: m, services: {} });
  }, 25, 5);
  return [
    { name: `${RULES.length} clause rules, 100-page plain-text contract (${(text.length / 1000).toFixed(0)} KB, ${model.sentences.length} sentences)`, medianMs: rulesMs, baselineMs, ratio: rulesMs / baselineMs, target: '< 20 ms', pass: rulesMs < 20 },
    { name: `${RULES.length} clause rules, same contract as Markdown`, medianMs: mdMs, baselineMs, ratio: mdMs / baselineMs, target: '< 20 ms', pass: mdMs < 20 },
  ];
}
