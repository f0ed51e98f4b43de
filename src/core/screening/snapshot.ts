import type { EntityAlias, EntityType, ListData, ListEntity } from './entity';
import { ListParseError } from './errors';
import { nameTokens, NORMALIZER_VERSION } from './normalize';
import type { ListInfo } from './types';

/**
 * The bundled list format (lists/*.json), JSON lines in three parts so loading parses only what
 * screening needs:
 *   line 1   header: {"format", "list", "normalizer", "entities": N, "columns", "detailColumns"}
 *   "[" N match rows "]"   [id, type, primaryName, aliases, weakAliases, programs, countries, folded]
 *   "[" N detail rows "]"  [addresses, remarks, identifiers, listedOn]
 * One entity per line keeps diffs readable. Detail rows (two thirds of the bytes: remarks, addresses,
 * identifiers) are decoded one at a time, when a hover or report asks for an entity's details.
 * Aliases are strings, or [name, kind] when the kind is not a plain a.k.a.; `folded` holds each name's
 * comparison form ("core words|legal+forms") made by normalizer NORMALIZER_VERSION.
 */
export const SNAPSHOT_FORMAT = 'clauseguard-list/2';

export interface SnapshotHeader {
  format: typeof SNAPSHOT_FORMAT;
  list: Omit<ListInfo, 'sha256' | 'entries'> & { licence?: string; notes?: string };
  /** NORMALIZER_VERSION the "folded" column was made with. */
  normalizer: number;
  entities: number;
  columns: string[];
  detailColumns: string[];
}

type MatchRow = [string, string, string, (string | [string, string])[], string[], string[], string[], string[]];
type DetailRow = [string[], string, string[], string];

const TYPE_CODE: Record<EntityType, string> = { person: 'p', organization: 'o', vessel: 'v', aircraft: 'a', unknown: 'u' };
const CODE_TYPE: Record<string, EntityType> = { p: 'person', o: 'organization', v: 'vessel', a: 'aircraft', u: 'unknown' };
const COLUMNS = ['id', 'type', 'primaryName', 'aliases', 'weakAliases', 'programs', 'countries', 'folded'];
const DETAIL_COLUMNS = ['addresses', 'remarks', 'identifiers', 'listedOn'];
const SECTION_END = '\n]\n';

export function encodeSnapshot(header: Pick<SnapshotHeader, 'list'>, entities: readonly ListEntity[]): string {
  const prefix = `${header.list.id}:`;
  const fold = (name: string, e: ListEntity) => {
    const t = nameTokens(name, e.type === 'person');
    return t.core.join(' ') + (t.legal.length ? `|${t.legal.join('+')}` : '');
  };
  const strong = (e: ListEntity) => e.aliases.filter((a) => a.quality === 'strong');
  const weak = (e: ListEntity) => e.aliases.filter((a) => a.quality === 'weak');
  const match: MatchRow[] = entities.map((e) => [
    e.id.startsWith(prefix) ? e.id.slice(prefix.length) : e.id,
    TYPE_CODE[e.type],
    e.primaryName,
    strong(e).map((a) => (a.kind && a.kind !== 'aka' ? [a.name, a.kind] : a.name)),
    weak(e).map((a) => a.name),
    e.programs,
    e.countries,
    // Same order as the decoder rebuilds the aliases: primary, strong aliases, weak aliases.
    [e.primaryName, ...strong(e).map((a) => a.name), ...weak(e).map((a) => a.name)].map((n) => fold(n, e)),
  ]);
  const details: DetailRow[] = entities.map((e) => [e.addresses, e.remarks ?? '', e.identifiers, e.listedOn ?? '']);
  const head: SnapshotHeader = { format: SNAPSHOT_FORMAT, list: header.list, normalizer: NORMALIZER_VERSION, entities: entities.length, columns: COLUMNS, detailColumns: DETAIL_COLUMNS };
  const section = (rows: unknown[]) => `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}${SECTION_END}`;
  return `${JSON.stringify(head)}\n${section(match)}${section(details)}`;
}

/**
 * Reads a snapshot given as text or as the file's bytes (bytes let the details stay undecoded until
 * asked for). `sha256` is computed by the caller (the core has no crypto). Throws ListParseError.
 */
export function decodeSnapshot(input: string | Uint8Array, file: string, sha256: string): ListData {
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
  const matchEnd = source.indexOf(SECTION_END, headEnd + 1);
  if (matchEnd < 0) throw new ListParseError(file, count + 3, 'the file ends inside the entity rows; it looks truncated.');
  let rows: unknown;
  try {
    rows = JSON.parse(source.text(headEnd + 1, matchEnd + 2));
  } catch (e) {
    const pos = /position (\d+)/.exec(String(e))?.[1];
    const line = pos ? 2 + (source.text(headEnd + 1, headEnd + 1 + Number(pos)).split('\n').length - 1) : 2;
    throw new ListParseError(file, line, 'an entity row is not valid JSON; the file looks truncated or damaged.');
  }
  if (!Array.isArray(rows) || rows.length !== count) throw new ListParseError(file, 2, `the header announces ${count} entities but ${Array.isArray(rows) ? rows.length : 0} rows follow.`);
  const detailsStart = matchEnd + SECTION_END.length;
  const details = new DetailRows(source, detailsStart, count, file, count + 5);
  if (details.end < 0) throw new ListParseError(file, 2 * count + 5, 'the file ends inside the detail rows; it looks truncated.');
  const listId = head.list.id;
  const foldedOk = head.normalizer === NORMALIZER_VERSION;
  const entities: ListEntity[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const r = rows[k] as MatchRow;
    if (!Array.isArray(r) || r.length !== COLUMNS.length || typeof r[2] !== 'string') throw new ListParseError(file, k + 3, `entity ${k + 1} does not have the ${COLUMNS.length} expected columns.`);
    const aliases: EntityAlias[] = [];
    for (const a of r[3]) aliases.push(Array.isArray(a) ? { name: a[0], quality: 'strong', kind: a[1] as EntityAlias['kind'] } : { name: a, quality: 'strong', kind: 'aka' });
    for (const name of r[4]) aliases.push({ name, quality: 'weak', kind: 'aka' });
    const folded = foldedOk && r[7].length === aliases.length + 1 ? r[7] : undefined;
    entities[k] = new SnapshotEntity(`${listId}:${r[0]}`, listId, r[2], aliases, CODE_TYPE[r[1]] ?? 'unknown', r[5], r[6], folded, details, k);
  }
  const { id, name, date, source: from } = head.list;
  return { info: { id, name, date, entries: count, sha256, ...(from ? { source: from } : {}) }, entities };
}

/** A listed entity whose addresses, remarks, identifiers and listing date are decoded on first use. */
class SnapshotEntity implements ListEntity {
  constructor(
    readonly id: string,
    readonly list: string,
    readonly primaryName: string,
    readonly aliases: EntityAlias[],
    readonly type: EntityType,
    readonly programs: string[],
    readonly countries: string[],
    readonly foldedNames: string[] | undefined,
    private readonly store: DetailRows,
    private readonly row: number,
  ) {}
  get addresses(): string[] {
    return this.store.get(this.row)[0];
  }
  get remarks(): string | undefined {
    return this.store.get(this.row)[1] || undefined;
  }
  get identifiers(): string[] {
    return this.store.get(this.row)[2];
  }
  get listedOn(): string | undefined {
    return this.store.get(this.row)[3] || undefined;
  }
}

/** The detail section: line offsets found once, each row parsed when first asked for. */
class DetailRows {
  private starts?: Int32Array;
  private readonly cache = new Map<number, DetailRow>();
  /** Offset just past the section, or -1 when it is missing or cut short. */
  readonly end: number;

  constructor(private readonly source: TextSource | ByteSource, private readonly start: number, private readonly count: number, private readonly file: string, private readonly firstLine: number) {
    this.end = count === 0 ? source.indexOf(SECTION_END.slice(1), start) : source.indexOf(SECTION_END, start);
  }

  get(k: number): DetailRow {
    const hit = this.cache.get(k);
    if (hit) return hit;
    const starts = (this.starts ??= this.lineStarts());
    const text = this.source.text(starts[k], starts[k + 1] - 1).replace(/,$/, '');
    let row: DetailRow;
    try {
      row = JSON.parse(text) as DetailRow;
    } catch {
      // Never throw from a hover: report the damage in the row itself.
      row = [[], `(The details of this entry in ${this.file}, line ${this.firstLine + k}, are damaged and could not be read.)`, [], ''];
    }
    this.cache.set(k, row);
    return row;
  }

  /** starts[k] = offset of detail row k; starts[count] = one past the last row's line break. */
  private lineStarts(): Int32Array {
    const starts = new Int32Array(this.count + 1);
    let p = this.source.indexOf('\n', this.start) + 1; // skip "["
    for (let k = 0; k < this.count; k++) {
      starts[k] = p;
      p = this.source.indexOf('\n', p) + 1;
    }
    starts[this.count] = p;
    return starts;
  }
}

/** Offsets and slices over the snapshot text. */
class TextSource {
  constructor(private readonly s: string) {}
  get length(): number {
    return this.s.length;
  }
  indexOf(needle: string, from: number): number {
    return this.s.indexOf(needle, from);
  }
  text(a: number, b: number): string {
    return this.s.slice(a, b);
  }
}

/** The same over the file's bytes (the markers are ASCII, so byte search is exact). */
class ByteSource {
  private readonly decoder = new TextDecoder('utf-8');
  constructor(private readonly b: Uint8Array) {}
  get length(): number {
    return this.b.length;
  }
  indexOf(needle: string, from: number): number {
    const first = needle.charCodeAt(0);
    for (let i = this.b.indexOf(first, from); i >= 0; i = this.b.indexOf(first, i + 1)) {
      let k = 1;
      while (k < needle.length && this.b[i + k] === needle.charCodeAt(k)) k++;
      if (k === needle.length) return i;
    }
    return -1;
  }
  text(a: number, b: number): string {
    return this.decoder.decode(this.b.subarray(a, b));
  }
}
