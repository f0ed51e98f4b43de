import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { sha256Base64, sha256Hex } from '../../../src/core/report/sha256';

describe('report sha256 (for CSP hashes)', () => {
  it('agrees with Node’s crypto on lengths around every block boundary and on non-ASCII text', () => {
    const samples = ['', 'abc', 'é漢字🙂', '\u0000\uffff'];
    for (let n = 0; n < 200; n++) samples.push('x'.repeat(n));
    samples.push('lorem ipsum '.repeat(5000));
    for (const s of samples) {
      assert.equal(sha256Hex(s), createHash('sha256').update(s, 'utf8').digest('hex'), `length ${s.length}`);
      assert.equal(sha256Base64(s), createHash('sha256').update(s, 'utf8').digest('base64'), `length ${s.length}`);
    }
  });
});
