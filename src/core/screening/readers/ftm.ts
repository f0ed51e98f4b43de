import type { EntityAlias, EntityType, ListEntity } from '../entity';
import { ListParseError } from '../errors';

interface FtmObject {
  id: string;
  schema: string;
  caption?: string;
  properties: Record<string, unknown>;
  last_change?: string;
}

const NAMED_SCHEMAS: Record<string, EntityType> = {
  Person: 'person',
  Company: 'organization',
  Organization: 'organization',
  LegalEntity: 'organization',
  PublicBody: 'organization',
  Vessel: 'vessel',
  Airplane: 'aircraft',
};
const ID_PROPS = ['registrationNumber', 'taxNumber', 'innCode', 'ogrnCode', 'imoNumber', 'idNumber', 'passportNumber', 'swiftBic', 'leiCode', 'vatCode', 'mmsi'];

export interface FtmReadResult {
  entities: ListEntity[];
  /** Newest last_change, YYYY-MM-DD. */
  date?: string;
}

/** Reads OpenSanctions FollowTheMoney JSON lines (one entity a line). Throws ListParseError. */
export function readFtmJsonLines(text: string, file: string, listId = 'opensanctions'): FtmReadResult {
  const objects: FtmObject[] = [];
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const raw = lines[n].trim();
    if (!raw) continue;
    let obj: unknown;
    try {
      obj = JSON.parse(raw);
    } catch {
      const hint = n >= lines.length - 2 ? ' The file looks truncated.' : '';
      throw new ListParseError(file, n + 1, `not a valid JSON object.${hint}`);
    }
    if (!isFtm(obj)) throw new ListParseError(file, n + 1, 'a FollowTheMoney entity needs "id", "schema" and "properties".');
    objects.push(obj);
  }
  const byId = new Map(objects.map((o) => [o.id, o]));
  const programs = new Map<string, { programs: string[]; listed?: string }>();
  for (const o of objects) {
    if (o.schema !== 'Sanction') continue;
    for (const target of strings(o.properties.entity)) {
      const entry = programs.get(target) ?? { programs: [] };
      for (const p of [...strings(o.properties.program), ...strings(o.properties.programId)]) if (!entry.programs.includes(p)) entry.programs.push(p);
      const listed = strings(o.properties.listingDate)[0] ?? strings(o.properties.startDate)[0];
      if (listed && (!entry.listed || listed < entry.listed)) entry.listed = listed;
      programs.set(target, entry);
    }
  }
  let newest = '';
  const entities: ListEntity[] = [];
  for (const o of objects) {
    if (o.last_change && o.last_change > newest) newest = o.last_change;
    const type = NAMED_SCHEMAS[o.schema];
    if (!type) continue;
    const p = o.properties;
    const names = strings(p.name);
    const primaryName = o.caption?.trim() || names[0];
    if (!primaryName) continue;
    const aliases: EntityAlias[] = [];
    const seen = new Set([primaryName]); // a Set, not a search of the list: one entity may carry 200k names
    const add = (name: string, quality: EntityAlias['quality'], kind: EntityAlias['kind']) => {
      if (name && !seen.has(name)) {
        seen.add(name);
        aliases.push({ name, quality, kind });
      }
    };
    for (const n of names) add(n, 'strong', 'aka');
    for (const n of strings(p.alias)) add(n, 'strong', 'aka');
    for (const n of strings(p.previousName)) add(n, 'strong', 'fka');
    for (const n of strings(p.weakAlias)) add(n, 'weak', 'aka');
    const addresses = [...new Set(strings(p.address))];
    const seenAddresses = new Set(addresses);
    for (const ref of strings(p.addressEntity)) {
      const full = byId.get(ref)?.properties.full;
      for (const a of strings(full)) {
        if (seenAddresses.has(a)) continue;
        seenAddresses.add(a);
        addresses.push(a);
      }
    }
    const sanction = programs.get(o.id);
    const notes = [...strings(p.notes), ...strings(p.position)].join('; ');
    const listed = sanction?.listed ?? strings(p.createdAt)[0];
    entities.push({
      id: `${listId}:${o.id}`,
      list: listId,
      primaryName,
      aliases,
      type,
      programs: sanction?.programs ?? strings(p.program),
      addresses,
      countries: [...new Set([...strings(p.country), ...strings(p.nationality), ...strings(p.jurisdiction)])],
      ...(notes ? { remarks: notes } : {}),
      identifiers: ID_PROPS.flatMap((k) => strings(p[k]).map((v) => `${k} ${v}`)),
      ...(listed ? { listedOn: listed.slice(0, 10) } : {}),
    });
  }
  return { entities, ...(newest ? { date: newest.slice(0, 10) } : {}) };
}

function isFtm(v: unknown): v is FtmObject {
  if (typeof v !== 'object' || v === null) return false;
  const o = v as Record<string, unknown>;
  return typeof o.id === 'string' && typeof o.schema === 'string' && typeof o.properties === 'object' && o.properties !== null;
}

function strings(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}
