import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BLOCKING_STATS } from '../../src/vscode/features/debug';
import { closeAll, ruleOf, workspaceFile } from './helpers';
import { sampleText, services, writeWorkspaceFile, waitDiags, restoreSamples } from './workflowHelpers';

interface Stats {
  maxBlockMs: number;
  samples: number;
}

describe('workflow: never block the editor', function () {
  before(restoreSamples);
  this.timeout(120000);
  afterEach(closeAll);

  it('work in the check worker does not block the extension host (a 1.5 s worker job, probe stays quiet)', async () => {
    await vscode.commands.executeCommand<Stats>(BLOCKING_STATS, { reset: true });
    const stats = (await vscode.commands.executeCommand<Stats>(BLOCKING_STATS, { spinWorkerMs: 1500 }))!;
    assert.ok(stats.samples > 50, `the probe ticked during the job (${stats.samples})`);
    // Not a speed test: a main-thread job of 1.5 s would show as a ~1500 ms block.
    assert.ok(stats.maxBlockMs < 1000, `longest block ${stats.maxBlockMs} ms`);
  });

  it('a large contract (about 2 MB) is checked in the worker; outdated results are dropped; closing clears', async () => {
    const api = await services();
    const base = sampleText('animation-production-agreement.md');
    const big = workspaceFile('contracts/large-master-agreement.md');
    let text = base;
    while (text.length < 2_000_000) text += '\n\n' + base.replace(/^# .*$/m, '## Annex');
    await writeWorkspaceFile(big, text);
    const doc = await vscode.workspace.openTextDocument(big);
    const editor = await vscode.window.showTextDocument(doc);
    // Type while it is being checked: every published result must belong to the newest version.
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Draft. '));
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Second draft. '));
    const review = await api.checker.reviewFor(doc);
    assert.equal(review?.version, doc.version, 'the published review is for the current version');
    await waitDiags(big, (d) => d.some((x) => ruleOf(x) === 'subcontracting-consent-missing'));
    await closeAll();
    await waitDiags(big, (d) => d.length === 0);
    await vscode.workspace.fs.delete(big);
  });
  afterEach(restoreSamples); // after the suite's own afterEach (editors closed first)
});
