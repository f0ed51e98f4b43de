import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formsCompatible, legalFormOf, partyKey } from '../../../src/core/chain/partyKey';
import { readCsvRecords } from '../../../src/core/screening/readers/csv';
import { SHARED_DATA, sharedDataAvailable } from '../helpers/sharedData';

/** Would the chain take these two names for one party? Same folded name and compatible legal forms. */
const oneParty = (a: string, b: string) => {
  const key = partyKey(a);
  return key !== undefined && key === partyKey(b) && formsCompatible(legalFormOf(a), legalFormOf(b));
};

describe('linking party names across contracts', () => {
  it('links spellings that differ in case, punctuation and the way a legal form is written', () => {
    assert.ok(oneParty('Golden Lantern Animation Co., Ltd.', 'Golden Lantern Animation Company Limited'));
    assert.ok(oneParty('Harbour Crane Animation Studio Ltd.', 'HARBOUR CRANE ANIMATION STUDIO LIMITED'));
    assert.ok(oneParty('Kestrel Colour Studio GmbH', 'Kestrel Colour Studio Gesellschaft mit beschränkter Haftung'));
    assert.ok(oneParty('Premier Nutrition Co.', 'Premier Nutrition Company, LLC'), 'a shorter form inside the longer one');
    assert.ok(oneParty('Northwind Pictures', 'Northwind Pictures LLC'), 'no form: either');
  });

  it('keeps apart names that differ in a word or in their legal form, and names that are only roles', () => {
    assert.ok(!oneParty('Golden Lantern Animation Co., Ltd.', 'Golden Lantern Studios Co., Ltd.'));
    assert.ok(!oneParty('Deutsche Bank AG', 'Deutsche Bank GmbH'));
    assert.ok(!oneParty('Premier Nutrition Corporation', 'Premier Nutrition Company, LLC'));
    assert.equal(partyKey('the Company'), undefined);
    assert.equal(partyKey('Studio'), undefined);
  });

  // OpenSanctions' labelled name pairs (hard on purpose): organisation pairs only. The chain links by the
  // exact folded name, so it must never take a non-matching pair for one party; it links only the matching
  // pairs that differ in spelling conventions (the rest need the screening's fuzzy scorer, which the chain
  // deliberately does not use to link contracts).
  it('on the nomenklatura organisation pairs of ../shared: no non-matching pair linked', function () {
    if (!sharedDataAvailable()) {
      console.log('    (skipped: ../shared/data is not beside the repository)');
      return this.skip();
    }
    const rows = readCsvRecords(readFileSync(join(SHARED_DATA, 'name-matching', 'nomenklatura', 'cases.csv'), 'utf8'), 'cases.csv').slice(1).map((r) => r.fields);
    const orgs = rows.filter((r) => /^(?:Company|Organization|LegalEntity)$/.test(r[1]));
    const counts = { linkedMatch: 0, match: 0, linkedNonMatch: 0, nonMatch: 0 };
    const wrong: string[] = [];
    for (const [, , a, b, isMatch] of orgs) {
      const linked = oneParty(a, b);
      if (isMatch === 'true') {
        counts.match++;
        if (linked) counts.linkedMatch++;
      } else {
        counts.nonMatch++;
        if (linked) {
          counts.linkedNonMatch++;
          wrong.push(`${a} = ${b}`);
        }
      }
    }
    console.log(`    ${orgs.length} organisation pairs: ${counts.linkedNonMatch} of ${counts.nonMatch} non-matching linked, ${counts.linkedMatch} of ${counts.match} matching linked`);
    assert.ok(orgs.length > 250);
    assert.deepEqual(wrong, []);
    assert.ok(counts.linkedMatch >= 70, `${counts.linkedMatch} matching pairs linked`);
  });
});

