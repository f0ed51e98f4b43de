import { EVERYDAY_WORDS_TEXT, PROPER_NAMES_TEXT } from './everydayWords.generated';
import { CONTRACT_WORDS_TEXT } from './contractWords.generated';
import { GENERIC_WORDS } from './normalize';

const CALENDAR = 'january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday';
let everyday: Set<string> | undefined;
let proper: Set<string> | undefined;

/** Frequent lower-case English words (SUBTLEX-US) and generic business words: in a contract they are ordinary words first. */
export function isEverydayWord(word: string): boolean {
  everyday ??= new Set(`${EVERYDAY_WORDS_TEXT} ${CALENDAR}`.split(' '));
  return everyday.has(word) || GENERIC_WORDS.has(word);
}

/** Frequent English proper names (places, first names): alone they identify nobody. */
export function isCommonProperName(word: string): boolean {
  proper ??= new Set(PROPER_NAMES_TEXT.split(' '));
  return proper.has(word);
}

let ranks: Map<string, number> | undefined;

/** Frequency rank (1 = most frequent) of an everyday English word in SUBTLEX-US; 0 when it is not one. */
export function everydayRank(word: string): number {
  if (!ranks) {
    ranks = new Map();
    let k = 0;
    for (const w of EVERYDAY_WORDS_TEXT.split(' ')) if (!ranks.has(w)) ranks.set(w, ++k);
  }
  return ranks.get(word) ?? (GENERIC_WORDS.has(word) ? 2000 : 0);
}

let contractWords: Set<string> | undefined;

/** Words real contracts use in lower case ("regulatory", "indemnity"): ordinary words in any contract. */
export function isContractWord(word: string): boolean {
  contractWords ??= new Set(CONTRACT_WORDS_TEXT.split(' '));
  return contractWords.has(word);
}
