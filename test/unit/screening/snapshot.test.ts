import * as assert from 'node:assert/strict';
import type { ListEntity } from '../../../src/core/screening/entity';
import { plainEntity, prefoldedWords } from '../../../src/core/screening/entity';
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
      { name: 'Sek Studio', quality: 'strong', kind: 'aka' },
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

  it('keeps each name’s folded words in the order primary, strong, weak, without repeats', () => {
    const e = decodeSnapshot(text, 'test.json', 'x').entities[0];
    const words = prefoldedWords(e.foldedNames!);
    assert.deepEqual(words[0], ['sek', 'studio']);
    assert.deepEqual(words[1], ['april', '26', 'childrens', 'animation', 'film', 'studio']);
    assert.equal(words[3], null, '"Sek Studio" repeats the primary name: nothing more to screen');
    assert.deepEqual(words[4], ['sek'], 'the weak a.k.a. comes last');
  });

  it('names the line where a truncated or damaged file breaks', () => {
    const lines = text.split('\n');
    const cut = (n: number) => lines.slice(0, n).join('\n');
    const lineStarting = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix)) + 1;
    const indexLine = lineStarting('"1","o"');
    const entityLine = lineStarting('["SEK STUDIO"');
    const detailLine = lineStarting('[["Pyongyang');
    const n = entities.length;
    const expectLine = (input: string, line: number) =>
      assert.throws(
        () => decodeSnapshot(input, 'test.json', 'x'),
        (e: unknown) => e instanceof ListParseError && e.line === line,
        `expected an error on line ${line}`,
      );
    expectLine('{"format":"clauseguard-list/2","list":', 1);
    expectLine('{"format":"something-else"}\n', 1);
    expectLine(cut(3), 2); // ends inside the vocabulary
    expectLine(cut(indexLine), indexLine + n); // ends inside the index rows
    expectLine(cut(entityLine), entityLine + n); // ends inside the entity rows
    expectLine(cut(detailLine), detailLine + n); // ends inside the detail rows
    expectLine(text.replace('"1","o"', '"1","o",'), indexLine);
    expectLine(lines.map((l, i) => (i + 1 === indexLine ? l.replace(/,$/, ',0,') : l)).join('\n'), indexLine); // one name too many
    expectLine(text.replace('["SEK STUDIO"', '["SEK STUDIO'), entityLine);
    expectLine(text.replace('["KIM, Chol"', '["KIM, Chol",'), entityLine + 1);
    expectLine(text.replace('["Pyongyang, Korea, North"]', '["Pyongyang, Korea, North"'), detailLine);
  });

  it('in the bundled (trusted) file, reports a damaged row in the entity instead of throwing (hovers never fail)', () => {
    const damaged = text.replace('["Pyongyang, Korea, North"]', '["Pyongyang, Korea, North"').replace('["KIM, Chol"', '["KIM, Chol",');
    const [sek, kim] = decodeSnapshot(damaged, 'test.json', 'x', { trusted: true }).entities;
    assert.equal(sek.primaryName, 'SEK STUDIO');
    assert.deepEqual(sek.addresses, []);
    const line = (prefix: string) => damaged.split('\n').findIndex((l) => l.startsWith(prefix)) + 1;
    assert.match(sek.remarks ?? '', new RegExp(`test\\.json, line ${line('[["Pyongyang')}, are damaged`));
    assert.equal(kim.primaryName, `(entry damaged: test.json, line ${line('["KIM, Chol"')})`);
    assert.equal(kim.id, 'test:2', 'id and type come from the index rows');
    assert.equal(kim.type, 'person');
  });
});
