import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { Finding, SuppressedFinding } from '../../src/core/index';
import { MARK_CONFIRMED, MARK_NOT_A_MATCH } from '../../src/vscode/features/decisions';
import { closeAll, EXTENSION_ID } from './helpers';
import { services, waitDiags } from './workflowHelpers';

// Issue 11 "Must show": one fixture project (contracts, .clauseguard/config.json, decisions with both
// verdicts, an inline disable) reviewed through the VS Code API, `clauseguard check --format json` and
// `clauseguard report --format json`: the same findings, severities and suppressions in all three.

const REPO = path.resolve(__dirname, '..', '..', '..');
const FIXTURE = path.join(REPO, 'test', 'fixtures', 'parity');
const SUB = 'parity';

type Verdict = { path: string; findings: unknown[]; suppressed: unknown[] };

function fromJson(files: { path: string; findings: Record<string, unknown>[]; suppressed: Record<string, unknown>[] }[]): Verdict[] {
  return files.map((f) => ({
    path: f.path,
    findings: f.findings.map((x) => ({ rule: x.rule, severity: x.severity, message: x.message, range: x.range })),
    suppressed: f.suppressed.map((x) => ({ rule: x.rule, range: x.range, kind: (x.suppression as { kind: string }).kind })),
  }));
}

function fromEditor(p: string, findings: readonly Finding[], suppressed: readonly SuppressedFinding[]): Verdict {
  return {
    path: p,
    findings: findings.map((x) => ({ rule: x.rule, severity: x.severity, message: x.message, range: x.range })),
    suppressed: suppressed.map((s) => ({ rule: s.finding.rule, range: s.finding.range, kind: s.suppression.kind })),
  };
}

describe('one verdict: the editor, clauseguard check and clauseguard report agree', function () {
  this.timeout(180_000);
  const root = () => vscode.workspace.workspaceFolders![0].uri;
  let saved: string | undefined;

  before(async () => {
    const dir = path.join(root().fsPath, '.clauseguard');
    fs.mkdirSync(dir, { recursive: true });
    const decisions = path.join(dir, 'decisions.json');
    saved = fs.existsSync(decisions) ? fs.readFileSync(decisions, 'utf8') : undefined;
    fs.rmSync(decisions, { force: true });
    fs.copyFileSync(path.join(FIXTURE, '.clauseguard', 'config.json'), path.join(dir, 'config.json'));
    fs.cpSync(path.join(FIXTURE, 'contracts'), path.join(root().fsPath, SUB, 'contracts'), { recursive: true });
    const api = await services();
    await api.projectConfigs.loadAll();
    await api.decisions.loadAll();
  });

  after(async () => {
    await closeAll();
    const dir = path.join(root().fsPath, '.clauseguard');
    fs.rmSync(path.join(dir, 'config.json'), { force: true });
    if (saved !== undefined) fs.writeFileSync(path.join(dir, 'decisions.json'), saved);
    else fs.rmSync(path.join(dir, 'decisions.json'), { force: true });
    fs.rmSync(path.join(root().fsPath, SUB), { recursive: true, force: true });
    const api = await services();
    await api.projectConfigs.loadAll();
    await api.decisions.loadAll();
  });

  it('records both verdicts in the editor, then gives the same verdict as check and report', async () => {
    const api = await services();
    const studio = vscode.Uri.joinPath(root(), SUB, 'contracts', 'studio-services.md');
    const doc = await vscode.workspace.openTextDocument(studio);
    await vscode.window.showTextDocument(doc);
    await waitDiags(studio, (ds) => ds.some((d) => /April 26 Animation Studio/.test(d.message)));
    const first = await api.checker.reviewFor(doc);
    const sek = first!.review.findings.find((f) => f.rule === 'sanctioned-party' && f.text === 'Sek Studio')!;
    const april = first!.review.findings.find((f) => f.text === 'April 26 Animation Studio')!;
    assert.ok(sek && april, 'both mentions are found');
    assert.equal(first!.review.findings.find((f) => f.rule === 'subcontracting-consent-missing')?.severity, 'warning', 'severity from .clauseguard/config.json');
    await vscode.commands.executeCommand(MARK_NOT_A_MATCH, studio, sek, 'Sek Studio AB is a Swedish compositing house, not the Pyongyang studio.');
    await vscode.commands.executeCommand(MARK_CONFIRMED, studio, april, 'April 26 Animation Studio is the listed alias of SEK STUDIO; escalated.');
    await waitDiags(studio, (ds) => !ds.some((d) => d.message.startsWith('“Sek Studio” matches')) && ds.some((d) => /a reviewer confirmed the match/.test(d.message)));

    const editor: Verdict[] = [];
    for (const name of ['studio-services.md', 'work-order.txt']) {
      const uri = vscode.Uri.joinPath(root(), SUB, 'contracts', name);
      const d = await vscode.workspace.openTextDocument(uri);
      const r = await api.checker.reviewFor(d);
      editor.push(fromEditor(`${SUB}/contracts/${name}`, r!.review.findings, r!.review.suppressed));
    }
    const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
    const run = (...args: string[]) => {
      try {
        return execFileSync(process.execPath, [cli, ...args], { cwd: root().fsPath, encoding: 'utf8', env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' } });
      } catch (e) {
        const err = e as { status?: number; stdout?: string };
        if (err.status === 1 && err.stdout) return err.stdout; // exit 1: error findings, output is complete
        throw e;
      }
    };
    const check = fromJson(JSON.parse(run('check', '--format', 'json', `${SUB}/contracts`)).files);
    const report = fromJson(JSON.parse(run('report', '--format', 'json', `${SUB}/contracts`)).files);
    assert.deepEqual(check, editor, 'clauseguard check = the editor');
    assert.deepEqual(report, editor, 'clauseguard report = the editor');
    const s = editor[0];
    assert.deepEqual((s.suppressed as { rule: string; kind: string }[]).map((x) => `${x.rule}:${x.kind}`).sort(), ['sanctioned-party:decision', 'sanctions-clause-missing:inline']);
    const decided = (s.findings as { message: string; severity: string }[]).find((f) => /a reviewer confirmed the match/.test(f.message));
    assert.equal(decided?.severity, 'error', 'a confirmed match is an error in every surface');
  });
});
