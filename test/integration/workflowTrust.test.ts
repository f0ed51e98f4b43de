import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { MARK_NOT_A_MATCH } from '../../src/vscode/features/decisions';
import { clauseLibraryFolder, readListSettings } from '../../src/vscode/settings';
import { closeAll, openDoc, workspaceFile } from './helpers';
import { services, setSetting, writeWorkspaceFile, restoreSamples } from './workflowHelpers';

/**
 * Restricted Mode. The harness runs code-server with --disable-workspace-trust (the workspace is
 * trusted), so these tests switch ClauseGuard's own trust check (services.trustOverride, the one place
 * that reads vscode.workspace.isTrusted) and check what it loads. VS Code's own handling of
 * `restrictedConfigurations` (package.json) is not exercised here.
 */
describe('workflow: workspace trust (Restricted Mode)', function () {
  before(restoreSamples);
  this.timeout(90000);
  const watchlist = () => workspaceFile('compliance/blocked-vendors.csv');
  before(async () => {
    await writeWorkspaceFile(watchlist(), 'name,aliases,notes\nNorthwind Shadow Traders Ltd,NST Ltd,Blocked by the board in 2025\n');
    await setSetting('lists.extraFiles', ['compliance/blocked-vendors.csv']);
    await setSetting('clauseLibrary.folder', 'legal/clauses');
    const api = await services();
    await api.loadLists();
  });
  after(async () => {
    const api = await services();
    await api.setTrustOverride(undefined);
    await setSetting('lists.extraFiles', undefined);
    await setSetting('clauseLibrary.folder', undefined);
    await api.loadLists();
    await closeAll();
  });

  it('trusted: the workspace watchlist and clause folder are used', async () => {
    const api = await services();
    assert.ok(api.lists.some((l) => l.id.startsWith('custom:')), api.lists.map((l) => l.id).join(', '));
    assert.equal(clauseLibraryFolder(workspaceFile('x.md'), true)?.path, workspaceFile('legal/clauses').path);
  });

  it('untrusted: workspace list files, clause folders and decisions are not loaded, and the status item says so', async () => {
    const api = await services();
    await openDoc('animation-production-agreement.md');
    await api.setTrustOverride(false);
    assert.deepEqual(readListSettings(false).extraFiles, []);
    assert.ok(!api.lists.some((l) => l.id.startsWith('custom:')), api.lists.map((l) => l.id).join(', '));
    assert.equal(api.lists.length, 3, 'the bundled lists are still used');
    assert.equal(clauseLibraryFolder(workspaceFile('x.md'), api.isTrusted()), undefined);
    const item = api.statusItems!.lists;
    assert.match(`${item.detail}`, /Restricted Mode: workspace list files and clause folders are not loaded/);
    // Decisions cannot be recorded, and none are applied.
    const doc = (await vscode.workspace.openTextDocument(workspaceFile('animation-production-agreement.md')));
    const review = await api.checker.reviewFor(doc);
    const f = review!.review.findings[0];
    const id = await vscode.commands.executeCommand(MARK_NOT_A_MATCH, doc.uri, f, 'should not be recorded');
    assert.equal(id, undefined);
    assert.deepEqual(api.decisions.decisionsFor(doc.uri), []);
  });

  it('granting trust loads them again without a restart', async () => {
    const api = await services();
    await api.setTrustOverride(true);
    assert.ok(api.lists.some((l) => l.id.startsWith('custom:')));
    assert.doesNotMatch(`${api.statusItems!.lists.detail}`, /Restricted Mode/);
  });
  afterEach(restoreSamples); // after the suite's own afterEach (editors closed first)
});
