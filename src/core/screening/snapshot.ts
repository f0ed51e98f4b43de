import { prefoldedWords, type EntityAlias, type EntityType, type ListData, type ListEntity, type ListFolding, type PrefoldedNames } from './entity';
import { ListParseError } from './errors';
import { ByteSource, LazyRows, SECTION_END, Sections, TextSource } from './snapshotSections';
import { nameTokens, NORMALIZER_VERSION, screenedNameKey } from './normalize';
import type { ListInfo } from './types';

/**
 * The bundled list format (lists/*.json): JSON lines in parts, so that start-up parses only what the
 * name index needs and everything else is decoded one entity at a time, when a match, hover or report
 * asks for it.
 *   line 1                 header {"format", "list", "normalizer", "entities": N, "columns", "detailColumns"}
 *   "[" words "]"          the list's vocabulary of folded name words, one per line
 *   "[" N index rows "]"   "id","type",n,word…,n,word… — each name folded into vocabulary indices (ListFolding)
 *   "[" N entity rows "]"  [primaryName, aliases, weakAliases, programs, countries, legal]
 *   "[" N detail rows "]"  [addresses, remarks, identifiers, listedOn]
 * One entity per line keeps diffs readable; the index rows form one flat array because every array
 * costs time to parse. Empty columns are written 0. Aliases are strings, or [name, kind] when the kind
 * is not a plain a.k.a. The folded names are made by normalizer NORMALIZER_VERSION.
 */
export const SNAPSHOT_FORMAT = 'clauseguard-list/2';

export interface SnapshotHeader {
  format: typeof SNAPSHOT_FORMAT;
  list: Omit<ListInfo, 'sha256' | 'entries'> & { licence?: string; notes?: string };
  /** NORMALIZER_VERSION the index rows were made with. */
  normalizer: number;
  entities: number;
  columns: string[];
  detailColumns: string[];
}

export interface DecodeOptions {
  /**
   * The file is the bundled one, checked by the build (size and sha256 recorded): rows are parsed
   * when first used. Otherwise every row is parsed and checked now, so a damaged file names its line.
   */
  trusted?: boolean;
}

/** Empty arrays are written as 0. */
type EntityRow = [string, (string | [string, string])[] | 0, string[] | 0, string[] | 0, string[] | 0, string[] | 0];
type DetailRow = [string[], string, string[], string];

const TYPE_CODE: Record<EntityType, string> = { person: 'p', organization: 'o', vessel: 'v', aircraft: 'a', unknown: 'u' };
const CODE_TYPE: Record<string, EntityType> = { p: 'person', o: 'organization', v: 'vessel', a: 'aircraft', u: 'unknown' };
const COLUMNS = ['primaryName', 'aliases', 'weakAliases', 'programs', 'countries', 'legal'];
const DETAIL_COLUMNS = ['addresses', 'remarks', 'identifiers', 'listedOn'];

export function encodeSnapshot(header: Pick<SnapshotHeader, 'list'>, entities: readonly ListEntity[]): string {
  const prefix = `${header.list.id}:`;
  const vocab = new Map<string, number>();
  const word = (w: string) => {
    let id = vocab.get(w);
    if (id === undefined) vocab.set(w, (id = vocab.size));
    return id;
  };
  const orZero = <T>(a: T[]): T[] | 0 => (a.length ? a : 0);
  const strong = (e: ListEntity) => e.aliases.filter((a) => a.quality === 'strong');
  const weak = (e: ListEntity) => e.aliases.filter((a) => a.quality === 'weak');
  const index = entities.map((e) => {
    // Same order as the decoder rebuilds the aliases: primary, strong aliases, weak aliases.
    const names = [e.primaryName, ...strong(e).map((a) => a.name), ...weak(e).map((a) => a.name)];
    const weakFrom = 1 + strong(e).length;
    const keys = new Set<string>();
    const row: (string | number)[] = [e.id.startsWith(prefix) ? e.id.slice(prefix.length) : e.id, TYPE_CODE[e.type]];
    names.forEach((n, i) => {
      const core = nameTokens(n, e.type === 'person').core;
      const key = screenedNameKey(core, i >= weakFrom);
      if (!core.length || keys.has(key)) row.push(0);
      else row.push(i >= weakFrom ? -core.length : core.length, ...core.map(word));
      keys.add(key);
    });
    return row.map((x) => JSON.stringify(x)).join(',');
  });
  const rows: EntityRow[] = entities.map((e) => {
    // Each name's legal forms ("co+ltd"), so matches can compare them without normalising the name again.
    const legal = [e.primaryName, ...strong(e).map((a) => a.name), ...weak(e).map((a) => a.name)].map((n) => nameTokens(n, e.type === 'person').legal.join('+'));
    return [
      e.primaryName,
      orZero(strong(e).map((a) => (a.kind && a.kind !== 'aka' ? [a.name, a.kind] : a.name))),
      orZero(weak(e).map((a) => a.name)),
      orZero(e.programs),
      orZero(e.countries),
      legal.some(Boolean) ? legal : 0,
    ];
  });
  const details: DetailRow[] = entities.map((e) => [e.addresses, e.remarks ?? '', e.identifiers, e.listedOn ?? '']);
  const head: SnapshotHeader = { format: SNAPSHOT_FORMAT, list: header.list, normalizer: NORMALIZER_VERSION, entities: entities.length, columns: COLUMNS, detailColumns: DETAIL_COLUMNS };
  const section = (lines: string[]) => (lines.length ? `[\n${lines.join(',\n')}${SECTION_END}` : `[${SECTION_END}`);
  const json = (xs: unknown[]) => xs.map((x) => JSON.stringify(x));
  return `${JSON.stringify(head)}\n${section(json([...vocab.keys()]))}${section(index)}${section(json(rows))}${section(json(details))}`;
}

/**
 * Reads a snapshot given as text or as the file's bytes (bytes let rows stay undecoded until asked for).
 * `sha256` is computed by the caller (the core has no crypto). Throws ListParseError naming the line.
 */
export function decodeSnapshot(input: string | Uint8Array, file: string, sha256: string, options: DecodeOptions = {}): ListData {
  const source = typeof input === 'string' ? new TextSource(input) : new ByteSource(input);
  const headEnd = source.indexOf('\n', 0);
  let head: Partial<SnapshotHeader>;
  try {
    head = JSON.parse(source.text(0, headEnd < 0 ? source.length : headEnd)) as Partial<SnapshotHeader>;
  } catch {
    throw new ListParseError(file, 1, 'the header line is not valid JSON; the file looks truncated or damaged.');
  }
  if (head.format !== SNAPSHOT_FORMAT || !head.list || typeof head.entities !== 'number') {
    throw new ListParseError(file, 1, `not a ClauseGuard list snapshot (expected a first line with "format": "${SNAPSHOT_FORMAT}").`);
  }
  const count = head.entities;
  const sections = new Sections(source, headEnd + 1, file);
  const words = sections.parse('the vocabulary', -1) as string[];
  const stream = sections.parse('the index rows', count) as (number | string)[];
  const rows = sections.lazy('the entity rows', count);
  const detailRows = sections.lazy('the detail rows', count);
  const folding: ListFolding = { words, stream };
  const listId = head.list.id;
  const foldedOk = head.normalizer === NORMALIZER_VERSION;
  const store = new EntityStore(rows, detailRows, file);
  const entities: ListEntity[] = new Array(count);
  let at = 0;
  for (let k = 0; k < count; k++) {
    const id = stream[at];
    const type = stream[at + 1];
    if (typeof id !== 'string' || typeof type !== 'string') throw new ListParseError(file, sections.lineOf('the index rows', k), `index row ${k + 1} does not start with the entity's id and type.`);
    at += 2;
    const offset = at;
    while (at < stream.length && typeof stream[at] === 'number') at += 1 + Math.abs(stream[at] as number);
    entities[k] = new SnapshotEntity(`${listId}:${id}`, listId, CODE_TYPE[type] ?? 'unknown', foldedOk ? new FoldedRef(folding, offset, store, k) : undefined, store, k);
  }
  if (!options.trusted) store.verify(sections, entities);
  const { id, name, date, source: from } = head.list;
  return { info: { id, name, date, entries: count, sha256, ...(from ? { source: from } : {}) }, entities };
}

/** A listed entity read from a snapshot: id and type now, the rest from its rows on first use. */
class SnapshotEntity implements ListEntity {
  constructor(
    readonly id: string,
    readonly list: string,
    readonly type: EntityType,
    readonly foldedNames: PrefoldedNames | undefined,
    private readonly store: EntityStore,
    private readonly row: number,
  ) {}
  get primaryName(): string {
    return this.store.main(this.row).primaryName;
  }
  get aliases(): EntityAlias[] {
    return this.store.main(this.row).aliases;
  }
  get programs(): string[] {
    return this.store.main(this.row).programs;
  }
  get countries(): string[] {
    return this.store.main(this.row).countries;
  }
  get addresses(): string[] {
    return this.store.details(this.row)[0];
  }
  get remarks(): string | undefined {
    return this.store.details(this.row)[1] || undefined;
  }
  get identifiers(): string[] {
    return this.store.details(this.row)[2];
  }
  get listedOn(): string | undefined {
    return this.store.details(this.row)[3] || undefined;
  }
}

/** An entity's place in its list's folding; legal forms from its row. */
class FoldedRef implements PrefoldedNames {
  constructor(
    readonly folding: ListFolding,
    readonly offset: number,
    private readonly store: EntityStore,
    private readonly row: number,
  ) {}
  legalForms(i: number): string[] {
    const forms = this.store.main(this.row).legal[i];
    return forms ? forms.split('+') : [];
  }
}

interface MainFields {
  primaryName: string;
  aliases: EntityAlias[];
  programs: string[];
  countries: string[];
  /** Per name, its legal forms joined by "+". */
  legal: readonly string[];
}

/** Decodes entity and detail rows on demand; a damaged row becomes a visible note, never an exception. */
class EntityStore {
  private readonly mains = new Map<number, MainFields>();
  private readonly detailCache = new Map<number, DetailRow>();

  constructor(private readonly rows: LazyRows, private readonly detailRows: LazyRows, private readonly file: string) {}

  main(k: number): MainFields {
    let m = this.mains.get(k);
    if (!m) {
      const r = this.rows.get(k);
      m = isEntityRow(r) ? toMain(r) : { primaryName: `(entry damaged: ${this.file}, line ${this.rows.lineOf(k)})`, aliases: [], programs: [], countries: [], legal: [] };
      this.mains.set(k, m);
    }
    return m;
  }

  details(k: number): DetailRow {
    let d = this.detailCache.get(k);
    if (!d) {
      const r = this.detailRows.get(k);
      d = isDetailRow(r) ? r : [[], `(The details of this entry in ${this.file}, line ${this.detailRows.lineOf(k)}, are damaged and could not be read.)`, [], ''];
      this.detailCache.set(k, d);
    }
    return d;
  }

  /** Parses and checks every row now (files that were not built with the bundle); throws naming the line. */
  verify(sections: Sections, entities: ListEntity[]): void {
    const rows = this.rows.all();
    const details = this.detailRows.all();
    for (let k = 0; k < entities.length; k++) {
      if (!isEntityRow(rows[k])) throw new ListParseError(this.file, this.rows.lineOf(k), `entity row ${k + 1} does not have the ${COLUMNS.length} expected columns.`);
      if (!isDetailRow(details[k])) throw new ListParseError(this.file, this.detailRows.lineOf(k), `detail row ${k + 1} does not have the ${DETAIL_COLUMNS.length} expected columns.`);
      const main = toMain(rows[k] as EntityRow);
      const folded = entities[k].foldedNames;
      if (folded && prefoldedWords(folded).length !== main.aliases.length + 1) throw new ListParseError(this.file, sections.lineOf('the index rows', k), `index row ${k + 1} does not match the entity's ${main.aliases.length + 1} names; rebuild the snapshot with scripts/build-lists.mjs.`);
      this.mains.set(k, main);
      this.detailCache.set(k, details[k] as DetailRow);
    }
  }
}

function isEntityRow(r: unknown): r is EntityRow {
  return Array.isArray(r) && r.length === COLUMNS.length && typeof r[0] === 'string';
}

function isDetailRow(r: unknown): r is DetailRow {
  return Array.isArray(r) && r.length === DETAIL_COLUMNS.length && Array.isArray(r[0]) && typeof r[1] === 'string';
}

function toMain(r: EntityRow): MainFields {
  const aliases: EntityAlias[] = [];
  if (r[1]) for (const a of r[1]) aliases.push(Array.isArray(a) ? { name: a[0], quality: 'strong', kind: a[1] as EntityAlias['kind'] } : { name: a, quality: 'strong', kind: 'aka' });
  if (r[2]) for (const name of r[2]) aliases.push({ name, quality: 'weak', kind: 'aka' });
  return { primaryName: r[0], aliases, programs: r[3] || [], countries: r[4] || [], legal: r[5] || [] };
}
