import * as assert from 'node:assert/strict';
import { maySimilar, tokenSimilarity } from '../../../src/core/screening/similarity';

// maySimilar lets the search and the matcher skip pairs cheaply, so it must never rule out a pair that
// tokenSimilarity accepts (a missed candidate would be a missed sanctioned name).
describe('maySimilar (the cheap test before tokenSimilarity)', () => {
  const base = ['sek', 'studio', 'art', 'arts', 'class', 'mansudae', 'silverstar', 'kim', 'chol', 'tong', 'a', 'k', 'box', 'technology', 'internationale', 'vanderbilt', 'gazprom'];
  const variants = (w: string): string[] => {
    const out = [w, `${w}s`, `${w}es`, w.slice(0, -1), w.slice(1)];
    for (let i = 0; i < w.length; i++) {
      out.push(w.slice(0, i) + w.slice(i + 1)); // deletion
      out.push(w.slice(0, i) + 'x' + w.slice(i)); // insertion
      if (i + 1 < w.length) out.push(w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2)); // transposition
    }
    return out.filter(Boolean);
  };
  const words = [...new Set(base.flatMap(variants))];

  it('never rules out a pair of words that tokenSimilarity accepts (plurals and typos included)', () => {
    let accepted = 0;
    for (const a of words) {
      for (const b of base) {
        if (tokenSimilarity(a, b) <= 0) continue;
        accepted++;
        assert.ok(maySimilar(a, '', b, ''), `${a} / ${b}`);
        // The same word split in two on either side (joined words).
        for (let k = 1; k < b.length; k++) assert.ok(maySimilar(a, '', b.slice(0, k), b.slice(k)), `${a} / ${b.slice(0, k)}+${b.slice(k)}`);
        for (let k = 1; k < a.length; k++) assert.ok(maySimilar(a.slice(0, k), a.slice(k), b, ''), `${a.slice(0, k)}+${a.slice(k)} / ${b}`);
      }
    }
    assert.ok(accepted > 200, `${accepted} accepted pairs checked`);
  });

  it('rules out clearly different words', () => {
    assert.equal(maySimilar('studio', '', 'mansudae', ''), false);
    assert.equal(maySimilar('sek', '', 'kim', ''), false);
  });
});
