import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { parseDecisionsFile, serializeDecisions } from '../../../src/core/decisions';
import { writeFileAtomicSync } from '../../../src/node/atomicWrite';
import { REPO } from '../helpers/sharedData';

// Issue 12, item 4: nothing the user has is overwritten or lost.

const SAMPLE = 'design-services-agreement.contract.md';

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd };
  return { code: await main(args, io), out, err };
}

describe('adversarial: writing files', function () {
  this.timeout(60000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cg-adv-out-'));
    copyFileSync(join(REPO, 'samples', SAMPLE), join(dir, SAMPLE));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('report --output c.md c.md refuses to replace the contract, even with --force', async () => {
    const before = readFileSync(join(dir, SAMPLE), 'utf8');
    for (const force of [[], ['--force']]) {
      const r = await cli(['report', '--output', SAMPLE, ...force, SAMPLE], dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /one of the files the report reads; it is never overwritten/);
      assert.equal(readFileSync(join(dir, SAMPLE), 'utf8'), before);
    }
  });

  it('report --output refuses a contract inside the folder under review', async () => {
    mkdirSync(join(dir, 'folder'));
    copyFileSync(join(REPO, 'samples', SAMPLE), join(dir, 'folder', 'other.md'));
    const r = await cli(['report', '--output', 'folder/other.md', '--force', 'folder'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /a contract in the folder under review/);
  });

  it('report --output does not overwrite an existing file without --force', async () => {
    writeFileSync(join(dir, 'notes.md'), 'my notes\n');
    const refused = await cli(['report', '--output', 'notes.md', SAMPLE], dir);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /notes\.md already exists\. Give --force to replace it/);
    assert.equal(readFileSync(join(dir, 'notes.md'), 'utf8'), 'my notes\n');
    const forced = await cli(['report', '--output', 'notes.md', '--force', SAMPLE], dir);
    assert.equal(forced.code, 0, forced.err);
    assert.match(readFileSync(join(dir, 'notes.md'), 'utf8'), /^(?:<!-- clauseguard-output[^>]*-->\n\n)?# ClauseGuard compliance report/);
  });

  it('a report write that fails half-way (file size limit, as on a full disk) leaves the old report whole', function () {
    const cliJs = join(REPO, 'out', 'src', 'cli', 'main.js');
    const old = '# ClauseGuard compliance report\n\nThe report of last week.\n';
    writeFileSync(join(dir, 'old.md'), old);
    // ulimit -f 2: writes past 2 KiB fail with EFBIG (SIGXFSZ ignored), as writes fail on a full disk.
    const r = spawnSync('bash', ['-c', `trap '' XFSZ; ulimit -f 2; exec "${process.execPath}" "${cliJs}" report --output old.md --force ${SAMPLE}`], { cwd: dir, encoding: 'utf8' });
    if (r.error) this.skip();
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /cannot write the report to old\.md/);
    assert.equal(readFileSync(join(dir, 'old.md'), 'utf8'), old);
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left behind');
  });

  it('writeFileAtomicSync replaces the whole file or nothing, and cleans up when the rename fails', () => {
    const target = join(dir, 'atomic.txt');
    writeFileAtomicSync(target, 'first');
    writeFileAtomicSync(target, 'second');
    assert.equal(readFileSync(target, 'utf8'), 'second');
    const folder = join(dir, 'a-folder');
    mkdirSync(join(folder, 'inside'), { recursive: true });
    assert.throws(() => writeFileAtomicSync(folder, 'x'));
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  });

  it('the decisions file keeps fields it does not know, and a newer format version is marked so it is never rewritten', () => {
    const decision = {
      id: 'd1', file: 'c.md', entityId: 'ofac-sdn:36', matchedText: 'Sek Studio', listedName: 'SEK STUDIO', context: 'work to Sek Studio', fingerprint: 'f',
      verdict: 'not-a-match', reason: 'A Swedish firm of the same name.', reviewer: 'Dana', date: '2026-11-27T10:00:00Z',
      listVersion: { id: 'ofac-sdn', date: '2024-05-03', sha256: 'a'.repeat(64), build: 7 },
      entry: { primaryName: 'SEK STUDIO', type: 'organization', programs: ['DPRK3'], country: 'KP' },
      ticket: 'LEGAL-42',
    };
    const text = JSON.stringify({ version: 1, firm: 'Whitfield LLP', decisions: [decision] });
    const parsed = parseDecisionsFile(text);
    assert.deepEqual(parsed.problems, []);
    const again = JSON.parse(serializeDecisions(parsed.decisions, parsed.otherFields));
    assert.equal(again.firm, 'Whitfield LLP');
    assert.equal(again.decisions[0].ticket, 'LEGAL-42');
    assert.equal(again.decisions[0].listVersion.build, 7);
    assert.equal(again.decisions[0].entry.country, 'KP');
    const newer = parseDecisionsFile(JSON.stringify({ version: 2, decisions: [] }));
    assert.equal(newer.fatal, true);
    assert.equal(newer.newerVersion, 2);
  });
});
