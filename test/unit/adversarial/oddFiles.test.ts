import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CliIO } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { escapeLine } from '../../../src/cli/terminalText';
import { REPO } from '../helpers/sharedData';

// Issue 12, item 5: odd files get a clear message, and one bad file never stops the others.

const SAMPLE = join(REPO, 'samples', 'animation-production-agreement.md');

async function cli(args: string[], cwd: string, env?: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd };
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return { code: await main(args, io), out, err };
  } finally {
    for (const k of Object.keys(env ?? {})) if (saved[k] === undefined) delete process.env[k];
  }
}

describe('adversarial: odd files', function () {
  this.timeout(60000);
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'cg-adv-files-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a FIFO named x.md is refused at once instead of hanging', async function () {
    if (spawnSync('mkfifo', [join(dir, 'x.md')]).status !== 0) this.skip();
    const r = await cli(['check', 'x.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /x\.md: is not a regular file \(a named pipe\)/);
  });

  it('a link to /dev/urandom is refused as a device, not read', async () => {
    symlinkSync('/dev/urandom', join(dir, 'random.md'));
    const r = await cli(['check', 'random.md'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /random\.md: is not a regular file \(a device\)/);
  });

  it('a file over the size limit is refused before it is read', async () => {
    writeFileSync(join(dir, 'big.md'), 'x'.repeat(4096));
    const r = await cli(['check', 'big.md'], dir, { CLAUSEGUARD_MAX_FILE_MB: '0.001' });
    assert.equal(r.code, 2);
    assert.match(r.err, /big\.md: is 0\.0 MB, larger than the 0\.0 MB limit/);
  });

  it('a dangling link and a link loop in a folder are skipped with a warning; the contracts are checked', async () => {
    copyFileSync(SAMPLE, join(dir, 'a.md'));
    symlinkSync(join(dir, 'gone.md'), join(dir, 'dangling.md'));
    symlinkSync(join(dir, 'loop2.md'), join(dir, 'loop1.md'));
    symlinkSync(join(dir, 'loop1.md'), join(dir, 'loop2.md'));
    mkdirSync(join(dir, 'sub'));
    symlinkSync(dir, join(dir, 'sub', 'up')); // a folder link back up: walked once
    const r = await cli(['check', '.'], dir);
    assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
    assert.match(r.err, /warning: .*dangling\.md: skipped: no such file or folder \(or a link to nothing\)/);
    assert.match(r.err, /warning: .*loop1\.md: skipped: a symbolic link that leads round in a loop/);
    assert.match(r.out, /^1 file\(s\) checked: [1-9]\d* error\(s\)/m);
    assert.equal(r.code, 1);
  });

  it('one Latin-1 notes.txt does not stop a folder run: the rest is checked, the file is named, exit 2', async () => {
    copyFileSync(SAMPLE, join(dir, 'a.md'));
    writeFileSync(join(dir, 'notes.txt'), Buffer.from('Agreement between Caf\xe9 M\xfcller GmbH and the Supplier. The Supplier shall deliver.\n', 'latin1'));
    copyFileSync(SAMPLE, join(dir, 'z.md'));
    const r = await cli(['check', '--format', 'json', '.'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /notes\.txt: is not valid UTF-8 text/);
    const json = JSON.parse(r.out);
    assert.deepEqual(json.files.map((f: { path: string }) => f.path), ['a.md', 'z.md']);
    assert.deepEqual(json.failed.map((f: { path: string }) => f.path), ['notes.txt']);
  });

  it('files skipped as "not a contract" are named in text and JSON output (a German contract, a two-line NDA)', async () => {
    copyFileSync(SAMPLE, join(dir, 'a.md'));
    writeFileSync(join(dir, 'vertrag.md'), '# Dienstleistungsvertrag\n\nZwischen der Auftraggeberin und der Auftragnehmerin wird folgender Vertrag geschlossen.\n');
    writeFileSync(join(dir, 'nda.txt'), 'Mutual NDA.\nEach party keeps the other party’s information confidential.\n');
    const text = await cli(['check', '.'], dir);
    assert.match(text.out, /^nda\.txt: skipped: does not read like a contract/m);
    assert.match(text.out, /^vertrag\.md: skipped: does not read like a contract/m);
    assert.match(text.out, /1 file\(s\) checked: .* 2 skipped as not a contract\./);
    const json = JSON.parse((await cli(['check', '--format', 'json', '.'], dir)).out);
    assert.deepEqual(json.skipped.map((s: { path: string }) => s.path), ['nda.txt', 'vertrag.md']);
    assert.ok(json.skipped.every((s: { reason: string }) => /does not read like a contract/.test(s.reason)));
    assert.ok(Array.isArray(json.files) && Array.isArray(json.lists), 'JSON v1 fields unchanged');
  });

  it('UTF-16 files with a byte-order mark are read, not called binary', async () => {
    const text = readFileSync(SAMPLE, 'utf8');
    writeFileSync(join(dir, 'le.md'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const be = Buffer.from(text, 'utf16le').swap16();
    writeFileSync(join(dir, 'be.md'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    const utf8 = await cli(['check', '--format', 'json', SAMPLE], dir);
    for (const f of ['le.md', 'be.md']) {
      const r = await cli(['check', '--format', 'json', f], dir);
      assert.equal(r.code, 1, r.err);
      assert.deepEqual(
        JSON.parse(r.out).files[0].findings.map((x: { rule: string }) => x.rule),
        JSON.parse(utf8.out).files[0].findings.map((x: { rule: string }) => x.rule),
      );
    }
  });

  it('control characters in file names and contract text are shown escaped: a newline cannot print a fake summary', async () => {
    const evil = 'x.md\n0 file(s) checked: 0 error(s), 0 warning(s), 0 info.\n\x1b[2J';
    writeFileSync(join(dir, evil), readFileSync(SAMPLE, 'utf8').replace('SEK STUDIO', 'SEK STUDIO\x1b[2J\x1b]0;owned\x07'));
    const r = await cli(['check', evil], dir);
    const lines = r.out.trimEnd().split('\n');
    assert.equal(lines.filter((l) => /file\(s\) checked/.test(l) && !l.includes('\\n')).length, 1, 'one summary line');
    assert.match(lines[lines.length - 1], /^1 file\(s\) checked: [1-9]/);
    assert.doesNotMatch(r.out, /\x1b|\x07/);
    assert.match(r.out, /x\.md\\n0 file\(s\) checked/);
    assert.equal(escapeLine('\u202eoidutS keS\u202c'), '\\u202eoidutS keS\\u202c');
  });

  it('check … | head ends quietly on a closed pipe (no EPIPE error)', () => {
    // Thousands of findings: far more output than a pipe holds, so the writer meets the closed pipe.
    const lines = ['# Services Agreement', '', 'This Agreement is entered into between the Client and the Supplier.', ''];
    for (let i = 0; i < 3000; i++) lines.push(`${i + 1}. The Supplier shall perform work in Pyongyang, North Korea, and Tehran, Iran.`, '');
    writeFileSync(join(dir, 'long.contract.md'), lines.join('\n'));
    const cliJs = join(REPO, 'out', 'src', 'cli', 'main.js');
    const r = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${cliJs}" check long.contract.md | head -1; echo "status \${PIPESTATUS[0]}" >&2`], { cwd: dir, encoding: 'utf8' });
    assert.equal(r.stdout.trim().split('\n').length, 1);
    assert.doesNotMatch(r.stderr, /EPIPE|Error|at /);
    assert.match(r.stderr, /status [01]\b/);
  });
});
