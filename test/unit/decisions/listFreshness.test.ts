import * as assert from 'node:assert/strict';
import { staleLists, staleWarning } from '../../../src/core/screening/listFreshness';
import type { ListInfo } from '../../../src/core/screening/types';

const list = (id: string, date: string): ListInfo => ({ id, name: `List ${id}`, date, entries: 1, sha256: 'x' });

describe('list freshness', () => {
  const today = new Date('2026-11-28T12:00:00Z');
  it('flags lists older than the limit, with their age in days', () => {
    const stale = staleLists([list('ofac-sdn', '2024-05-03'), list('un', '2026-11-01')], 90, today);
    assert.deepEqual(stale.map((s) => [s.list.id, s.ageDays]), [['ofac-sdn', 939]]);
    assert.match(staleWarning(stale, 90)!, /List ofac-sdn is dated 2024-05-03 \(939 days old\)\. That is older than the 90 days/);
  });
  it('is quiet at the boundary, with 0 (off) and for undated lists', () => {
    assert.deepEqual(staleLists([list('a', '2026-08-30')], 90, today), []);
    assert.equal(staleLists([list('a', '2026-08-29')], 90, today).length, 1);
    assert.deepEqual(staleLists([list('a', '2000-01-01')], 0, today), []);
    assert.deepEqual(staleLists([list('a', 'unknown')], 90, today), []);
    assert.equal(staleWarning([], 90), undefined);
  });
});
