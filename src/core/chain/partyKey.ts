import { GENERIC_WORDS, nameTokens } from '../screening/normalize';

/**
 * The key that links one party across contracts: its name folded exactly as the screening folds names
 * (case, diacritics, punctuation, look-alike letters, legal forms at either end), so "Golden Lantern
 * Animation Co., Ltd." and "Golden Lantern Animation Company Limited" are one party. Undefined for names
 * that cannot identify anyone across contracts: nothing left after folding, or only generic words and
 * role words ("the Company", "Studio", "Contractor").
 */
export function partyKey(name: string): string | undefined {
  const core = nameTokens(name).core;
  if (!core.length) return undefined;
  if (core.every((w) => GENERIC_WORDS.has(w) || ROLE_WORDS.has(w) || /^\d+$/.test(w))) return undefined;
  return core.join(' ');
}

/** Folds running text the same way, with a space before and after every word, to look for keys in it. */
export function foldedText(text: string): string {
  return ` ${nameTokens(text).core.join(' ')} `;
}

/** Does folded text (from foldedText) name the party with this key? */
export function namesKey(folded: string, key: string): boolean {
  return folded.includes(` ${key} `);
}

// Words that name a role rather than a party: a "party" so named is a defined term the model took for a name.
const ROLE_WORDS = new Set(
  'customer client producer buyer purchaser seller vendor supplier provider contractor subcontractor consultant licensor licensee owner employer employee agent principal distributor manufacturer developer party parties we you us'.split(
    ' ',
  ),
);
