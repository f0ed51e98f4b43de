import { decodeNamedCharacterReference } from 'decode-named-character-reference';

const ENTITY = /&(?:#([0-9]{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/y;

/** An HTML character reference at `at` (`&amp;`, `&#8217;`, `&#x2019;`): its length and what it stands for. */
export function decodeEntityAt(src: string, at: number, to: number): { length: number; text: string } | undefined {
  ENTITY.lastIndex = at;
  const m = ENTITY.exec(src);
  if (!m || at + m[0].length > to) return undefined;
  if (m[3] !== undefined) {
    const named = decodeNamedCharacterReference(m[3]);
    return named === false ? undefined : { length: m[0].length, text: named };
  }
  const code = m[1] !== undefined ? parseInt(m[1], 10) : parseInt(m[2], 16);
  // As CommonMark: invalid and surrogate code points read as U+FFFD.
  const text = code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
  return { length: m[0].length, text };
}
