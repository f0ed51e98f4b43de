import { describeShared } from '../helpers/sharedData';
import * as assert from 'node:assert/strict';
import { SpellingTable } from '../../../src/core/screening/spellingTable';
import { scanWords } from '../../../src/core/screening/wordScanner';

describeShared('spelling table (word facts shared across screened texts)', () => {
  it('gives each word its text-local spelling index and makes each spelling’s value once, across texts', () => {
    const made: string[] = [];
    const table = new SpellingTable((s) => {
      made.push(s);
      return s.toUpperCase();
    });
    const a = 'the Studio and the studio and THE Studio';
    const ra = table.read(a, scanWords(a));
    assert.deepEqual(ra.values, ['THE', 'STUDIO', 'AND', 'STUDIO', 'THE']);
    assert.deepEqual([...ra.ids], [0, 1, 2, 0, 3, 2, 4, 1]);
    const b = 'Studio the new';
    const rb = table.read(b, scanWords(b));
    assert.deepEqual(rb.values, ['STUDIO', 'THE', 'NEW']);
    assert.deepEqual([...rb.ids], [0, 1, 2]);
    assert.deepEqual(made, ['the', 'Studio', 'and', 'studio', 'THE', 'new'], 'one value per spelling, ever');
  });

  it('stays exact through growth: 30,000 spellings, then every one found again', () => {
    const table = new SpellingTable((s) => s);
    const words = Array.from({ length: 30_000 }, (_, i) => `w${i.toString(36)}x`);
    const text = words.join(' ');
    const first = table.read(text, scanWords(text));
    assert.equal(table.size, 30_000);
    assert.deepEqual(first.values, words);
    const again = words.slice().reverse().join(' ');
    const second = table.read(again, scanWords(again));
    assert.deepEqual(second.values, words.slice().reverse());
    assert.equal(table.size, 30_000, 'nothing added the second time');
  });
});
