import * as assert from 'node:assert/strict';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { CliIO } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { DATE_UNKNOWN, SIDECAR_NAME, sidecarText } from '../../../src/node/listGuard';
import { bundledListsDir, loadLists, readBundledLists } from '../../../src/node/lists';
import { validateListFiles } from '../../../src/node/listSources';
import { REPO, SHARED_DATA, sharedDataAvailable } from '../helpers/sharedData';

// Issue 12, item 2: a list file is checked before it replaces anything. Real OFAC and UN files from
// ../shared/data/sanctions, cut the way a broken download or a careless export cuts them.

const SANCTIONS = join(SHARED_DATA, 'sanctions');
const SDN = join(SANCTIONS, 'ofac/sdn_2024-05-03/sdn.csv');
const COMPANIONS = join(SANCTIONS, 'ofac/2025-12');
const UN_XML = join(SANCTIONS, 'un/UN_consolidated.xml');
const BUNDLED_SDN_ENTRIES = 15_808;

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd };
  return { code: await main(args, io), out, err };
}

describe('adversarial: list files', function () {
  this.timeout(120000);
  let dir: string;
  /** An OFAC SDN set in its own folder: sdn.csv cut to its first `rows` records (all when undefined), with the Dec 2025 companions. */
  const sdnSet = (name: string, rows?: number, companions = ['alt.csv', 'add.csv', 'sdn_comments.csv']): string => {
    const set = join(dir, name);
    mkdirSync(set);
    const records = readFileSync(SDN, 'utf8').split('\r\n');
    writeFileSync(join(set, 'sdn.csv'), rows === undefined ? records.join('\r\n') : records.slice(0, rows).join('\r\n') + '\r\n');
    for (const c of companions) copyFileSync(join(COMPANIONS, c), join(set, c));
    return set;
  };

  before(function () {
    if (!sharedDataAvailable()) {
      console.log('    (skipped: ../shared/data is not available)');
      this.skip();
    }
    dir = mkdtempSync(join(tmpdir(), 'cg-adv-lists-'));
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('refuses an sdn.csv cut at a record boundary, naming both counts, and keeps the bundled list: SEK STUDIO is still found', () => {
    const half = sdnSet('half', 7_482);
    const loaded = loadLists({ extraPaths: [half] });
    assert.equal(loaded.errors.length, 1, JSON.stringify(loaded.errors));
    assert.match(loaded.errors[0].message, /has 7,482 entries, 8,326 \(53%\) fewer than the 15,808 of the list in use \(2024-05-03\)/);
    assert.deepEqual(loaded.errors[0].smaller, { entries: 7_482, reference: BUNDLED_SDN_ENTRIES });
    const sdn = loaded.lists.find((l) => l.id === 'ofac-sdn')!;
    assert.equal(sdn.entries, BUNDLED_SDN_ENTRIES, 'the bundled SDN list stays in use');
    assert.equal(loaded.screener.search('SEK STUDIO', { limit: 1 })[0]?.entity.primaryName, 'SEK STUDIO');
  });

  it('refuses a 10-entry sdn.csv too, and accepts it only when the user confirms (--accept-smaller-list)', () => {
    const ten = sdnSet('ten', 10);
    assert.match(loadLists({ extraPaths: [ten] }).errors[0]?.message ?? '', /has 10 entries/);
    const confirmed = loadLists({ extraPaths: [ten], acceptSmallerList: true });
    assert.deepEqual(confirmed.errors, []);
    assert.equal(confirmed.lists.find((l) => l.id === 'ofac-sdn')?.entries, 10);
  });

  it('compares an import with the list in use, not only the bundled one', () => {
    const full = sdnSet('full-in-use');
    const inUse = { id: 'ofac-sdn', name: 'OFAC SDN', date: '2026-01-01', entries: 20_000, sha256: 'x' };
    const v = validateListFiles([full], [inUse]);
    assert.equal(v.lists.length, 0);
    assert.match(v.errors[0].message, /fewer than the 20,000 of the list in use \(2026-01-01\)/);
  });

  it('the CLI refuses a cut list with exit 2 and --accept-smaller-list lets it through', async () => {
    const ten = join(dir, 'ten');
    const contract = join(REPO, 'samples', 'design-services-agreement.contract.md');
    const refused = await cli(['check', '--lists', ten, contract], dir);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /cannot load sanctions list .*has 10 entries.*--accept-smaller-list/);
    const accepted = await cli(['check', '--format', 'json', '--accept-smaller-list', '--lists', ten, contract], dir);
    assert.notEqual(accepted.code, 2, accepted.err);
    assert.equal(JSON.parse(accepted.out).lists.find((l: { id: string }) => l.id === 'ofac-sdn').entries, 10);
  });

  it('an sdn.csv without alt.csv says plainly what is missing instead of dropping every alias', () => {
    const noAlt = sdnSet('no-alt', undefined, ['add.csv', 'sdn_comments.csv']);
    const loaded = loadLists({ bundled: false, extraPaths: [noAlt] });
    assert.equal(loaded.lists.length, 0);
    assert.match(loaded.errors[0].message, /sdn\.csv came without alt\.csv: without it the list would lack every alias/);
  });

  it('dates an OFAC set from the user, never from the file time ("date unknown" when none is given)', () => {
    const set = sdnSet('dated');
    utimesSync(join(set, 'sdn.csv'), new Date(), new Date()); // a 2024 list copied today
    const [undated] = validateListFiles([set], [], { acceptSmallerList: true }).lists;
    assert.equal(undated.date, DATE_UNKNOWN);
    writeFileSync(join(set, SIDECAR_NAME), sidecarText([{ sha256: undated.sha256, date: '2024-05-03', dateSource: 'given by the user on import' }]));
    assert.equal(validateListFiles([set], [], { acceptSmallerList: true }).lists[0].date, '2024-05-03');
    // The statement is bound to the files: once they change, the date is unknown again.
    writeFileSync(join(set, 'sdn_comments.csv'), '');
    assert.equal(validateListFiles([set], [], { acceptSmallerList: true }).lists[0].date, DATE_UNKNOWN);
  });

  it('a watchlist.csv holding the UN XML is refused: format and name must agree', () => {
    const disguised = join(dir, 'watchlist.csv');
    copyFileSync(UN_XML, disguised);
    const loaded = loadLists({ extraPaths: [disguised] });
    assert.match(loaded.errors[0]?.message ?? '', /watchlist\.csv holds the UN consolidated list \(XML\), which does not agree with its name/);
    assert.notEqual(loaded.lists.find((l) => l.id === 'un')?.source, disguised, 'the bundled UN list stays');
  });

  it('check and report exit 2 when a list fails to load, and the report names it', async () => {
    const broken = join(dir, 'BROKEN.xml');
    writeFileSync(broken, readFileSync(UN_XML, 'utf8').slice(0, 100_000));
    const contract = join(REPO, 'samples', 'design-services-agreement.contract.md');
    const check = await cli(['check', '--lists', broken, contract], dir);
    assert.equal(check.code, 2);
    const report = await cli(['report', '--format', 'json', '--lists', broken, contract], dir);
    assert.equal(report.code, 2, report.err);
    const named = JSON.parse(report.out).lists.find((l: { id: string }) => l.id === 'not-loaded');
    assert.match(named.name, /NOT LOADED.*BROKEN\.xml/);
  });

  it('notices a same-size edit of a bundled list file (verified by hash, once per file version)', () => {
    const copy = join(dir, 'bundled');
    cpSync(bundledListsDir(), copy, { recursive: true });
    assert.equal(readBundledLists(copy).length, 3);
    const file = join(copy, 'ofac-sdn.json');
    const bytes = readFileSync(file);
    const at = bytes.indexOf('SEK STUDIO');
    assert.ok(at > 0);
    bytes.write('SEK STUDIX', at); // same size
    const before = statSync(file);
    writeFileSync(file, bytes);
    utimesSync(file, before.atime, before.mtime); // even with the old modification time
    assert.throws(() => readBundledLists(copy), /ofac-sdn\.json has been changed since ClauseGuard was installed/);
    const loaded = loadLists({ bundledDir: copy });
    assert.match(loaded.errors[0]?.message ?? '', /changed since ClauseGuard was installed/);
  });

  it('property: an SDN set cut at any record is either refused or has kept at least 95% of the entries', () => {
    const records = readFileSync(SDN, 'utf8').split('\r\n').length - 1;
    let n = 0;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: records }), (rows) => {
        const set = sdnSet(`cut-${n++}`, rows);
        const loaded = loadLists({ bundled: false, extraPaths: [set] });
        const sdn = loaded.lists.find((l) => l.id === 'ofac-sdn');
        if (sdn) assert.ok(sdn.entries >= BUNDLED_SDN_ENTRIES * 0.95, `${rows} rows accepted silently with ${sdn.entries} entries`);
        else assert.equal(loaded.errors.length, 1);
        rmSync(set, { recursive: true });
      }),
      { numRuns: 12 },
    );
  });

  it('property: a UN XML cut at any byte is refused with a message, never loaded short', () => {
    const xml = readFileSync(UN_XML, 'utf8');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: xml.length - 2 }), (at) => {
        const file = join(dir, 'consolidated.xml');
        writeFileSync(file, xml.slice(0, at));
        const v = validateListFiles([file]);
        assert.equal(v.lists.length, 0, `cut at ${at} was accepted`);
        assert.equal(v.errors.length, 1);
        assert.ok(v.errors[0].message.length > 20);
      }),
      { numRuns: 25 },
    );
  });
});
