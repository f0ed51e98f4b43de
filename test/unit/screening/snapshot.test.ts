import * as assert from 'node:assert/strict';
import type { ListEntity } from '../../../src/core/screening/entity';
import { plainEntity } from '../../../src/core/screening/entity';
import { ListParseError } from '../../../src/core/screening/errors';
import { decodeSnapshot, encodeSnapshot } from '../../../src/core/screening/snapshot';

const entities: ListEntity[] = [
  {
    id: 'test:1',
    list: 'test',
    primaryName: 'SEK STUDIO',
    aliases: [
      { name: "APRIL 26 CHILDREN'S ANIMATION FILM STUDIO", quality: 'strong', kind: 'aka' },
      { name: '4.26 아동영화촬영소', quality: 'strong', kind: 'original-script' },
      { name: 'SEK', quality: 'weak', kind: 'aka' },
    ],
    type: 'organization',
    programs: ['DPRK3'],
    addresses: ['Pyongyang, Korea, North'],
    countries: ['Korea, North'],
    remarks: 'Line one.\nLine two with "quotes" and ]\n]',
    identifiers: [],
    listedOn: '2022-03-11',
  },
  { id: 'test:2', list: 'test', primaryName: 'KIM, Chol', aliases: [], type: 'person', programs: [], addresses: [], countries: [], identifiers: ['Passport 123'] },
];

function roundTrip(input: string | Uint8Array): ListEntity[] {
  return decodeSnapshot(input, 'test.json', 'f'.repeat(64)).entities.map(plainEntity);
}

describe('list snapshot (lists/*.json)', () => {
  const text = encodeSnapshot({ list: { id: 'test', name: 'Test list', date: '2026-01-01' } }, entities);

  it('decodes what it encodes, from text and from bytes, details included', () => {
    assert.deepEqual(roundTrip(text), entities);
    assert.deepEqual(roundTrip(new TextEncoder().encode(text)), entities);
  });

  it('keeps each name’s folded comparison form in the order primary, strong, weak', () => {
    const e = decodeSnapshot(text, 'test.json', 'x').entities[0];
    assert.equal(e.foldedNames?.length, 4);
    assert.equal(e.foldedNames?.[0], 'sek studio');
  });

  it('names the line where a truncated or damaged file breaks', () => {
    const lines = text.split('\n');
    const cut = (n: number) => lines.slice(0, n).join('\n');
    const expectLine = (input: string, line: number) =>
      assert.throws(
        () => decodeSnapshot(input, 'test.json', 'x'),
        (e: unknown) => e instanceof ListParseError && e.line === line,
      );
    expectLine('{"format":"clauseguard-list/2","list":', 1);
    expectLine('{"format":"something-else"}\n', 1);
    expectLine(cut(3), 5); // ends inside the entity rows
    expectLine(cut(6), 9); // ends inside the detail rows
    expectLine(text.replace('"SEK STUDIO"', '"SEK STUDIO'), 3);
  });

  it('reports a damaged detail row in the entity instead of throwing (hovers never fail)', () => {
    const damaged = text.replace('["Pyongyang, Korea, North"]', '["Pyongyang, Korea, North"');
    const e = decodeSnapshot(damaged, 'test.json', 'x').entities[0];
    assert.deepEqual(e.addresses, []);
    assert.match(e.remarks ?? '', /test\.json, line 7, are damaged/);
  });
});
