import { GENERIC_WORDS, legalForm, nameTokens } from '../screening/normalize';

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

/**
 * The legal form at the ends of a name, as canonical words ("Co., Ltd." and "Company Limited" → "co ltd";
 * "GmbH" and "Gesellschaft mit beschränkter Haftung" → "gmbh"), or "" when the name has none.
 */
export function legalFormOf(name: string): string {
  const words = nameTokens(name)
    .legal.map((l) => legalForm(l) ?? l)
    .join(' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}&]+/gu, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((w) => CANONICAL_FORM_WORDS[w] ?? w);
  return [...new Set(words)].sort().join(' ');
}

/**
 * Two names with the same key are one party unless their legal forms differ: "Deutsche Bank AG" and
 * "Deutsche Bank GmbH" are two companies, "Premier Nutrition Co." and "Premier Nutrition Company, LLC" may be
 * one. A name without a form, or whose form words are all in the other's, is compatible.
 */
export function formsCompatible(a: string, b: string): boolean {
  if (!a || !b || a === b) return true;
  const [x, y] = [a.split(' '), b.split(' ')];
  return x.every((w) => y.includes(w)) || y.every((w) => x.includes(w));
}

const CANONICAL_FORM_WORDS: Record<string, string> = { company: 'co', limited: 'ltd', corporation: 'corp', incorporated: 'inc' };

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
