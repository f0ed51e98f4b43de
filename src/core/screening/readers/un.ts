import type { EntityAlias, ListEntity } from '../entity';
import { ListParseError } from '../errors';
import { child, childText, parseXml, type XmlElement } from './xml';

export interface UnReadResult {
  entities: ListEntity[];
  /** dateGenerated of the file, YYYY-MM-DD. */
  date?: string;
}

/** Reads the UN Security Council consolidated list XML. Throws ListParseError. */
export function readUnXml(text: string, file: string, listId = 'un'): UnReadResult {
  const root = parseXml(text, file);
  if (root.name !== 'CONSOLIDATED_LIST') throw new ListParseError(file, root.line, `expected <CONSOLIDATED_LIST>, found <${root.name}>.`);
  const entities: ListEntity[] = [];
  const seen = new Set<string>();
  for (const group of root.children) {
    for (const rec of group.children) {
      if (rec.name !== 'INDIVIDUAL' && rec.name !== 'ENTITY') continue;
      const entity = readRecord(rec, file, listId);
      if (seen.has(entity.id)) entity.id = `${entity.id}#${childText(rec, 'DATAID') ?? entities.length}`;
      seen.add(entity.id);
      entities.push(entity);
    }
  }
  const generated = root.attributes.dateGenerated;
  return { entities, ...(generated ? { date: generated.slice(0, 10) } : {}) };
}

function readRecord(rec: XmlElement, file: string, listId: string): ListEntity {
  const person = rec.name === 'INDIVIDUAL';
  const name = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME']
    .map((n) => childText(rec, n))
    .filter(Boolean)
    .join(' ');
  if (!name) throw new ListParseError(file, rec.line, `the ${person ? 'individual' : 'entity'} record has no name.`);
  const ref = childText(rec, 'REFERENCE_NUMBER') ?? `DATAID-${childText(rec, 'DATAID') ?? rec.line}`;
  const aliases: EntityAlias[] = [];
  for (const a of rec.children.filter((c) => c.name.endsWith('_ALIAS'))) {
    const aliasName = childText(a, 'ALIAS_NAME');
    if (!aliasName || aliasName === name) continue;
    const quality = (childText(a, 'QUALITY') ?? '').toLowerCase();
    aliases.push({ name: aliasName, quality: quality === 'low' ? 'weak' : 'strong', kind: quality === 'f.k.a.' ? 'fka' : 'aka' });
  }
  const original = childText(rec, 'NAME_ORIGINAL_SCRIPT');
  if (original) aliases.push({ name: original, quality: 'strong', kind: 'original-script' });
  const addresses: string[] = [];
  const countries: string[] = [];
  for (const a of rec.children.filter((c) => c.name.endsWith('_ADDRESS'))) {
    const parts = ['STREET', 'CITY', 'STATE_PROVINCE', 'ZIP_CODE', 'COUNTRY'].map((n) => childText(a, n)).filter(Boolean);
    const note = childText(a, 'NOTE');
    if (parts.length) addresses.push(parts.join(', ') + (note ? ` (${note})` : ''));
    const country = childText(a, 'COUNTRY');
    if (country && !countries.includes(country)) countries.push(country);
  }
  for (const v of child(rec, 'NATIONALITY')?.children ?? []) {
    const c = v.text.trim();
    if (c && !countries.includes(c)) countries.push(c);
  }
  const identifiers: string[] = [];
  for (const d of rec.children.filter((c) => c.name.endsWith('_DOCUMENT'))) {
    const parts = ['TYPE_OF_DOCUMENT', 'NUMBER', 'ISSUING_COUNTRY'].map((n) => childText(d, n)).filter(Boolean);
    if (parts.length > 1) identifiers.push(parts.join(' '));
  }
  const designation = (child(rec, 'DESIGNATION')?.children ?? []).map((v) => v.text.trim()).filter(Boolean);
  const remarks = [designation.length ? `Designation: ${designation.join('; ')}` : '', childText(rec, 'COMMENTS1') ?? '']
    .filter(Boolean)
    .join('. ')
    .replace(/\s+/g, ' ');
  const listType = childText(rec, 'UN_LIST_TYPE');
  const listedOn = childText(rec, 'LISTED_ON');
  return {
    id: `${listId}:${ref.trim()}`,
    list: listId,
    primaryName: name.replace(/\s+/g, ' '),
    aliases,
    type: person ? 'person' : 'organization',
    programs: listType ? [listType] : [],
    addresses,
    countries,
    ...(remarks ? { remarks } : {}),
    identifiers,
    ...(listedOn ? { listedOn: listedOn.slice(0, 10) } : {}),
  };
}
