import { LEGAL_FORMS } from './legalForms.generated';
import { editDistance } from './similarity';

/**
 * Name normalisation shared by the list index and the text scanner. Everything a compliance officer
 * would read as "the same name" should fold to the same tokens: case, diacritics, punctuation,
 * invisible characters, Cyrillic/Greek look-alike letters, legal forms, word order (handled by the
 * scorer), joined or split words (handled by the scorer).
 */

/**
 * Version of the folding rules below. The bundled snapshot stores folded names made with a given
 * version and they are used only while it matches: bump it whenever folding changes, then rebuild lists/.
 */
export const NORMALIZER_VERSION = 3;

/** Zero-width, bidi-control, soft-hyphen and other invisible characters: removed outright. */
export const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]|\uDB40[\uDC00-\uDC7F]/g;

/** Cyrillic and Greek letters that look like Latin ones (the usual way to hide a name from a filter). */
const CONFUSABLE: Record<string, string> = {
  А: 'a', В: 'b', Е: 'e', К: 'k', М: 'm', Н: 'h', О: 'o', Р: 'p', С: 'c', Т: 't', У: 'y', Х: 'x', Ѕ: 's', І: 'i', Ј: 'j', Ӏ: 'i', Ԁ: 'd', Ԛ: 'q', Ԝ: 'w', Ү: 'y', Һ: 'h',
  а: 'a', в: 'b', е: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', ѕ: 's', і: 'i', ј: 'j', ӏ: 'l', ԁ: 'd', ԛ: 'q', ԝ: 'w', ү: 'y', һ: 'h', ԍ: 'g',
  Α: 'a', Β: 'b', Ε: 'e', Ζ: 'z', Η: 'h', Ι: 'i', Κ: 'k', Μ: 'm', Ν: 'n', Ο: 'o', Ρ: 'p', Τ: 't', Υ: 'y', Χ: 'x',
  α: 'a', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x',
};

/** Plain transliteration for whole Cyrillic / Greek words (names written in their own script). */
const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', ђ: 'dj', џ: 'dz', ѕ: 'dz',
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

const SPECIAL_LATIN: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŀ: 'l' };

const NUMBER_WORDS: Record<string, string> = {
  zero: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
  eleven: '11', twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', sixteen: '16', seventeen: '17', eighteen: '18', nineteen: '19', twenty: '20',
  first: '1st', second: '2nd', third: '3rd',
};

const ASCII_WORD = /^[A-Za-z0-9]*$/;
/** Printable ASCII without '&' or a backquote (which the general path treats specially). */
const PRINTABLE_ASCII = /^[\x20-\x25\x27-\x5f\x61-\x7e]*$/;
const CYRILLIC_OR_GREEK = /[\u0370-\u03FF\u0400-\u052F]/;
const LATIN_LETTER = /[A-Za-z\u00C0-\u024F]/;

/**
 * Folds one word (no spaces) to its comparison form: lower case, no diacritics, no apostrophes,
 * look-alike letters mapped to Latin when the word mixes scripts (or `latinContext` says the
 * surrounding text is Latin and the word is made only of look-alikes), other Cyrillic/Greek transliterated.
 */
export function foldWord(word: string, latinContext = false): string {
  if (ASCII_WORD.test(word)) {
    const lower = unLeet(word.toLowerCase());
    return Object.prototype.hasOwnProperty.call(NUMBER_WORDS, lower) ? NUMBER_WORDS[lower] : lower;
  }
  let w = word.replace(INVISIBLE, '');
  {
    w = w.normalize('NFKC');
    if (CYRILLIC_OR_GREEK.test(w)) w = unscript(w, latinContext);
    w = w.toLowerCase();
    // NFC afterwards recomposes scripts whose letters NFD splits (Hangul syllables).
    w = w.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
    w = w.replace(/[ßæœøłđðþıħŀ]/g, (c) => SPECIAL_LATIN[c] ?? c);
    w = w.replace(/['’‘`´ʼ]/g, '');
  }
  w = unLeet(w);
  return Object.prototype.hasOwnProperty.call(NUMBER_WORDS, w) ? NUMBER_WORDS[w] : w;
}

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '8': 'b', '9': 'g' };

/** "Ig0r Sech1n": digits standing in for letters inside a word of at least two letters. */
function unLeet(w: string): string {
  if (!/\d/.test(w) || !/[a-z].*[a-z]/.test(w) || /^\d+(st|nd|rd|th|s)$/.test(w)) return w;
  return w.replace(/\d/g, (d) => LEET[d] ?? d);
}

function unscript(w: string, latinContext: boolean): string {
  const chars = [...w];
  const letters = chars.filter((c) => /\p{L}/u.test(c));
  const mixed = LATIN_LETTER.test(w);
  const allLookAlike = letters.every((c) => CONFUSABLE[c] !== undefined || !CYRILLIC_OR_GREEK.test(c));
  if (mixed || (latinContext && allLookAlike)) {
    return chars.map((c) => CONFUSABLE[c] ?? (CYRILLIC_OR_GREEK.test(c) ? (TRANSLIT[c.toLowerCase()] ?? c) : c)).join('');
  }
  return chars
    .map((c) => {
      const lower = c.toLowerCase();
      const t = TRANSLIT[lower];
      return t === undefined ? c : t;
    })
    .join('');
}

/** A word of a name or text with its position (offsets into the string it came from). */
export interface RawWord {
  text: string;
  start: number;
  end: number;
}

/** Words: letters, digits, marks and invisible characters (which may hide inside a word), apostrophes inside a word. */
export const WORD_SOURCE = "[\\p{L}\\p{N}\\p{M}\\u00AD\\u061C\\u200B-\\u200F\\u202A-\\u202E\\u2060\\u2066-\\u2069\\uFEFF]+(?:['’][\\p{L}\\p{N}\\p{M}]+)*";
const WORD = new RegExp(WORD_SOURCE, 'gu');

export function splitWords(text: string): RawWord[] {
  const out: RawWord[] = [];
  for (const m of text.matchAll(WORD)) out.push({ text: m[0], start: m.index!, end: m.index! + m[0].length });
  return out;
}

/** Words that carry no identity in a name. */
export const STOPWORDS = new Set(['of', 'the', 'and', 'for', 'und', 'y']);

/**
 * Everyday business words: present in thousands of names, so on their own they must never make a
 * match. Their weight is capped whatever the list statistics say.
 */
export const GENERIC_WORDS = new Set(
  (
    'trading trade traders services service group groups holding holdings bank banking company international intl global general ' +
    'studio studios industrial industries industry enterprise enterprises management investment investments development ' +
    'technology technologies tech solutions systems consulting consultants partners capital finance financial national ' +
    'import export imports exports corporation association foundation center centre agency office business commercial ' +
    'products logistics shipping marine energy network networks media information project projects resources construction ' +
    'engineering electronics equipment supply supplies manufacturing factory works world new east west north south ' +
    'central united american china chinese russian asia europe pacific middle film films art arts design creative ' +
    'digital software data internet online communications telecom transport travel medical health care security ' +
    'investment fund funds insurance real estate property properties oil gas petroleum chemical chemicals steel metal ' +
    'mining agricultural agriculture food foods trust institute university school society council committee organization ' +
    'organisation department ministry state government public private joint venture'
  ).split(' '),
);

const NOT_LEGAL = new Set(['of', 'by', 'to', 'in', 'on', 'at', 'as', 'is', 'it', 'or', 'an', 'be', 'the', 'and', 'for', 'no', 'so', 'we', 'he', 'me', 'my', 'up', 'do', 'go', 'if', 'us']);

const LEGAL_TABLE: Map<string, string> = (() => {
  const m = new Map<string, string>();
  for (const [phrase, display] of LEGAL_FORMS) {
    const key = splitWords(phrase)
      .map((w) => foldWord(w.text))
      .filter(Boolean)
      .join(' ');
    // Transliterated short forms can collide with English words ("ОФ" → "of"): never treat those as legal forms.
    if (key && !m.has(key) && !NOT_LEGAL.has(key)) m.set(key, display);
  }
  return m;
})();
const LEGAL_MAX_WORDS = 6;
/** First and last words of legal-form phrases: a quick test before trying phrases. */
const LEGAL_FIRST = new Set([...LEGAL_TABLE.keys()].map((k) => k.split(' ')[0]));
const LEGAL_LAST = new Set([...LEGAL_TABLE.keys()].map((k) => k.slice(k.lastIndexOf(' ') + 1)));

/** Could a legal-form phrase start (or end) with this folded word? A quick test before building phrases. */
export function mayBeginLegalForm(word: string): boolean {
  return LEGAL_FIRST.has(word);
}
export function mayEndLegalForm(word: string): boolean {
  return LEGAL_LAST.has(word);
}

/** The display form of a legal-form phrase ("co ltd" → "Co., Ltd."), or undefined. */
export function legalForm(foldedPhrase: string): string | undefined {
  return LEGAL_TABLE.get(foldedPhrase);
}

/** A name folded into tokens for matching. */
export interface NameTokens {
  /** Identity-carrying tokens, in order. */
  core: string[];
  /** Legal forms found at the start or end ("llc", "co ltd"). */
  legal: string[];
}

/**
 * Tokens of a listed or queried name. Legal forms are peeled off the start and end only (in the
 * middle, "in", "as", "co" are ordinary words). `isPerson` skips legal forms entirely.
 */
export function nameTokens(name: string, isPerson = false): NameTokens {
  let words: string[];
  if (PRINTABLE_ASCII.test(name)) {
    // Fast path for the common case (most listed names): same result as the general path below.
    words = [];
    for (const raw of name.toLowerCase().replace(/'/g, '').split(/[^a-z0-9]+/)) {
      if (!raw || STOPWORDS.has(raw)) continue;
      const w = unLeet(raw);
      words.push(Object.prototype.hasOwnProperty.call(NUMBER_WORDS, w) ? NUMBER_WORDS[w] : w);
    }
  } else {
    const latin = LATIN_LETTER.test(name);
    words = splitWords(name.replace(/&/g, ' and '))
      .map((w) => foldWord(w.text, latin))
      .filter((w) => w && !STOPWORDS.has(w));
  }
  words = joinNumbers(words);
  if (!isPerson) words = joinInitials(words);
  const legal: string[] = [];
  if (!isPerson) {
    const peeled = peelLegalForms(words);
    words = peeled.core;
    legal.push(...peeled.legal);
  }
  return { core: words, legal };
}

const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fourty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };

/** "forty four" → "44", "twenty" → "20". */
function joinNumbers(words: string[]): string[] {
  if (!words.some((w) => TENS[w] !== undefined)) return words;
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const t = TENS[words[i]];
    if (t === undefined) out.push(words[i]);
    else if (/^[1-9]$/.test(words[i + 1] ?? '')) out.push(String(t + Number(words[++i])));
    else out.push(String(t));
  }
  return out;
}

/** "A.B.C. Company" → "abc company": a run of single letters is one acronym. */
function joinInitials(words: string[]): string[] {
  const out: string[] = [];
  let run = false;
  for (const w of words) {
    if (/^[a-z]$/.test(w)) {
      if (run) out[out.length - 1] += w;
      else out.push(w);
      run = true;
    } else {
      out.push(w);
      run = false;
    }
  }
  return out;
}

/**
 * Two names of one entity with the same key are screened once (the snapshot builder and the index agree
 * through this): the same core words, and a weak a.k.a. kept apart from a strong name.
 */
export function screenedNameKey(core: readonly string[], weak: boolean): string {
  return core.join(' ') + (weak ? '#w' : '');
}

/** Removes legal forms from both ends of a token list (keeps at least one token). */
export function peelLegalForms(tokens: string[]): NameTokens {
  let start = 0;
  let end = tokens.length;
  const legal: string[] = [];
  let changed = true;
  while (changed && end - start > 1) {
    changed = false;
    if (!LEGAL_LAST.has(tokens[end - 1]) && !LEGAL_FIRST.has(tokens[start])) break;
    for (let n = Math.min(LEGAL_MAX_WORDS, end - start - 1); n >= 1; n--) {
      const tail = tokens.slice(end - n, end).join(' ');
      if (LEGAL_TABLE.has(tail)) {
        legal.unshift(tail);
        end -= n;
        changed = true;
        break;
      }
      const head = tokens.slice(start, start + n).join(' ');
      if (LEGAL_TABLE.has(head)) {
        legal.push(head);
        start += n;
        changed = true;
        break;
      }
    }
  }
  return { core: tokens.slice(start, end), legal };
}

/** Is this folded token (or phrase) a legal form on its own? */
export function isLegalForm(folded: string): boolean {
  return LEGAL_TABLE.has(folded);
}

/** Whole-string fold for display-independent comparisons (search boxes, exact checks). */
export function foldName(name: string): string {
  const latin = LATIN_LETTER.test(name);
  return splitWords(name)
    .map((w) => foldWord(w.text, latin))
    .filter(Boolean)
    .join(' ');
}

let legalWords: Map<number, string[]> | undefined;
const nearLegal = new Map<string, string>();

/**
 * The legal-form word (of seven letters or more) this word is one edit from, or the word itself:
 * "Limmited" → "limited", "Corporaton" → "corporation". Contracts misspell legal forms as they do names.
 */
export function legalWordNear(folded: string, ordinary: (w: string) => boolean = () => false): string {
  if (folded.length < 7 || LEGAL_TABLE.has(folded) || ordinary(folded)) return folded;
  const cached = nearLegal.get(folded);
  if (cached !== undefined) return cached;
  if (!legalWords) {
    legalWords = new Map();
    for (const key of LEGAL_TABLE.keys())
      for (const w of key.split(' '))
        if (w.length >= 7 && /^[a-z]+$/.test(w)) {
          const l = legalWords.get(w.length) ?? [];
          if (!l.includes(w)) l.push(w);
          legalWords.set(w.length, l);
        }
  }
  let found = folded;
  for (let len = folded.length - 1; len <= folded.length + 1 && found === folded; len++) {
    for (const w of legalWords.get(len) ?? []) if (editDistance(folded, w, 1) <= 1) {
      found = w;
      break;
    }
  }
  if (nearLegal.size < 10_000) nearLegal.set(folded, found);
  return found;
}
