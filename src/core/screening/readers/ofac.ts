import type { EntityAlias, EntityType, ListEntity } from '../entity';
import { ListParseError } from '../errors';
import { ofacValue, readCsvRecords, type CsvRecord } from './csv';

/** A file handed to a reader: its name (for messages) and its whole text. */
export interface ListFile {
  name: string;
  text: string;
}

/** The files of one OFAC legacy CSV set (SDN: sdn/alt/add/sdn_comments; non-SDN: cons_prim/…). */
export interface OfacFileSet {
  primary: ListFile;
  alt?: ListFile;
  add?: ListFile;
  comments?: ListFile;
}

export interface OfacReadOptions {
  /** Prefix of entity ids: "ofac-sdn" or "ofac-cons". */
  listId: string;
  /**
   * Entities that appear in alt.csv but not in the primary file (designated after the primary file's
   * date, when the files come from different dates): include them under their first alias.
   */
  includeAliasOnlyEntities?: boolean;
  /** Words put before text from the comments file, when it is newer than the primary file. */
  commentsLabel?: string;
}

export interface OfacReadResult {
  entities: ListEntity[];
  /** Entities built from alt.csv alone (no primary row): their primary name is an alias. */
  aliasOnly: number;
}

const PRIMARY_COLUMNS = 12;

/** Reads an OFAC legacy CSV set (no header, `-0- ` nulls, programs split on `] [`). Throws ListParseError. */
export function readOfacCsvSet(files: OfacFileSet, options: OfacReadOptions): OfacReadResult {
  const byNum = new Map<number, ListEntity>();
  const entities: ListEntity[] = [];
  for (const rec of checkedRecords(files.primary, PRIMARY_COLUMNS)) {
    const num = entNum(files.primary.name, rec);
    const f = rec.fields;
    const name = ofacValue(f[1]);
    if (!name) throw new ListParseError(files.primary.name, rec.line, 'the entry has no name.');
    const remarks = ofacValue(f[11]);
    const entity: ListEntity = {
      id: `${options.listId}:${num}`,
      list: options.listId,
      primaryName: name,
      aliases: remarks ? remarkAliases(remarks) : [],
      type: entityType(ofacValue(f[2])),
      programs: splitPrograms(ofacValue(f[3])),
      addresses: [],
      countries: [],
      identifiers: remarks ? remarkIdentifiers(remarks) : [],
      ...(remarks ? { remarks } : {}),
    };
    const vesselFlag = ofacValue(f[9]);
    if (vesselFlag) entity.countries.push(vesselFlag);
    const title = ofacValue(f[4]);
    if (title && entity.type === 'person') entity.remarks = entity.remarks ? `Title: ${title}; ${entity.remarks}` : `Title: ${title}`;
    if (byNum.has(num)) throw new ListParseError(files.primary.name, rec.line, `entry ${num} appears twice.`);
    byNum.set(num, entity);
    entities.push(entity);
  }
  let aliasOnly = 0;
  // Names already on each entity, so that one entity with 200k alias rows stays linear.
  const namesOf = new Map<ListEntity, Set<string>>();
  const names = (e: ListEntity) => {
    let set = namesOf.get(e);
    if (!set) namesOf.set(e, (set = new Set([e.primaryName, ...e.aliases.map((a) => a.name)])));
    return set;
  };
  const addAlias = (e: ListEntity, alias: EntityAlias) => {
    const set = names(e);
    if (set.has(alias.name)) return;
    set.add(alias.name);
    e.aliases.push(alias);
  };
  if (files.alt) {
    for (const rec of checkedRecords(files.alt, 5)) {
      const num = entNum(files.alt.name, rec);
      const name = ofacValue(rec.fields[3]);
      if (!name) continue;
      const kind = (ofacValue(rec.fields[2]) ?? 'aka').toLowerCase();
      const alias: EntityAlias = { name, quality: 'strong', kind: kind === 'fka' || kind === 'nka' ? kind : 'aka' };
      let entity = byNum.get(num);
      if (!entity) {
        if (!options.includeAliasOnlyEntities) continue;
        entity = {
          id: `${options.listId}:${num}`,
          list: options.listId,
          primaryName: name,
          aliases: [],
          type: 'unknown',
          programs: [],
          addresses: [],
          countries: [],
          identifiers: [],
          remarks: 'Designated after the bundled primary-name file: the name shown is a listed alias, not the primary name.',
        };
        byNum.set(num, entity);
        entities.push(entity);
        aliasOnly++;
        continue;
      }
      addAlias(entity, alias);
    }
  }
  if (files.add) {
    for (const rec of checkedRecords(files.add, 6)) {
      const entity = byNum.get(entNum(files.add.name, rec));
      if (!entity) continue;
      const [, , street, city, country, remark] = rec.fields.map(ofacValue);
      const parts = [street, city, country].filter((p): p is string => !!p);
      if (parts.length) entity.addresses.push(parts.join(', ') + (remark ? ` (${remark})` : ''));
      if (country && !entity.countries.includes(country)) entity.countries.push(country); // a few countries per entity
    }
  }
  if (files.comments) {
    for (const rec of checkedRecords(files.comments, 2)) {
      const entity = byNum.get(entNum(files.comments.name, rec));
      const text = ofacValue(rec.fields[1]);
      if (!entity || !text) continue;
      const label = options.commentsLabel ? `${options.commentsLabel} ` : '';
      entity.remarks = entity.remarks ? `${entity.remarks} … ${label}${text}` : `${label}${text}`;
      for (const a of remarkAliases(text)) addAlias(entity, a);
    }
  }
  return { entities, aliasOnly };
}

function checkedRecords(file: ListFile, columns: number): CsvRecord[] {
  const records = readCsvRecords(file.text, file.name);
  for (const rec of records) {
    if (rec.fields.length !== columns) {
      const hint = rec === records[records.length - 1] ? ' The file looks truncated.' : '';
      throw new ListParseError(file.name, rec.line, `expected ${columns} fields, found ${rec.fields.length}.${hint}`);
    }
  }
  return records;
}

function entNum(file: string, rec: CsvRecord): number {
  const raw = rec.fields[0].trim();
  if (!/^\d+$/.test(raw)) throw new ListParseError(file, rec.line, `the first field should be an entry number, found ${JSON.stringify(raw.slice(0, 40))}.`);
  return Number(raw);
}

function entityType(raw: string | undefined): EntityType {
  switch (raw?.toLowerCase()) {
    case 'individual':
      return 'person';
    case 'vessel':
      return 'vessel';
    case 'aircraft':
      return 'aircraft';
    default:
      return 'organization';
  }
}

export function splitPrograms(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .replace(/^\[|\]$/g, '')
    .split('] [')
    .map((p) => p.trim())
    .filter(Boolean);
}

/** a.k.a. / f.k.a. names quoted in remarks: OFAC's legacy files keep weak AKAs there. */
export function remarkAliases(remarks: string): EntityAlias[] {
  const out: EntityAlias[] = [];
  for (const m of remarks.matchAll(/\b([afn])\.k\.a\.?,?\s+'(.+?)'(?=\s*(?:[;.,)]|$))/gi)) {
    const name = m[2].trim();
    if (name && !out.some((a) => a.name === name)) out.push({ name, quality: 'weak', kind: `${m[1].toLowerCase()}ka` as EntityAlias['kind'] });
  }
  return out;
}

const ID_SEGMENT =
  /\b(?:Passport|National ID|Identification Number|Tax ID|Registration (?:Number|ID)|Unified Social Credit Code|SWIFT\/BIC|IMO \d|MMSI|Cedula|D-U-N-S|Legal Entity Number|Company Number|Business Registration|Digital Currency Address|Aircraft (?:Manufacturer's Serial Number|Tail Number)|Vessel Registration|C\.U\.R\.P\.|R\.F\.C\.|NIT #|RUC #|V\.A\.T\. Number|Trade License|Chinese Commercial Code|Residency Number|Driver's License|Birth Certificate|Personal ID Card|Social Security Number|Citizen's Card Number|Government Gazette Number)/;

/** Remark segments (`; `-separated) that carry an identifier number. */
export function remarkIdentifiers(remarks: string): string[] {
  return remarks
    .split(/;\s+/)
    .map((s) => s.trim().replace(/\.$/, ''))
    .filter((s) => ID_SEGMENT.test(s) && /\d/.test(s) && s.length < 200);
}
