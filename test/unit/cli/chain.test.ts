import * as assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';

const REPO = join(__dirname, '..', '..', '..', '..');

async function cli(args: string[], cwd = REPO): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd };
  const code = await main(args, io);
  return { code, out, err };
}

describe('clauseguard chain', () => {
  it('follows samples/chain from the producer to the listed studio (JSON) and exits 1 on errors', async () => {
    const r = await cli(['chain', '--format', 'json', 'samples/chain']);
    assert.equal(r.code, 1, r.err);
    const json = JSON.parse(r.out);
    const name = (id: string) => json.parties.find((p: { id: string }) => p.id === id).name;
    assert.deepEqual(
      json.links.map((l: { customer: string; performer: string }) => `${name(l.customer)} → ${name(l.performer)}`),
      ['Northwind Pictures LLC → Golden Lantern Animation Co., Ltd.', 'Golden Lantern Animation Co., Ltd. → Harbour Crane Animation Studio Ltd.', 'Harbour Crane Animation Studio Ltd. → April 26 Children\'s Animation Film Studio'],
    );
    assert.deepEqual(json.links.map((l: { flowDown: boolean }) => l.flowDown), [true, false, true]);
    assert.deepEqual(json.findings.map((f: { rule: string }) => f.rule), ['chain-consent-not-recorded', 'chain-flow-down-missing', 'chain-sanctioned-party', 'chain-sanctioned-place']);
    for (const f of json.findings) assert.ok(f.contract.startsWith('samples/chain/'), f.contract);
    const listed = json.parties.find((p: { screening: { severity: string } }) => p.screening.severity === 'error');
    assert.equal(listed.screening.entity.id, 'ofac-sdn:34022');
  });

  it('takes a reviewer’s consent from .clauseguard/consents.json and writes mermaid and dot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clauseguard-chain-'));
    mkdirSync(join(dir, '.clauseguard'));
    for (const f of ['1-prime-production-agreement.contract.md', '2-studio-subcontract.contract.md']) writeFileSync(join(dir, f), readFileSync(join(REPO, 'samples', 'chain', f)));
    const before = await cli(['chain', '.'], dir);
    assert.match(before.out, /chain-consent-not-recorded/);
    writeFileSync(
      join(dir, '.clauseguard', 'consents.json'),
      JSON.stringify({ consents: [{ contract: '2-studio-subcontract.contract.md', subcontractor: 'Harbour Crane Animation Studio Limited', verdict: 'consent-given', reason: 'Email from Northwind, 1 March 2025' }] }),
    );
    const after = await cli(['chain', '.'], dir);
    assert.doesNotMatch(after.out, /chain-consent-not-recorded/);
    assert.equal(after.code, 0, 'only the flow-down warning is left');
    assert.match((await cli(['chain', '--format', 'mermaid', '.'], dir)).out, /^flowchart LR\n[\s\S]*p1 -->\|/);
    assert.match((await cli(['chain', '--format', 'dot', '.'], dir)).out, /^digraph chain \{[\s\S]*p1 -> p2/);
  });

  it('rejects an unknown format', async () => {
    const r = await cli(['chain', '--format', 'xml', 'samples/chain']);
    assert.equal(r.code, 2);
  });
});
