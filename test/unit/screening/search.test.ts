import * as assert from 'node:assert/strict';
import { loadTestScreener } from '../helpers/screener';

// The search box and `clauseguard screen`: which names come first, not exact scores.
describe('Screener.search', function () {
  this.timeout(60_000);
  const s = loadTestScreener();

  it('finds an entity by its primary name, an alias, or a person in either name order', () => {
    assert.equal(s.search('SEK Studio')[0].entity.id, 'ofac-sdn:34022');
    assert.equal(s.search("April 26 Children's Animation Film Studio")[0].entity.id, 'ofac-sdn:34022');
    assert.ok(s.search('Kim Tong Chol').slice(0, 3).some((m) => m.entity.id === 'ofac-sdn:22702'));
    assert.ok(s.search('Mansudae Art Studio').slice(0, 2).some((m) => m.entity.id === 'un:KPe.050'));
  });

  it('completes the last word while typing, and falls back to approximate text (fuse.js) below the bands', () => {
    assert.ok(s.search('Yanbian Silv', { prefix: true }).slice(0, 3).some((m) => m.entity.id === 'ofac-sdn:24977'));
    const fragment = s.search('ansudae art', { prefix: true, limit: 3 });
    assert.ok(fragment.some((m) => /MANSUDAE/i.test(m.name)), fragment.map((m) => m.name).join('; '));
    assert.ok(fragment.every((m) => m.score < 0.7));
  });

  it('searches weak a.k.a.s only when asked, and scores them lower', () => {
    const without = s.search('ALIS LLC', { limit: 20 });
    assert.ok(!without.some((m) => m.nameKind === 'weak aka'));
    const withWeak = s.search('ALIAS LLC', { includeWeak: true, limit: 20 }).find((m) => m.entity.id === 'ofac-sdn:48260');
    assert.ok(withWeak, 'weak alias found when asked');
    assert.equal(withWeak.nameKind, 'weak aka');
    assert.ok(withWeak.score <= 0.8);
  });

  it('does not let generic words carry a match', () => {
    for (const q of ['Global Trading Services Group', 'International Bank Company', 'Animation Studio']) {
      const top = s.search(q)[0];
      assert.ok(!top || top.score < 0.8, `${q} → ${top?.name} ${top?.score}`);
    }
  });

  it('pairs a word with two or three listed words written apart ("Vanderbilt" = "VAN DER BILT")', () => {
    assert.ok(s.scorePair('vanderbilt corp', 'van der bilt corp', 'Company').score >= 0.9);
    assert.ok(s.scorePair('Silverstar Network', 'SILVER STAR NETWORK', 'Company').score >= 0.9);
    assert.ok(s.scorePair('Vanderbilt Holdings', 'VAN DER BERG HOLDINGS', 'Company').score < 0.7, 'a different third word is not the same name');
  });
});
