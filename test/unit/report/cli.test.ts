import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { CliIO } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';
import { createDecision, serializeDecisions } from '../../../src/core/decisions';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { checkDocument } from '../../../src/core/index';
import { REPO } from './fixtures';

async function cli(args: string[], cwd: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => (out += t), err: (t) => (err += t), cwd };
  return { code: await main(args, io), out, err };
}

describe('clauseguard report', function () {
  this.timeout(60000); // each run loads the bundled sanctions lists
  let dir: string;
  const SAMPLE = 'animation-production-agreement.md';

  before(() => {
    // A review folder: the three samples and a decision recorded on one finding of the animation sample.
    dir = mkdtempSync(join(tmpdir(), 'cg-report-cli-'));
    for (const f of [SAMPLE, 'it-outsourcing-agreement.txt', 'design-services-agreement.contract.md']) copyFileSync(join(REPO, 'samples', f), join(dir, f));
    const text = readFileSync(join(dir, SAMPLE), 'utf8');
    const finding = checkDocument(createSourceDocument(SAMPLE, text)).findings.find((f) => f.rule === 'sanctions-clause-missing');
    assert.ok(finding, 'the animation sample has no sanctions clause (samples/README.md)');
    const decision = createDecision({
      file: SAMPLE,
      text,
      finding,
      verdict: 'not-a-match',
      reason: 'Sanctions terms are in the master services agreement signed on 1 March 2024.',
      reviewer: 'Dana Whitfield <dana@example.com>',
      date: '2026-11-27T10:00:00Z',
      listVersion: { id: 'ofac-sdn', date: '2024-05-03', sha256: 'a'.repeat(64) },
    });
    mkdirSync(join(dir, '.clauseguard'));
    writeFileSync(join(dir, '.clauseguard', 'decisions.json'), serializeDecisions([decision]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes each format to --output, inferring the format from the file name', async () => {
    for (const [name, check] of [
      ['r.html', (t: string) => t.startsWith('<!DOCTYPE html>') && t.includes('ClauseGuard compliance report')],
      ['r.md', (t: string) => /^<!-- clauseguard-output: [^\n]*-->\n\n# ClauseGuard compliance report/.test(t)],
      ['r.json', (t: string) => JSON.parse(t).files.length === 3],
      ['r.sarif', (t: string) => JSON.parse(t).version === '2.1.0'],
      ['r.csv', (t: string) => t.startsWith('finding_id,file,')],
    ] as const) {
      // Written outside the folder under review, so one report is not read as a contract by the next.
      const r = await cli(['report', '--output', join('..', `${basename(dir)}-${name}`), '--reviewer', 'Dana Whitfield', '.'], dir);
      assert.equal(r.code, 0, r.err);
      assert.match(r.err, /wrote \w+ report on 3 contract\(s\)/);
      const file = join(dir, '..', `${basename(dir)}-${name}`);
      assert.ok(check(readFileSync(file, 'utf8')), name);
      rmSync(file);
    }
  });

  it('applies recorded decisions: the decided finding moves to the appendix with who, when and why', async () => {
    const r = await cli(['report', '--format', 'json', '--reviewer', 'Dana Whitfield', SAMPLE], dir);
    assert.equal(r.code, 0, r.err);
    const json = JSON.parse(r.out);
    assert.equal(json.report.reviewer, 'Dana Whitfield');
    const file = json.files[0];
    assert.ok(!file.findings.some((f: { rule: string }) => f.rule === 'sanctions-clause-missing'));
    const sup = file.suppressed.find((s: { rule: string }) => s.rule === 'sanctions-clause-missing');
    assert.equal(sup.suppression.kind, 'decision');
    assert.equal(sup.suppression.decision.reviewer, 'Dana Whitfield <dana@example.com>');
    assert.match(sup.suppression.decision.reason, /master services agreement/);
    assert.match(file.sha256, /^[0-9a-f]{64}$/);
  });

  it('does not read its own earlier report in the folder under review as a contract', async () => {
    for (let run = 0; run < 2; run++) {
      // The second run replaces the first report, which needs --force.
      const r = await cli(['report', '--output', 'review.md', ...(run ? ['--force'] : []), '.'], dir);
      assert.equal(r.code, 0, r.err);
      assert.match(r.err, /on 3 contract\(s\)/);
    }
    rmSync(join(dir, 'review.md'));
  });

    it('writes Markdown to standard output by default', async () => {
    const r = await cli(['report', SAMPLE], dir);
    assert.equal(r.code, 0);
    assert.match(r.out, /^<!-- clauseguard-output: [^\n]*-->\n\n# ClauseGuard compliance report/);
    assert.match(r.out, /## Appendix: suppressed findings/);
  });

  it('rejects an unknown format and an unreadable decisions file with a clear message', async () => {
    const bad = await cli(['report', '--format', 'pdf', SAMPLE], dir);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--format must be one of html, md, json, sarif, csv/);
    writeFileSync(join(dir, 'broken.json'), '{"version": 1, "decisions": [');
    const broken = await cli(['report', '--decisions', 'broken.json', SAMPLE], dir);
    assert.equal(broken.code, 2);
    assert.match(broken.err, /not valid JSON/);
    const missing = await cli(['report', '--decisions', 'nope.json', SAMPLE], dir);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /nope\.json: no such file/);
    const noInput = await cli(['report', 'no-such-folder'], dir);
    assert.equal(noInput.code, 2);
    assert.match(noInput.err, /no-such-folder: no such file or folder/);
  });
});
