import type { ListInfo } from './types';

export type EntityType = 'person' | 'organization' | 'vessel' | 'aircraft' | 'unknown';

/** An alias as the list gives it. OFAC marks some a.k.a.s "weak": they are kept for display, never screened. */
export interface EntityAlias {
  name: string;
  quality: 'strong' | 'weak';
  /** aka, fka (formerly known as), nka (now known as), or the name in its original script. */
  kind?: 'aka' | 'fka' | 'nka' | 'original-script';
}

/** One listed person, organisation, vessel or aircraft, whatever list it came from. */
export interface ListEntity {
  /** List-qualified id: "ofac-sdn:34022", "un:KPe.050". */
  id: string;
  /** The list id ("ofac-sdn", "ofac-cons", "un", "custom:vendors"…). */
  list: string;
  primaryName: string;
  aliases: EntityAlias[];
  type: EntityType;
  programs: string[];
  /** Addresses, one string each ("Yanji, Jilin, China"). */
  addresses: string[];
  countries: string[];
  remarks?: string;
  /** Passport, registration and tax numbers etc., as written in the list. */
  identifiers: string[];
  /** Listing date (YYYY-MM-DD) where the list gives one. */
  listedOn?: string;
  /** Internal: comparison forms of [primaryName, ...aliases] precomputed by the bundled snapshot, so loading skips normalisation. */
  foldedNames?: PrefoldedNames;
}

/** Internal: a list's names folded into words once, when its snapshot was built. */
export interface ListFolding {
  /** The list's vocabulary of folded name words. */
  words: string[];
  /**
   * For every entity in list order: its id and type code (strings), then for each of its names
   * (primary, then aliases in order) the word count n and n indices into `words`. n < 0 marks a weak
   * a.k.a. of -n words; n = 0 a name with nothing to screen (no core words, or the same words as an
   * earlier name of the entity).
   */
  stream: (number | string)[];
}

/** Internal: where an entity's folded names are. */
export interface PrefoldedNames {
  folding: ListFolding;
  /** Where this entity's first name starts in folding.stream. */
  offset: number;
  /** The legal forms of name i (0 = primary), as folded when the snapshot was built. */
  legalForms(i: number): string[];
}

/** The folded words of each of an entity's names (null: nothing to screen), read from the stream. */
export function prefoldedWords(p: PrefoldedNames): (string[] | null)[] {
  const out: (string[] | null)[] = [];
  const s = p.folding.stream;
  for (let at = p.offset; at < s.length && typeof s[at] === 'number'; ) {
    const n = Math.abs(s[at++] as number);
    out.push(n ? (s.slice(at, at + n) as number[]).map((id) => p.folding.words[id]) : null);
    at += n;
  }
  return out;
}

/** A list as the screener receives it: its description and its entities. */
export interface ListData {
  info: ListInfo;
  entities: ListEntity[];
}

/**
 * A plain copy of an entity with its details read out, for sending to another thread: snapshot
 * entities decode their details on demand, and such getters do not survive structured cloning.
 */
export function plainEntity(e: ListEntity): ListEntity {
  const out: ListEntity = { id: e.id, list: e.list, primaryName: e.primaryName, aliases: e.aliases, type: e.type, programs: e.programs, addresses: e.addresses, countries: e.countries, identifiers: e.identifiers };
  if (e.remarks) out.remarks = e.remarks;
  if (e.listedOn) out.listedOn = e.listedOn;
  return out;
}
