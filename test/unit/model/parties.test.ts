import { describeShared } from '../helpers/sharedData';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildContractModel } from '../../../src/core/model/buildModel';
import type { Party } from '../../../src/core/model/types';
import { REPO, sharedDataAvailable } from '../helpers/sharedData';
import { loadContract } from './corpus';

interface Expected {
  file: string;
  parties: { name: string; role?: string }[];
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim().replace(/[.,]+$/, '').toLowerCase();

/** A contract counts as correct when the model lists exactly the expected parties, each with its role. */
export function partiesCorrect(found: Party[], expected: Expected['parties']): boolean {
  if (found.length !== expected.length) return false;
  return expected.every((e) => found.some((f) => norm(f.name) === norm(e.name) && (f.role ?? '').toLowerCase() === (e.role ?? '').toLowerCase()));
}

describeShared('parties and roles on a hand-checked sample of 30 real contracts', function () {
  const fixture = JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'parties-expected.json'), 'utf8')) as { contracts: Expected[] };

  before(function () {
    if (!sharedDataAvailable()) this.skip();
  });

  it('has 30 hand-checked contracts', () => {
    assert.equal(fixture.contracts.length, 30);
  });

  it('gets parties and roles right on at least 90% of them', () => {
    const wrong: string[] = [];
    for (const c of fixture.contracts) {
      const model = buildContractModel(loadContract(c.file));
      if (!partiesCorrect(model.parties, c.parties)) {
        wrong.push(`${c.file}: expected ${c.parties.map((p) => `${p.name} (${p.role})`).join('; ')} — got ${model.parties.map((p) => `${p.name} (${p.role ?? '-'})`).join('; ')}`);
      }
    }
    const rate = (fixture.contracts.length - wrong.length) / fixture.contracts.length;
    console.log(`      party accuracy: ${(rate * 100).toFixed(1)}% (${fixture.contracts.length - wrong.length}/${fixture.contracts.length})`);
    assert.ok(rate >= 0.9, `party accuracy ${(rate * 100).toFixed(1)}% < 90%:\n${wrong.join('\n')}`);
  });

  it('scores a wrong role or a missing party as wrong', () => {
    const party = (name: string, role?: string): Party => ({ name, role, nameSpan: { start: 0, end: 0 }, source: 'preamble' });
    assert.equal(partiesCorrect([party('Acme Inc.', 'Supplier')], [{ name: 'Acme Inc.', role: 'Supplier' }]), true);
    assert.equal(partiesCorrect([party('Acme Inc.', 'Buyer')], [{ name: 'Acme Inc.', role: 'Supplier' }]), false);
    assert.equal(partiesCorrect([party('Acme Inc.', 'Supplier')], [{ name: 'Acme Inc.', role: 'Supplier' }, { name: 'Beta LLC', role: 'Buyer' }]), false);
  });
});
