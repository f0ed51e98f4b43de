import type { NameIndex, TokenHit } from './nameIndex';
import { isContractWord, isEverydayWord } from './commonWords';
import { foldWord, isLegalForm, STOPWORDS } from './normalize';
import { readAsDisplayed } from './confusables';
import { ROLE_VERBS } from './roleVerbs';
import { SpellingTable } from './spellingTable';
import { joinInitialsInText, scanWords } from './wordScanner';
import { polyHash, polyPow } from './wordHash';

/**
 * Reading a text for the name scan (textScan.ts): its words with their offsets, what is known about each
 * spelling (folded form, capitalisation, weight, typo hits — worked out once for every document), the
 * words this document uses as ordinary words, and where stretches of text end.
 */

/**
 * Blank lines, table-cell borders, two tabs or three spaces or more inside a line (columns; Markdown table cells
 * read as plain text). A single tab is a space: "Sek<TAB>Studio" is still one name.
 */
const BOUNDARY = /\n[ \t>]*\n|\||\t\t| {3,}/g;

/** Words of the text as parallel arrays (no object per word: a 100-page contract has 50,000 words). */
export interface TextWords {
  length: number;
  start: Int32Array;
  end: Int32Array;
}

/** Everything the scan rules read about a text. */
export interface ScanContext {
  text: string;
  words: TextWords;
  /** Per word: what is known about its spelling (shared by every document screened with the same index). */
  info: SpellingFacts[];
  folded: string[];
  /** 1 where the word is capitalised (or follows a capitalised word after a hyphen). */
  capital: Uint8Array;
  ordinary: Set<string>;
  /** Segment number of each word (see segments). */
  seg: Int32Array;
}

/** The text's words with what the scan needs to know about each, and where stretches of text end. */
export function readText(index: NameIndex, text: string): ScanContext {
  const pairs = joinInitialsInText(text, scanWords(text));
  const count = pairs.length >> 1;
  const words: TextWords = { length: count, start: new Int32Array(count), end: new Int32Array(count) };
  for (let i = 0; i < count; i++) {
    words.start[i] = pairs[2 * i];
    words.end[i] = pairs[2 * i + 1];
  }
  // Everything about a word depends only on its spelling: work it out once per spelling, for every document.
  const distinct = spellingTable(index, /[A-Za-z]/.test(text)).read(text, pairs);
  // Sized once (a 100-page contract has 50,000 words: growing arrays word by word costs more than the scan).
  const counts = new Int32Array(distinct.values.length);
  const info: SpellingFacts[] = new Array(count);
  const folded: string[] = new Array(count);
  const capital = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const id = distinct.ids[i];
    const facts = distinct.values[id];
    counts[id]++;
    info[i] = facts;
    folded[i] = facts.folded;
    capital[i] = facts.capital ? 1 : 0;
  }
  // "Tong-chol": the part after a hyphen belongs to the capitalised word before it.
  for (let i = 1; i < count; i++) {
    if (!capital[i] && capital[i - 1] && words.start[i] - words.end[i - 1] === 1 && /[-‐]/.test(text[words.end[i - 1]])) capital[i] = 1;
  }
  return { text, words, info, folded, capital, ordinary: ordinaryWords(distinct.values, counts), seg: segments(text, words) };
}

/** Words this document uses in lower case more than once are ordinary words here ("pro rata", "dialog"). */
function ordinaryWords(spellings: readonly SpellingFacts[], counts: Int32Array): Set<string> {
  const lowerCount = new Map<string, number>();
  spellings.forEach((f, id) => {
    if (!f.capital) lowerCount.set(f.folded, (lowerCount.get(f.folded) ?? 0) + counts[id]);
  });
  const ordinary = new Set<string>();
  for (const [w, k] of lowerCount) if (k >= 2) ordinary.add(w);
  return ordinary;
}

/** Segment number of each word: blank lines, tabs and table-cell borders end a stretch of text a name can span. */
function segments(text: string, words: TextWords): Int32Array {
  const seg = new Int32Array(words.length);
  const boundaries: number[] = [];
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    // Spaces count only between two characters of one line (not indentation or padding at a line's end).
    if (m[0].charCodeAt(0) === 0x20 && (m.index === 0 || /\s/.test(text[m.index - 1]) || /\s/.test(text[m.index + m[0].length] ?? '\n'))) continue;
    boundaries.push(m.index);
  }
  let b = 0;
  for (let i = 1; i < words.length; i++) {
    let cut = 0;
    while (b < boundaries.length && boundaries[b] < words.start[i]) {
      if (boundaries[b] >= words.end[i - 1]) cut = 1;
      b++;
    }
    seg[i] = seg[i - 1] + cut;
  }
  return seg;
}

const TENS: Record<string, string> = { twenty: '20', thirty: '30', forty: '40', fourty: '40', fifty: '50', sixty: '60', seventy: '70', eighty: '80', ninety: '90' };

/** Tens written as words are numbers in text as in listed names ("Eighty Eight" = 80 8, joined to 88 by the matcher). */
function tensAsNumber(folded: string): string {
  return TENS[folded] ?? folded;
}

/** What the scan needs to know about one spelling, whatever the document. */
export interface SpellingFacts {
  folded: string;
  capital: boolean;
  weight: number;
  anchor: boolean;
  everyday: boolean;
  /** A legal form that is no English or contract word (LLC, GmbH, JSC, FZE): lower-case words before it may be a name. */
  strongLegal: boolean;
  /** A word that puts a party's name after it ("engage", "between": roleVerbs.ts). */
  namesParty: boolean;
  /** The folded word's vocabulary id, -1 when no listed name uses it. */
  vocabId: number;
  /** polyHash of `folded`, and polyPow of its length: joined pairs are tested without building strings. */
  hash: number;
  pow: number;
  /** Names with two adjacent listed words that join to this word (NameIndex.joinedFor). */
  split?: readonly number[];
  /** Listed words equal to or one typo from this word (NameIndex.tokenHits). */
  hits?: readonly TokenHit[];
}

/** Spellings seen before with this index (Latin-script texts and others fold look-alike letters differently). */
const spellingTables = new WeakMap<NameIndex, [SpellingTable<SpellingFacts>, SpellingTable<SpellingFacts>]>();
/** Past this many spellings the table starts afresh (a bound on memory for very long sessions). */
const SPELLING_TABLE_MAX = 300_000;

function spellingTable(index: NameIndex, latin: boolean): SpellingTable<SpellingFacts> {
  let pair = spellingTables.get(index);
  const fresh = (l: boolean) => new SpellingTable<SpellingFacts>((raw) => spellingFacts(index, raw, l));
  if (!pair) spellingTables.set(index, (pair = [fresh(true), fresh(false)]));
  const k = latin ? 0 : 1;
  if (pair[k].size > SPELLING_TABLE_MAX) pair[k] = fresh(latin);
  return pair[k];
}

function spellingFacts(index: NameIndex, written: string, latin: boolean): SpellingFacts {
  // Read as displayed: TR39 look-alikes (Armenian, Cherokee, Lisu, small capitals …) as the Latin letters they show.
  const raw = readAsDisplayed(written);
  // A "word" of more than 60 characters (a hash, a run of junk) is never part of a name; initials joined
  // by joinInitialsInText ("S.E.K", "S E K") fold without their dots and spaces.
  // Combining marks stacked on letters (100 or more) do not make a word longer to the eye.
  const folded = raw.length > 60 && raw.replace(/\p{M}/gu, '').length > 60 ? '' : tensAsNumber(foldWord(raw.includes('.') || raw.includes(' ') ? raw.replace(/[.\s]+/g, '') : raw, latin));
  const c = raw.charCodeAt(0);
  const capital = c >= 65 && c <= 90 ? true : c >= 97 && c <= 122 ? false : /^[^\p{L}\p{N}]*\p{Lu}/u.test(raw) || /^[^\p{L}]*\p{N}/u.test(raw);
  const stop = folded.length < 2 || STOPWORDS.has(folded);
  const everyday = !stop && isEverydayWord(folded);
  return {
    folded,
    capital,
    weight: stop ? 0 : index.queryWeight(folded),
    // Lower-case everyday words ("shall", "have") only ever support a match found through another word.
    anchor: !stop && !isLegalForm(folded) && (capital || !everyday),
    strongLegal: isLegalForm(folded) && folded.length > 2 && !everyday && !isContractWord(folded),
    namesParty: ROLE_VERBS.has(folded),
    everyday,
    vocabId: index.vocab.get(folded) ?? -1,
    hash: polyHash(folded),
    pow: polyPow(folded.length),
    split: undefined,
    hits: undefined,
  };
}

