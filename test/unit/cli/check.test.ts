import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import { LineIndex } from '../../../src/core/document/positions';

const REPO = join(__dirname, '..', '..', '..', '..');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd: REPO };
  const code = await main(args, io);
  return { code, out, err };
}

describe('clauseguard check', () => {
  it('prints JSON v1 for samples/ with ranges that slice back to the covered text', async () => {
    const r = await cli(['check', '--format', 'json', 'samples']);
    const json = JSON.parse(r.out);
    assert.equal(json.tool.name, 'clauseguard');
    assert.match(json.tool.version, /^\d+\.\d+\.\d+/);
    assert.ok(Array.isArray(json.lists));
    assert.ok(json.files.length >= 3, 'all sample contracts');
    let findings = 0;
    for (const file of json.files) {
      const text = readFileSync(join(REPO, file.path), 'utf8');
      const idx = new LineIndex(text);
      for (const f of file.findings) {
        findings++;
        assert.ok(['error', 'warning', 'info'].includes(f.severity));
        assert.equal(typeof f.rule, 'string');
        const start = idx.offsetAt(f.range.start);
        const end = idx.offsetAt(f.range.end);
        assert.equal(text.slice(start, end), f.text, `${file.path} ${f.rule} range ↔ text`);
      }
      assert.equal(typeof file.timings.parseMs, 'number');
    }
    assert.ok(findings > 0);
    const hasError = json.files.some((f: { findings: { severity: string }[] }) => f.findings.some((x) => x.severity === 'error'));
    assert.equal(r.code, hasError ? 1 : 0);
  });

  it('exits 0 on a contract without error findings', async () => {
    const r = await cli(['check', 'samples/design-services-agreement.contract.md']);
    assert.doesNotMatch(r.out, /\berror \[/);
    assert.equal(r.code, 0, r.out);
  });

  it('exits 1 when there are error findings', async () => {
    const r = await cli(['check', 'samples/animation-production-agreement.md']);
    assert.equal(r.code, 1);
    assert.match(r.out, /error \[subcontracting-consent-missing\]/);
  });

  it('exits 2 with a message naming a missing file', async () => {
    const r = await cli(['check', 'no/such/contract.md']);
    assert.equal(r.code, 2);
    assert.match(r.err, /no\/such\/contract\.md: no such file or folder/);
  });

  it('exits 2 with a message for a binary file and for non-UTF-8 text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-cli-'));
    writeFileSync(join(dir, 'scan.md'), Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.from([0x41, 0x67, 0x72, 0xe9, 0x65]));
    const bin = await cli(['check', join(dir, 'scan.md')]);
    assert.equal(bin.code, 2);
    assert.match(bin.err, /scan\.md: looks like a binary file/);
    const latin = await cli(['check', join(dir, 'latin1.txt')]);
    assert.equal(latin.code, 2);
    assert.match(latin.err, /latin1\.txt: is not valid UTF-8/);
  });

  it('exits 2 on usage errors', async () => {
    assert.equal((await cli(['check'])).code, 2);
    assert.equal((await cli(['check', '--format', 'xml', 'samples'])).code, 2);
    assert.equal((await cli(['check', '--bogus', 'samples'])).code, 2);
    assert.equal((await cli(['frobnicate'])).code, 2);
  });
});
