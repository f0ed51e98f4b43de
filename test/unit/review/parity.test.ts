import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../src/cli/main';

const REPO = join(__dirname, '..', '..', '..', '..');
export const PARITY_FIXTURE = join(REPO, 'test', 'fixtures', 'parity');

/** Runs the CLI in this process with the given working folder. */
export async function cli(cwd: string, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { cwd, out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

/** What must agree between surfaces: each finding's rule, severity, message and range; each suppression's kind. */
export function verdictOf(files: { path: string; findings: Record<string, unknown>[]; suppressed: Record<string, unknown>[] }[]) {
  return files.map((f) => ({
    path: f.path,
    findings: f.findings.map((x) => ({ rule: x.rule, severity: x.severity, message: x.message, range: x.range })),
    suppressed: f.suppressed.map((x) => ({ rule: x.rule, range: x.range, kind: (x.suppression as { kind: string }).kind })),
  }));
}

/** Records the fixture's two decisions with `clauseguard decide`, as a reviewer outside VS Code would. */
export async function recordFixtureDecisions(dir: string): Promise<void> {
  const notAMatch = await cli(dir, 'decide', 'contracts/studio-services.md', '--rule', 'sanctioned-party', '--line', '12', '--verdict', 'not-a-match', '--reason', 'Sek Studio AB is a Swedish compositing house, not the Pyongyang studio.');
  assert.equal(notAMatch.code, 0, notAMatch.err);
  const confirmed = await cli(dir, 'decide', 'contracts/studio-services.md', '--rule', 'sanctioned-party', '--line', '10', '--verdict', 'confirmed-match', '--reason', 'April 26 Animation Studio is the listed alias of SEK STUDIO; escalated.');
  assert.equal(confirmed.code, 0, confirmed.err);
}

describe('one verdict: clauseguard check and clauseguard report agree on the same project', function () {
  this.timeout(120_000);
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cg-parity-'));
    cpSync(PARITY_FIXTURE, dir, { recursive: true });
    await recordFixtureDecisions(dir);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('decide wrote both verdicts with the audit fields into the project’s decisions file', () => {
    const file = JSON.parse(readFileSync(join(dir, '.clauseguard', 'decisions.json'), 'utf8'));
    assert.deepEqual(file.decisions.map((d: { verdict: string }) => d.verdict).sort(), ['confirmed-match', 'not-a-match']);
    for (const d of file.decisions) {
      assert.equal(d.file, 'contracts/studio-services.md');
      assert.equal(d.reviewer, 'Parity Test <parity@example.com>', 'reviewer.name from .clauseguard/config.json');
      assert.match(d.listVersion.sha256, /^[0-9a-f]{64}$/);
      assert.ok(d.clause, 'the decision records its clause');
    }
  });

  it('check and report give the same findings, severities and suppressions; configuration, decisions and the inline comment all apply', async () => {
    const check = await cli(dir, 'check', '--format', 'json', 'contracts');
    const report = await cli(dir, 'report', '--format', 'json', 'contracts');
    assert.equal(report.code, 0, report.err);
    const c = verdictOf(JSON.parse(check.out).files);
    const r = verdictOf(JSON.parse(report.out).files);
    assert.deepEqual(r, c);

    const studio = c.find((f) => f.path.endsWith('studio-services.md'))!;
    const april = studio.findings.find((f) => /April 26 Animation Studio/.test(String(f.message)))!;
    assert.equal(april.severity, 'error', 'a confirmed match is an error');
    assert.match(String(april.message), /a reviewer confirmed the match/);
    assert.deepEqual(
      studio.suppressed.map((s) => [s.rule, s.kind]).sort(),
      [
        ['sanctioned-party', 'decision'],
        ['sanctions-clause-missing', 'inline'],
      ],
    );
    assert.ok(studio.findings.some((f) => f.rule === 'sanctioned-jurisdiction' && f.severity === 'error'));
    assert.equal(studio.findings.find((f) => f.rule === 'subcontracting-consent-missing')?.severity, 'warning', 'severity from .clauseguard/config.json');
    assert.equal(check.code, 1, 'errors remain: exit 1');
    assert.match((await cli(dir, 'check', 'contracts')).out, /1 suppressed \(1 by reviewers' decisions\)|2 suppressed \(1 by reviewers' decisions, 1 by inline comments\)/);
  });

  it('--no-decisions and --no-inline-config show what decisions and comments suppressed', async () => {
    const all = verdictOf(JSON.parse((await cli(dir, 'check', '--format', 'json', '--no-decisions', '--no-inline-config', 'contracts')).out).files);
    const studio = all.find((f) => f.path.endsWith('studio-services.md'))!;
    assert.deepEqual(studio.suppressed, []);
    assert.ok(studio.findings.some((f) => f.rule === 'sanctions-clause-missing'));
    assert.equal(studio.findings.filter((f) => f.rule === 'sanctioned-party' && f.severity === 'error').length, 1, 'Sek Studio (not a match) is back; April 26 is at its score band again');
  });

  it('a not-a-match decision stays with its mention: the same name added in another clause is a new finding', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'cg-parity-new-'));
    try {
      cpSync(dir, copy, { recursive: true });
      const file = join(copy, 'contracts', 'studio-services.md');
      const text = readFileSync(file, 'utf8').replace('1.4 Background', '1.5 Inking may be done by Sek Studio in Pyongyang.\n\n1.4 Background');
      writeFileSync(file, text);
      const v = verdictOf(JSON.parse((await cli(copy, 'check', '--format', 'json', 'contracts')).out).files).find((f) => f.path.endsWith('studio-services.md'))!;
      assert.ok(v.findings.some((f) => f.rule === 'sanctioned-party' && /“Sek Studio” matches/.test(String(f.message))), 'the new mention is reported');
      assert.equal(v.suppressed.filter((s) => s.rule === 'sanctioned-party').length, 1, 'the decided mention stays suppressed');
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
