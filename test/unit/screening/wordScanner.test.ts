import * as assert from 'node:assert/strict';
import { WORD_SOURCE } from '../../../src/core/screening/normalize';
import { joinInitialsInText, scanWords } from '../../../src/core/screening/wordScanner';

/** The reference: what the regular expression finds. */
function byRegex(text: string): number[] {
  return [...text.matchAll(new RegExp(WORD_SOURCE, 'gu'))].flatMap((m) => [m.index!, m.index! + m[0].length]);
}

describe('word scanner (the fast form of WORD_SOURCE)', () => {
  it('finds the same words as the regular expression in ordinary and odd text', () => {
    for (const text of [
      'SEK Studio, a.k.a. April 26 Children’s Animation Film Studio (Pyongyang).',
      "O'Neil's dog's bone; rock 'n' roll; it''s; trailing' and 'leading",
      'Ко\u0301мпания «Ромашка» — ООО; 朝鲜 4.26 아동영화촬영소; Ǆemal; 𝐒𝐄𝐊 Studio; 𠜎𠜱 ok',
      'S\u200BE\u200CK\u00ADStudio \uFEFFword \u2060 lone\u200B',
      'e\u0301 \u0301x ’tis x’ x’y’z a’’b',
      '\uD800 lone high \uDC00 lone low \uD83D\uDE00 emoji',
      '',
    ]) {
      assert.deepEqual([...scanWords(text)], byRegex(text), JSON.stringify(text));
    }
  });

  it('agrees with the regular expression on 2,000 random strings of tricky characters', () => {
    const alphabet = ['a', 'Z', '9', ' ', '\n', "'", '’', '-', '.', 'é', '\u0301', '\u00AD', '\u200B', '\u2060', '\uFEFF', 'ж', '朝', '\uD835\uDC12', '\uD800', '_', '‐', '«'];
    let seed = 42;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let k = 0; k < 2000; k++) {
      let text = '';
      const n = Math.floor(random() * 30);
      for (let i = 0; i < n; i++) text += alphabet[Math.floor(random() * alphabet.length)];
      assert.deepEqual([...scanWords(text)], byRegex(text), JSON.stringify(text));
    }
  });

  it('handles a text of 100,000 words', () => {
    const text = 'word '.repeat(100_000);
    const w = scanWords(text);
    assert.equal(w.length, 200_000);
    assert.equal(w[w.length - 1], text.length - 1);
  });

  it('joins initials written with dots into one word, and nothing else', () => {
    const words = (text: string) => {
      const p = joinInitialsInText(text, scanWords(text));
      return Array.from({ length: p.length / 2 }, (_, i) => text.slice(p[2 * i], p[2 * i + 1]));
    };
    assert.deepEqual(words('S.E.K. Studio and S. E. K. Studio'), ['S.E.K', 'Studio', 'and', 'S. E. K', 'Studio']);
    assert.deepEqual(words('clause 2.1. (a) b. c and A.1.B and U.S. law'), ['clause', '2', '1', 'a', 'b', 'c', 'and', 'A', '1', 'B', 'and', 'U.S', 'law']);
    assert.deepEqual(words('S.  E. K'), ['S', 'E', 'K'], 'two spaces end the run');
    assert.deepEqual(words('S E K Studio, A B and x y z'), ['S E K', 'Studio', 'A', 'B', 'and', 'x', 'y', 'z'], 'three or more spaced capitals');
  });
});
