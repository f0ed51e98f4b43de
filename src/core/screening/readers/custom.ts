import type { EntityAlias, EntityType, ListEntity } from '../entity';
import { ListParseError } from '../errors';
import { readCsvRecords } from './csv';

/**
 * A firm's own watchlist (blocked vendors…). CSV with a header row — `name` required; `aliases`
 * (separated by `;`), `notes`, `type` (person/organization), `country`, `id` optional — or JSON: an array
 * of {name, aliases?, notes?, type?, country?, id?} (or {"entities": [...]}).
 */
export function readCustomWatchlist(text: string, file: string, listId: string): ListEntity[] {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart();
  return trimmed.startsWith('[') || trimmed.startsWith('{') ? readJson(trimmed, file, listId) : readCsv(text, file, listId);
}

interface Row {
  line: number;
  name?: string;
  aliases: string[];
  notes?: string;
  type?: string;
  country?: string;
  id?: string;
}

function readCsv(text: string, file: string, listId: string): ListEntity[] {
  const records = readCsvRecords(text, file);
  if (!records.length) return [];
  const header = records[0].fields.map((h) => h.trim().toLowerCase());
  const col = (n: string) => header.indexOf(n);
  if (col('name') < 0) throw new ListParseError(file, records[0].line, 'the first row must be a header with a "name" column (and optionally aliases, notes, type, country, id).');
  const rows: Row[] = [];
  for (const rec of records.slice(1)) {
    if (rec.fields.length !== header.length) {
      throw new ListParseError(file, rec.line, `expected ${header.length} fields as in the header, found ${rec.fields.length}.`);
    }
    const get = (n: string) => (col(n) >= 0 ? rec.fields[col(n)].trim() || undefined : undefined);
    rows.push({ line: rec.line, name: get('name'), aliases: splitAliases(get('aliases')), notes: get('notes'), type: get('type'), country: get('country'), id: get('id') });
  }
  return rows.map((r) => toEntity(r, file, listId));
}

function readJson(text: string, file: string, listId: string): ListEntity[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const pos = /position (\d+)/.exec(String(e))?.[1];
    const line = pos ? text.slice(0, Number(pos)).split('\n').length : 1;
    throw new ListParseError(file, line, 'not valid JSON (the file may be truncated).');
  }
  const items = Array.isArray(data) ? data : isObj(data) && Array.isArray(data.entities) ? data.entities : undefined;
  if (!items) throw new ListParseError(file, 1, 'expected an array of entries, or {"entities": [...]}.');
  return items.map((item: unknown, k: number) => {
    if (!isObj(item)) throw new ListParseError(file, 1, `entry ${k + 1} is not an object.`);
    const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
    const aliases = Array.isArray(item.aliases) ? item.aliases.filter((a): a is string => typeof a === 'string') : splitAliases(str(item.aliases));
    return toEntity({ line: k + 1, name: str(item.name), aliases, notes: str(item.notes), type: str(item.type), country: str(item.country), id: str(item.id) ?? (typeof item.id === 'number' ? String(item.id) : undefined) }, file, listId, `entry ${k + 1}`);
  });
}

function toEntity(r: Row, file: string, listId: string, where?: string): ListEntity {
  if (!r.name) throw new ListParseError(file, r.line, `${where ?? 'the row'} has no name.`);
  const aliases: EntityAlias[] = r.aliases.filter((a) => a !== r.name).map((name) => ({ name, quality: 'strong', kind: 'aka' }));
  return {
    id: `${listId}:${r.id ?? r.line}`,
    list: listId,
    primaryName: r.name,
    aliases,
    type: entityType(r.type),
    programs: [],
    addresses: [],
    countries: r.country ? [r.country] : [],
    ...(r.notes ? { remarks: r.notes } : {}),
    identifiers: [],
  };
}

function entityType(t: string | undefined): EntityType {
  const v = t?.toLowerCase() ?? '';
  if (/^(person|individual)$/.test(v)) return 'person';
  if (/^(organi[sz]ation|company|entity)$/.test(v)) return 'organization';
  return 'unknown';
}

function splitAliases(s: string | undefined): string[] {
  return (s ?? '').split(';').map((a) => a.trim()).filter(Boolean);
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
