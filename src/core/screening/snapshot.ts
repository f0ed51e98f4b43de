import type { EntityAlias, EntityType, ListData, ListEntity } from './entity';
import { ListParseError } from './errors';
import { nameTokens, NORMALIZER_VERSION } from './normalize';
import type { ListInfo } from './types';

/**
 * The bundled list format (lists/*.json): one JSON document per list, entities as compact arrays so
 * the snapshot stays small and loads with a single JSON.parse.
 *   [id, type, primaryName, aliases, weakAliases, programs, addresses, countries, remarks, identifiers, listedOn]
 * Aliases are strings, or [name, kind] when the kind is not a plain a.k.a.
 */
export const SNAPSHOT_FORMAT = 'clauseguard-list/1';

export interface SnapshotHeader {
  format: typeof SNAPSHOT_FORMAT;
  /** NORMALIZER_VERSION the "folded" column was made with. */
  normalizer?: number;
  list: Omit<ListInfo, 'sha256' | 'entries'> & { licence?: string; notes?: string };
  columns: string[];
}

type Row = [string, string, string, (string | [string, string])[], string[], string[], string[], string[], string, string[], string, string[]?];

const TYPE_CODE: Record<EntityType, string> = { person: 'p', organization: 'o', vessel: 'v', aircraft: 'a', unknown: 'u' };
const CODE_TYPE: Record<string, EntityType> = { p: 'person', o: 'organization', v: 'vessel', a: 'aircraft', u: 'unknown' };
const COLUMNS = ['id', 'type', 'primaryName', 'aliases', 'weakAliases', 'programs', 'addresses', 'countries', 'remarks', 'identifiers', 'listedOn', 'folded'];

export function encodeSnapshot(header: Omit<SnapshotHeader, 'format' | 'columns'>, entities: readonly ListEntity[]): string {
  const prefix = `${header.list.id}:`;
  const fold = (name: string, e: ListEntity) => {
    const t = nameTokens(name, e.type === 'person');
    return t.core.join(' ') + (t.legal.length ? `|${t.legal.join('+')}` : '');
  };
  const rows: Row[] = entities.map((e) => [
    e.id.startsWith(prefix) ? e.id.slice(prefix.length) : e.id,
    TYPE_CODE[e.type],
    e.primaryName,
    e.aliases.filter((a) => a.quality === 'strong').map((a) => (a.kind && a.kind !== 'aka' ? [a.name, a.kind] : a.name)),
    e.aliases.filter((a) => a.quality === 'weak').map((a) => a.name),
    e.programs,
    e.addresses,
    e.countries,
    e.remarks ?? '',
    e.identifiers,
    e.listedOn ?? '',
    // Same order as decodeSnapshot rebuilds the aliases: primary, strong aliases, weak aliases.
    [e.primaryName, ...e.aliases.filter((a) => a.quality === 'strong').map((a) => a.name), ...e.aliases.filter((a) => a.quality === 'weak').map((a) => a.name)].map((n) => fold(n, e)),
  ]);
  const head = JSON.stringify({ format: SNAPSHOT_FORMAT, list: header.list, columns: COLUMNS, normalizer: NORMALIZER_VERSION });
  // One entity per line keeps diffs of the committed snapshot readable.
  return `${head.slice(0, -1)},"entities":[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]}\n`;
}

/** Reads a snapshot; `sha256` is computed by the caller (the core has no crypto). Throws ListParseError. */
export function decodeSnapshot(text: string, file: string, sha256: string): ListData {
  let doc: { format?: unknown; list?: SnapshotHeader['list']; entities?: unknown; normalizer?: unknown };
  try {
    doc = JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec(String(e))?.[1];
    throw new ListParseError(file, pos ? text.slice(0, Number(pos)).split('\n').length : 1, 'not valid JSON; the file looks truncated or damaged.');
  }
  if (doc.format !== SNAPSHOT_FORMAT || !doc.list || !Array.isArray(doc.entities)) {
    throw new ListParseError(file, 1, `not a ClauseGuard list snapshot (expected format "${SNAPSHOT_FORMAT}").`);
  }
  const listId = doc.list.id;
  const foldedOk = doc.normalizer === NORMALIZER_VERSION;
  const rows = doc.entities as unknown[];
  const entities: ListEntity[] = new Array(rows.length);
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    if (!Array.isArray(r) || r.length < COLUMNS.length - 1 || typeof r[2] !== 'string') throw new ListParseError(file, k + 2, `entity ${k + 1} does not have the ${COLUMNS.length} expected columns.`);
    const row = r as Row;
    const aliases: EntityAlias[] = [];
    for (const a of row[3]) aliases.push(Array.isArray(a) ? { name: a[0], quality: 'strong', kind: a[1] as EntityAlias['kind'] } : { name: a, quality: 'strong', kind: 'aka' });
    for (const name of row[4]) aliases.push({ name, quality: 'weak', kind: 'aka' });
    const entity: ListEntity = {
      id: `${listId}:${row[0]}`,
      list: listId,
      primaryName: row[2],
      aliases,
      type: CODE_TYPE[row[1]] ?? 'unknown',
      programs: row[5],
      addresses: row[6],
      countries: row[7],
      identifiers: row[9],
    };
    if (row[8]) entity.remarks = row[8];
    if (row[10]) entity.listedOn = row[10];
    const folded = row[11];
    if (foldedOk && folded && folded.length === aliases.length + 1) entity.foldedNames = folded;
    entities[k] = entity;
  }
  const { id, name, date, source } = doc.list;
  return { info: { id, name, date, entries: entities.length, sha256, ...(source ? { source } : {}) }, entities };
}
