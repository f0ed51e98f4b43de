import { describeShared } from '../helpers/sharedData';
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ListParseError } from '../../../src/core/screening/errors';
import { nameTokens, NORMALIZER_VERSION } from '../../../src/core/screening/normalize';
import { readCsvRecords } from '../../../src/core/screening/readers/csv';
import { readCustomWatchlist } from '../../../src/core/screening/readers/custom';
import { readFtmJsonLines } from '../../../src/core/screening/readers/ftm';
import { readOfacCsvSet, type ListFile } from '../../../src/core/screening/readers/ofac';
import { readUnXml } from '../../../src/core/screening/readers/un';
import { decodeSnapshot } from '../../../src/core/screening/snapshot';
import { prefoldedWords } from '../../../src/core/screening/entity';
import { loadLists } from '../../../src/node/lists';

// Reader tests on the real list files (counts from ../shared/data/sanctions/SOURCES.md) and on damaged copies.
const DATA = join(__dirname, '../../../../../shared/data/sanctions');
const file = (p: string): ListFile => ({ name: p.split('/').pop()!, text: readFileSync(join(DATA, p), 'utf8') });

function expectParseError(fn: () => unknown, line: number | ((l: number) => boolean), re?: RegExp): void {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof ListParseError, `expected ListParseError, got ${String(e)}`);
    if (typeof line === 'number') assert.equal(e.line, line, e.message);
    else assert.ok(line(e.line), `unexpected line ${e.line}: ${e.message}`);
    if (re) assert.match(e.message, re);
    assert.match(e.message, new RegExp(`line ${e.line}`));
    return;
  }
  assert.fail('expected a ListParseError');
}

describeShared('list readers on the real files', function () {
  this.timeout(60_000);

  describe('OFAC SDN legacy CSV (sdn.csv 2024-05-03 + Dec 2025 companions)', () => {
    const sdn = file('ofac/sdn_2024-05-03/sdn.csv');
    const { entities } = readOfacCsvSet({ primary: sdn }, { listId: 'ofac-sdn' });
    const byId = new Map(entities.map((e) => [e.id, e]));

    it('reads every row: 14,965 entities by type as SOURCES.md counts them', () => {
      assert.equal(entities.length, 14965);
      const count = (t: string) => entities.filter((e) => e.type === t).length;
      assert.deepEqual([count('organization'), count('person'), count('vessel'), count('aircraft')], [6884, 6854, 851, 376]);
    });

    it('splits programs on "] [" and keeps list-qualified ids', () => {
      assert.deepEqual(byId.get('ofac-sdn:24977')?.programs, ['DPRK3', 'DPRK4']);
      assert.equal(byId.get('ofac-sdn:34022')?.primaryName, 'SEK STUDIO');
      assert.equal(byId.get('ofac-sdn:22702')?.type, 'person');
    });

    it('takes weak a.k.a.s from the remarks and identifiers from remark segments', () => {
      const alis = byId.get('ofac-sdn:48260')!;
      assert.deepEqual(alis.aliases.map((a) => [a.name, a.quality]), [['ALIAS LLC', 'weak'], ['ALIS LLC', 'weak']]);
      assert.ok(alis.identifiers.some((i) => i.startsWith('Tax ID No. 2543103179')));
    });

    it('joins the Dec 2025 alt/add/comments files by entry number', () => {
      const set = readOfacCsvSet(
        { primary: sdn, alt: file('ofac/2025-12/alt.csv'), add: file('ofac/2025-12/add.csv'), comments: file('ofac/2025-12/sdn_comments.csv') },
        { listId: 'ofac-sdn', includeAliasOnlyEntities: true },
      );
      const sek = set.entities.find((e) => e.id === 'ofac-sdn:34022')!;
      assert.deepEqual(sek.aliases.filter((a) => a.quality === 'strong').map((a) => a.name), ["APRIL 26 CHILDREN'S ANIMATION FILM STUDIO", 'SCIENTIFIC EDUCATION KOREA STUDIO']);
      assert.deepEqual(sek.countries, ['Korea, North', 'China']);
      assert.ok(set.aliasOnly > 1000, 'entities designated after May 2024 appear through their aliases');
    });

    it('companion files have the row counts SOURCES.md gives', () => {
      assert.equal(readCsvRecords(file('ofac/2025-12/alt.csv').text, 'alt.csv').length, 20107);
      assert.equal(readCsvRecords(file('ofac/2025-12/add.csv').text, 'add.csv').length, 24244);
      assert.equal(readCsvRecords(file('ofac/2025-12/sdn_comments.csv').text, 'sdn_comments.csv').length, 28);
    });
  });

  it('OFAC non-SDN consolidated set: 442 entities, aliases for 395', () => {
    const dir = 'ofac_consolidated/2025-12/';
    const { entities } = readOfacCsvSet(
      { primary: file(dir + 'cons_prim.csv'), alt: file(dir + 'cons_alt.csv'), add: file(dir + 'cons_add.csv'), comments: file(dir + 'cons_comments.csv') },
      { listId: 'ofac-cons' },
    );
    assert.equal(entities.length, 442);
    assert.equal(entities.filter((e) => e.aliases.some((a) => a.quality === 'strong')).length, 395);
    assert.ok(entities.every((e) => e.id.startsWith('ofac-cons:')));
  });

  it('UN consolidated XML: 730 individuals, 273 entities, KPe.050 with its alias', () => {
    const { entities, date } = readUnXml(readFileSync(join(DATA, 'un/UN_consolidated.xml'), 'utf8'), 'UN_consolidated.xml');
    assert.equal(date, '2026-02-27');
    assert.equal(entities.filter((e) => e.type === 'person').length, 730);
    assert.equal(entities.filter((e) => e.type === 'organization').length, 273);
    const m = entities.find((e) => e.id === 'un:KPe.050')!;
    assert.equal(m.primaryName, 'MANSUDAE OVERSEAS PROJECT GROUP OF COMPANIES');
    assert.deepEqual(m.aliases, [{ name: 'Mansudae Art Studio', quality: 'strong', kind: 'aka' }]);
    assert.equal(m.listedOn, '2017-08-05');
    assert.deepEqual(m.programs, ['DPRK']);
    assert.ok(entities.some((e) => e.aliases.some((a) => a.quality === 'weak')), '"Low" quality aliases are weak');
  });

  it('OpenSanctions FtM JSON lines: named entities only, with sanctions programs', () => {
    const zala = readFtmJsonLines(readFileSync(join(DATA, 'opensanctions/yente_fixture_zala/entities.ftm.json'), 'utf8'), 'zala.json');
    assert.equal(zala.entities.length, 17); // 11 Company + 6 Person of the 91 records
    assert.equal(zala.date, '2026-04-29');
    const t1 = readFtmJsonLines(readFileSync(join(DATA, 'opensanctions/yente_fixture_t1/entities.ftm.json'), 'utf8'), 't1.json');
    const tobacco = t1.entities.find((e) => e.primaryName.includes('Inter Tobacco'))!;
    assert.ok(tobacco.aliases.length >= 10, 'multilingual name variants become aliases');
  });
});

describeShared('list readers on malformed and truncated files', () => {
  const sdnHead = readFileSync(join(DATA, 'ofac/sdn_2024-05-03/sdn.csv'), 'utf8').split('\r\n').slice(0, 50).join('\r\n');

  it('a truncated OFAC file names its last line', () => {
    const cut = sdnHead.slice(0, sdnHead.lastIndexOf(',-0- ,') + 3);
    const lines = cut.split('\n').length;
    expectParseError(() => readOfacCsvSet({ primary: { name: 'sdn.csv', text: cut } }, { listId: 'ofac-sdn' }), lines, /truncated|fields/);
  });

  it('a file cut inside a quoted field is reported as truncated', () => {
    const cut = sdnHead + '\r\n99999,"UNFINISHED NAME';
    expectParseError(() => readOfacCsvSet({ primary: { name: 'sdn.csv', text: cut } }, { listId: 'ofac-sdn' }), 51, /truncated/);
  });

  it('a row whose entry number is not a number names the line', () => {
    const bad = sdnHead.split('\r\n');
    bad[9] = bad[9].replace(/^\d+/, 'X12');
    expectParseError(() => readOfacCsvSet({ primary: { name: 'sdn.csv', text: bad.join('\r\n') } }, { listId: 'ofac-sdn' }), 10, /entry number/);
  });

  it('a truncated UN XML names the unclosed element', () => {
    const xml = readFileSync(join(DATA, 'un/UN_consolidated.xml'), 'utf8').slice(0, 20000);
    expectParseError(() => readUnXml(xml, 'UN.xml'), (l) => l > 300, /never closed|truncated|cut off/);
  });

  it('mismatched XML tags name both lines', () => {
    expectParseError(() => readUnXml('<CONSOLIDATED_LIST>\n<INDIVIDUALS>\n</ENTITIES>\n</CONSOLIDATED_LIST>', 'x.xml'), 3, /does not match <INDIVIDUALS> opened on line 2/);
  });

  it('a truncated FtM file names the broken line', () => {
    const text = readFileSync(join(DATA, 'opensanctions/yente_fixture_t1/entities.ftm.json'), 'utf8');
    const cut = text.slice(0, text.length - 40);
    expectParseError(() => readFtmJsonLines(cut, 't1.json'), cut.trimEnd().split('\n').length, /truncated/);
  });

  it('custom watchlist: CSV and JSON, with clear errors', () => {
    const csv = readCustomWatchlist('name,aliases,notes\nAcme Shadow Studio,"Acme Shadow; ASS Ltd",blocked 2025\n', 'vendors.csv', 'custom:vendors');
    assert.deepEqual(csv.map((e) => [e.id, e.primaryName, e.aliases.map((a) => a.name), e.remarks]), [['custom:vendors:2', 'Acme Shadow Studio', ['Acme Shadow', 'ASS Ltd'], 'blocked 2025']]);
    const json = readCustomWatchlist('[{"name":"Blocked Vendor LLC","aliases":["BV"],"id":"v1"}]', 'v.json', 'custom:v');
    assert.equal(json[0].id, 'custom:v:v1');
    expectParseError(() => readCustomWatchlist('vendor,notes\nAcme,x\n', 'v.csv', 'custom:v'), 1, /name/);
    expectParseError(() => readCustomWatchlist('name,notes\nAcme,x,extra\n', 'v.csv', 'custom:v'), 2, /expected 2 fields/);
    expectParseError(() => readCustomWatchlist('[{"name":"A"},', 'v.json', 'custom:v'), 1, /JSON/);
  });
});

describeShared('Node list loader', function () {
  this.timeout(60_000);
  const dir = mkdtempSync(join(tmpdir(), 'cg-lists-'));

  it('loads the bundled snapshot with date, entry count and sha256 for each list', () => {
    const { lists, errors } = loadLists();
    assert.deepEqual(errors, []);
    assert.deepEqual(lists.map((l) => l.id), ['ofac-sdn', 'ofac-cons', 'un']);
    for (const l of lists) {
      assert.match(l.sha256, /^[0-9a-f]{64}$/);
      assert.match(l.date, /^\d{4}-\d{2}-\d{2}$/);
      assert.ok(l.entries > 400);
    }
  });

  it('adds a custom watchlist and keeps the bundled lists when another file is broken', () => {
    writeFileSync(join(dir, 'vendors.csv'), 'name,aliases,notes\nZyxwv Shadow Animation,Zyxwv Shadow,blocked\n');
    writeFileSync(join(dir, 'broken.json'), '{"format":"clauseguard-list/2","list":{"id":"x"');
    const { screener, lists, errors } = loadLists({ extraPaths: [join(dir, 'vendors.csv'), join(dir, 'broken.json'), join(dir, 'missing.csv')] });
    assert.deepEqual(lists.map((l) => l.id), ['ofac-sdn', 'ofac-cons', 'un', 'custom:vendors']);
    assert.equal(errors.length, 2);
    assert.match(errors[0].message, /broken\.json.*line 1/);
    assert.match(errors[1].message, /missing\.csv/);
    const hit = screener.search('Zyxwv Shadow Animation Ltd')[0];
    assert.equal(hit.entity.id, 'custom:vendors:2');
    assert.ok(screener.search('SEK Studio')[0].entity.id === 'ofac-sdn:34022', 'bundled lists still in use');
  });

  it('says so when a snapshot was written in another format version', () => {
    writeFileSync(join(dir, 'old.json'), '{"format":"clauseguard-list/1","list":{"id":"x"},"entities":[]}');
    const { errors, lists } = loadLists({ bundled: false, extraPaths: [join(dir, 'old.json')] });
    assert.deepEqual(lists, []);
    assert.match(errors[0].message, /clauseguard-list\/1.*another version of ClauseGuard.*clauseguard-list\/2/);
  });

  it('detects an OFAC set by its sdn.csv and reads the companions beside it', () => {
    const { lists, errors } = loadLists({ bundled: false, extraPaths: [join(DATA, 'ofac_consolidated/2025-12/cons_prim.csv')] });
    assert.deepEqual(errors, []);
    assert.equal(lists[0].id, 'ofac-cons');
    assert.equal(lists[0].entries, 442);
    const companion = loadLists({ bundled: false, extraPaths: [join(DATA, 'ofac/2025-12/alt.csv')] });
    assert.match(companion.errors[0].message, /companion file/);
  });
});

describeShared('bundled snapshot', function () {
  this.timeout(60_000);
  it('stores folded names made by the current normaliser (rebuild lists/ after changing normalize.ts)', () => {
    const text = readFileSync(join(__dirname, '../../../../lists/ofac-sdn.json'), 'utf8');
    const head = JSON.parse(text.slice(0, text.indexOf('\n'))) as { normalizer: number };
    assert.equal(head.normalizer, NORMALIZER_VERSION);
    const { entities } = decodeSnapshot(text, 'ofac-sdn.json', 'x');
    for (const e of entities.filter((_, k) => k % 97 === 0)) {
      const folded = e.foldedNames!;
      const names = [e.primaryName, ...e.aliases.map((a) => a.name)];
      const stored = prefoldedWords(folded);
      assert.equal(stored.length, names.length, `${e.id}: one folded form per name`);
      names.forEach((n, i) => {
        const t = nameTokens(n, e.type === 'person');
        if (stored[i]) assert.deepEqual(stored[i], t.core, `${e.id} name ${i}`);
        else assert.ok(!t.core.length || names.slice(0, i).some((m) => nameTokens(m, e.type === 'person').core.join(' ') === t.core.join(' ')), `${e.id} name ${i} left out`);
        assert.deepEqual(folded.legalForms(i), t.legal, `${e.id} legal forms of name ${i}`);
      });
    }
  });

  it('lists/index.json gives the sha256 of each snapshot file', () => {
    const index = JSON.parse(readFileSync(join(__dirname, '../../../../lists/index.json'), 'utf8')) as { lists: { file: string; sha256: string; entries: number }[] };
    const { lists } = loadLists();
    for (const l of index.lists) {
      const loaded = lists.find((x) => `${x.id}.json` === l.file)!;
      assert.equal(loaded.sha256, l.sha256, l.file);
      assert.equal(createHash('sha256').update(readFileSync(join(__dirname, '../../../../lists', l.file))).digest('hex'), l.sha256, `${l.file} content`);
      assert.equal(loaded.entries, l.entries, l.file);
    }
  });
});
