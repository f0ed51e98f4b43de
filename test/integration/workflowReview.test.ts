import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { REVIEW_WORKSPACE, type ReviewSummary } from '../../src/vscode/features/reviewWorkspace';
import { closeAll, ruleOf, workspaceFile } from './helpers';
import { services, writeWorkspaceFile, waitDiags, restoreSamples } from './workflowHelpers';

const CONTRACTS = ['animation-production-agreement.md', 'design-services-agreement.contract.md', 'it-outsourcing-agreement.txt'];

describe('workflow: Review Workspace', () => {
  before(restoreSamples);
  before(services);
  afterEach(closeAll);
  after(async () => {
    await vscode.workspace.getConfiguration('files').update('exclude', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('checks every contract, opened or not, fills the Problems panel, skips files.exclude and non-contracts', async () => {
    // A contract in an excluded folder must be skipped.
    await writeWorkspaceFile(workspaceFile('archive/old.contract.md'), '# Old Supply Agreement\n\nThe Supplier may subcontract any of its obligations without consent.\n');
    await vscode.workspace.getConfiguration('files').update('exclude', { '**/archive': true }, vscode.ConfigurationTarget.Workspace);
    // A contract no test has opened: its findings can only come from the review.
    const unopened = workspaceFile('contracts/unopened-production.md');
    await writeWorkspaceFile(unopened, new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(CONTRACTS[0]))));
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === unopened.toString()));
    const summary = (await vscode.commands.executeCommand<ReviewSummary>(REVIEW_WORKSPACE))!;
    assert.equal(summary.cancelled, false);
    assert.ok(summary.contracts >= 4, JSON.stringify(summary)); // the 3 samples + the unopened copy (+ files other suites left)
    assert.ok(summary.total >= 4, 'README.md was looked at too');
    const anim = vscode.languages.getDiagnostics(unopened);
    assert.ok(anim.some((d) => ruleOf(d) === 'subcontracting-consent-missing'), 'findings for a file that is not open');
    assert.ok(vscode.languages.getDiagnostics(workspaceFile(CONTRACTS[2])).length > 0);
    await vscode.workspace.fs.delete(unopened);
    await waitDiags(unopened, (d) => d.length === 0);
    assert.equal(vscode.languages.getDiagnostics(workspaceFile('README.md')).length, 0, 'the README is not a contract');
    assert.equal(vscode.languages.getDiagnostics(workspaceFile('archive/old.contract.md')).length, 0, 'files.exclude is respected');
  });

  it('keeps the results current: a changed file is re-checked, a new one is added, a deleted one cleared', async () => {
    await vscode.commands.executeCommand(REVIEW_WORKSPACE);
    const fresh = workspaceFile('contracts/new-production.md');
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceFile(CONTRACTS[0])));
    await writeWorkspaceFile(fresh, text);
    await waitDiags(fresh, (d) => d.some((x) => ruleOf(x) === 'subcontracting-consent-missing'));
    const fixed = text.replace(/^(7\.3 .*)$/m, '$1\n\n7.4 **Subcontracting.** The Studio shall not subcontract or delegate any of the Services without the Producer’s prior written consent.');
    assert.notEqual(fixed, text);
    await writeWorkspaceFile(fresh, fixed);
    await waitDiags(fresh, (d) => !d.some((x) => ruleOf(x) === 'subcontracting-consent-missing'));
    await vscode.workspace.fs.delete(fresh);
    await waitDiags(fresh, (d) => d.length === 0);
  });

  it('can be cancelled: it stops between files and says how far it got', async () => {
    // The notification's Cancel button and this token cancel the same loop.
    const cancel = new vscode.CancellationTokenSource();
    cancel.cancel();
    const s = (await vscode.commands.executeCommand<ReviewSummary>(REVIEW_WORKSPACE, cancel.token))!;
    assert.equal(s.cancelled, true);
    assert.equal(s.checked, 0, JSON.stringify(s));
    assert.ok(s.total > 0);
  });
  afterEach(restoreSamples); // after the suite's own afterEach (editors closed first)
});
