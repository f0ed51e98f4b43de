import { describeShared } from '../helpers/sharedData';
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import { REPO } from '../helpers/sharedData';

function io(): CliIO & { stdout: string; stderr: string } {
  const b = { stdout: '', stderr: '', cwd: REPO } as CliIO & { stdout: string; stderr: string };
  b.out = (t) => void (b.stdout += t);
  b.err = (t) => void (b.stderr += t);
  return b;
}

describeShared('clauseguard outline', () => {
  const sample = join(REPO, 'samples', 'it-outsourcing-agreement.txt');

  it('prints the clause tree, parties and defined terms with 0-based ranges', async () => {
    const b = io();
    assert.equal(await main(['outline', sample], b), 0);
    assert.match(b.stdout, /^ {2}2\. SUBCONTRACTING {2}\[numbered\] \d+:0-\d+:\d+$/m);
    assert.match(b.stdout, /^ {4}5\.1 Assignment /m);
    assert.match(b.stdout, /Northfield Insurance Company \("Customer"\)/);
    assert.match(b.stdout, /"Supplier" \d+:\d+-\d+:\d+, used \d+×/);
  });

  it('prints JSON with --format json', async () => {
    const b = io();
    assert.equal(await main(['outline', '--format', 'json', sample], b), 0);
    const out = JSON.parse(b.stdout);
    assert.equal(out.clauses[1].label, '2. SUBCONTRACTING');
    assert.deepEqual(out.clauses[1].children.map((c: { id: string }) => c.id), ['2.1', '2.2']);
    assert.equal(out.parties[1].role, 'Supplier');
    assert.ok(out.definedTerms.some((t: { term: string }) => t.term === 'Services'));
  });

  it('is a usage error without exactly one file, and a clear error for a missing file', async () => {
    const b = io();
    assert.equal(await main(['outline'], b), 2);
    const c = io();
    assert.equal(await main(['outline', join(REPO, 'no-such-contract.md')], c), 2);
    assert.match(c.stderr, /no-such-contract\.md/);
  });
});
