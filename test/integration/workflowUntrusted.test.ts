import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { createDecision } from '../../src/core/decisions';
import { createSourceDocument } from '../../src/core/document/sourceDocument';
import { checkDocument } from '../../src/core/index';
import type { Finding } from '../../src/core/types';
import { UPDATE_LISTS, type UpdateOutcome } from '../../src/vscode/features/updateLists';
import { readListSettings } from '../../src/vscode/settings';
import { findWorkspaceContracts } from '../../src/vscode/features/reportPanel';
import { closeAll, openDoc, ruleOf, workspaceFile } from './helpers';
import { restoreSamples, sampleText, services, setSetting, waitDiags, writeWorkspaceFile, itShared } from './workflowHelpers';

// Issue 12 in the real VS Code: contracts, settings and list files are untrusted input.

const DATA = path.resolve(__dirname, '../../../../shared/data/sanctions');
const SDN = path.join(DATA, 'ofac/sdn_2024-05-03/sdn.csv');
const COMPANIONS = path.join(DATA, 'ofac/2025-12');

/** An OFAC SDN set in a temporary folder, its sdn.csv cut to the first `rows` records. */
function sdnSet(rows: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-sdn-'));
  const records = fs.readFileSync(SDN, 'utf8').split('\r\n');
  fs.writeFileSync(path.join(dir, 'sdn.csv'), records.slice(0, rows).join('\r\n') + '\r\n');
  for (const c of ['alt.csv', 'add.csv', 'sdn_comments.csv']) fs.copyFileSync(path.join(COMPANIONS, c), path.join(dir, c));
  return path.join(dir, 'sdn.csv');
}

const sdnList = async () => (await services()).lists.find((l) => l.id === 'ofac-sdn');

describe('workflow: untrusted input (issue 12)', function () {
  before(restoreSamples);
  this.timeout(180000);
  before(async () => (await services()).listsReady);
  after(async () => {
    const api = await services();
    await api.setTrustOverride(undefined);
    for (const k of ['rules', 'screening.scoreBands', 'contractFiles']) await setSetting(k, undefined);
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(api.context.globalStorageUri, 'lists'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await api.loadLists();
    await closeAll();
  });

  itShared('Update Sanctions Lists refuses a truncated sdn.csv (cut at a record boundary) and keeps the lists in use', async () => {
    const before = await sdnList();
    assert.equal(before?.entries, 15_808);
    const outcome = (await vscode.commands.executeCommand<UpdateOutcome>(UPDATE_LISTS, { mode: 'import', files: [sdnSet(7_482)] }))!;
    assert.equal(outcome.ok, false, outcome.message);
    assert.match(outcome.message, /lists in use are unchanged/);
    assert.match(outcome.message, /has 7,482 entries, 8,326 \(53%\) fewer than the 15,808/);
    assert.deepEqual(await sdnList(), before);
    const api = await services();
    assert.ok((await api.searchLists('SEK STUDIO', { limit: 1 }))[0]?.entity.primaryName === 'SEK STUDIO', 'SEK STUDIO is still found');
  });

  itShared('the user can confirm a smaller list ("Use the smaller list") and give its date; it is then used, with that date, after a reload too', async () => {
    const outcome = (await vscode.commands.executeCommand<UpdateOutcome>(UPDATE_LISTS, { mode: 'import', files: [sdnSet(14_965)], date: '2024-05-03', acceptSmallerList: true }))!;
    assert.equal(outcome.ok, true, outcome.message);
    const api = await services();
    await api.loadLists(); // as on the next start: the confirmation and the date stay with the files
    const now = await sdnList();
    assert.equal(now?.entries, 14_965);
    assert.equal(now?.date, '2024-05-03');
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(api.context.globalStorageUri, 'lists'), { recursive: true, useTrash: false });
    await api.loadLists();
    assert.equal((await sdnList())?.entries, 15_808);
  });

  it('in Restricted Mode, workspace settings cannot switch the sanctioned-party rule off or raise the score bands', async () => {
    const api = await services();
    const uri = workspaceFile('animation-production-agreement.md');
    await openDoc('animation-production-agreement.md');
    await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === 'sanctioned-party'));
    await setSetting('rules', { 'sanctioned-party': 'off' });
    await setSetting('screening.scoreBands', { error: 1, warning: 1, info: 1 });
    await waitDiags(uri, (d) => !d.some((x) => ruleOf(x) === 'sanctioned-party'));
    await api.setTrustOverride(false);
    await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === 'sanctioned-party'));
    await api.setTrustOverride(undefined);
    await setSetting('rules', undefined);
    await setSetting('screening.scoreBands', undefined);
  });

  it('the decisions store: two decisions recorded at once both survive; a newer version or a non-UTF-8 file is never rewritten', async () => {
    const api = await services();
    const folder = vscode.workspace.workspaceFolders![0];
    const name = 'animation-production-agreement.md';
    const text = sampleText(name);
    const findings = checkDocument(createSourceDocument(name, text)).findings;
    const [a, b] = [findings[0], findings.find((f) => f.rule !== findings[0].rule)!];
    const decide = (finding: Finding, reason: string) =>
      createDecision({ file: name, text, finding, verdict: 'not-a-match', reason, reviewer: 'Dana Whitfield', date: '2026-12-04T10:00:00Z', listVersion: { id: 'ofac-sdn', date: '2024-05-03', sha256: 'a'.repeat(64) } });
    const file = vscode.Uri.joinPath(folder.uri, '.clauseguard', 'decisions.json');
    try {
      await Promise.all([api.decisions.record(folder, decide(a, 'First reviewer.')), api.decisions.record(folder, decide(b, 'Second reviewer.'))]);
      const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
      assert.deepEqual(saved.decisions.map((d: { reason: string }) => d.reason).sort(), ['First reviewer.', 'Second reviewer.']);

      const newer = JSON.stringify({ version: 2, decisions: [], fromTheFuture: true });
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(newer));
      await assert.rejects(api.decisions.record(folder, decide(a, 'Again.')), /newer ClauseGuard \(format version 2\)/);
      assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), newer);

      const latin1 = Buffer.from('{"version": 1, "decisions": [], "note": "Caf\xe9"}', 'latin1');
      await vscode.workspace.fs.writeFile(file, latin1);
      await assert.rejects(api.decisions.record(folder, decide(a, 'Again.')), /is not UTF-8 text, so ClauseGuard will not rewrite it/);
      assert.deepEqual(Buffer.from(await vscode.workspace.fs.readFile(file)), latin1);
    } finally {
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder.uri, '.clauseguard'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
      await api.decisions.loadAll();
    }
  });

  it('in Restricted Mode, bundled lists stay on and a relative list path of the user is not read from the workspace', async () => {
    const api = await services();
    await setSetting('lists.bundled', ['un']);
    await vscode.workspace.getConfiguration('clauseguard').update('lists.extraFiles', ['compliance/planted.csv'], vscode.ConfigurationTarget.Global);
    try {
      await api.setTrustOverride(false);
      assert.deepEqual(api.lists.map((l) => l.id).sort(), ['ofac-cons', 'ofac-sdn', 'un']);
      const s = readListSettings(false);
      assert.deepEqual(s.extraFiles, []);
      assert.ok(s.problems.some((p) => /compliance\/planted\.csv is a relative path.*not loaded in Restricted Mode/.test(p)), s.problems.join('\n'));
    } finally {
      await vscode.workspace.getConfiguration('clauseguard').update('lists.extraFiles', undefined, vscode.ConfigurationTarget.Global);
      await api.setTrustOverride(undefined);
      await setSetting('lists.bundled', undefined);
      await api.loadLists();
    }
  });

  it('hostile contract globs neither hang nor break the workspace report', async () => {
    await setSetting('contractFiles', ['**/**/**/**/**/**/**/**/x', '{a,b', '**/*.contract.md']);
    const t0 = Date.now();
    const found = await findWorkspaceContracts(new vscode.CancellationTokenSource().token);
    assert.ok(found.some((u) => u.path.endsWith('design-services-agreement.contract.md')), found.map((u) => u.path).join(', '));
    assert.ok(Date.now() - t0 < 15000, `took ${Date.now() - t0} ms`);
    await setSetting('contractFiles', undefined);
  });

  it('a 2 MB contract being typed in does not delay the diagnostics of a small contract in another editor by more than a second', async () => {
    const api = await services();
    const base = sampleText('animation-production-agreement.md');
    let text = base;
    while (text.length < 2_000_000) text += '\n\n' + base.replace(/^# .*$/m, '## Annex');
    const big = workspaceFile('contracts/typed-master-agreement.md');
    await writeWorkspaceFile(big, text);
    const bigEditor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(big), vscode.ViewColumn.One);
    await api.checker.reviewFor(bigEditor.document); // checked once, so later checks are of a known-large document
    const small = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceFile('it-outsourcing-agreement.txt')), vscode.ViewColumn.Two);
    await api.checker.reviewFor(small.document);
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      // Typing in the large contract starts its (slow) check…
      await bigEditor.edit((b) => b.insert(new vscode.Position(0, 0), `Draft ${i}. `));
      api.checker.check(bigEditor.document);
      // …and the small contract, edited just after, still gets its diagnostics within a second.
      await small.edit((b) => b.insert(new vscode.Position(0, 0), `Note ${i}. `));
      const t0 = performance.now();
      const review = await api.checker.reviewFor(small.document);
      delays.push(performance.now() - t0);
      assert.equal(review?.version, small.document.version);
    }
    console.log(`      small contract's diagnostics after ${delays.map((d) => Math.round(d)).join(', ')} ms`);
    assert.ok(Math.max(...delays) < 1000, `small contract waited ${delays.map((d) => Math.round(d)).join(', ')} ms`);
    await closeAll();
    await vscode.workspace.fs.delete(big);
  });
  afterEach(restoreSamples); // after the suite's own afterEach (editors closed first)
});
