import type { Span } from '../document/positions';

/** Words on each side of the match that make up its fingerprint. */
export const CONTEXT_WORDS = 6;

export interface Fingerprint {
  fingerprint: string;
  /** Readable form: "words before [MATCH] words after". */
  context: string;
}

/**
 * Fingerprint of the text around a match: the nearest words before and after it, normalised (case,
 * whitespace, Markdown emphasis and punctuation ignored). The matched text itself is left out, so a
 * changed name is still recognised as the same place; edits elsewhere in the file do not change it.
 */
export function fingerprintAt(text: string, span: Span): Fingerprint {
  const windowChars = 400;
  const before = words(text.slice(Math.max(0, span.start - windowChars), span.start)).slice(-CONTEXT_WORDS);
  const after = words(text.slice(span.end, span.end + windowChars)).slice(0, CONTEXT_WORDS);
  const key = `${before.join(' ')}|${after.join(' ')}`;
  return { fingerprint: hash64(key), context: `${before.join(' ')} [${collapse(text.slice(span.start, span.end))}] ${after.join(' ')}`.trim() };
}

function words(s: string): string[] {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .split(' ')
    .filter(Boolean);
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** 64-bit FNV-1a as 16 hex digits: enough to tell contexts apart; not a security measure. */
export function hash64(s: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193) >>> 0;
    h2 = (h2 ^ (h1 >>> 7)) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
