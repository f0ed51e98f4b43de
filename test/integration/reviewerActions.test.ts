import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseDismissals } from '../../src/core/decisions/dismissals';
import type { FindingDiagnostic } from '../../src/vscode/checker';
import { closeAll, openDoc, ruleOf, workspaceFile } from './helpers';
import { readWorkspaceFile, restoreSamples, services, waitDiags, waitFor, writeWorkspaceFile } from './workflowHelpers';

/**
 * Issue 15 through the VS Code API: the same actions on every rule's finding; dismiss / disable for a
 * clause or the file kept in .clauseguard/dismissals.json (the contract text unchanged); decided findings
 * as faint hints that say so; revoke; the ClauseGuard Decisions view; the reviewer's name asked once.
 */
const FILE = 'contracts/reviewer-actions.contract.md';
const CONTRACT = [
  '# Studio Services Agreement',
  '',
  'This Agreement is made between Brightwater Pictures LLC ("Producer") and Golden Lantern Animation Co., Ltd. ("Studio").',
  '',
  '## 1. Services',
  '',
  '1.1 The Studio shall produce the key animation described in Schedule A at its facility in Pyongyang, North Korea.',
  '',
  '1.2 The Studio shall not subcontract any of the Services without the consent of the Producer.',
  '',
  '## 2. Partners',
  '',
  '2.1 The Studio works with Mansudae Art Studio on backgrounds, and may send colour work to Tehran, Iran.',
  '',
].join('\n');
const RULES = ['subcontracting-consent-missing', 'subcontracting-consent-weak', 'sanctions-clause-missing', 'sanctioned-party', 'sanctioned-jurisdiction'];
const REVIEWER = 'Integration Test Reviewer';

function mine(api: Awaited<ReturnType<typeof services>>, uri: vscode.Uri): FindingDiagnostic[] {
  return (api.checker.diagnostics.get(uri) ?? []).filter((d): d is FindingDiagnostic => 'finding' in d);
}
async function actionsAt(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range)) ?? [];
}
const dismissalsFile = () => workspaceFile('.clauseguard/dismissals.json');

describe('reviewer experience: actions on every finding', () => {
  before(async () => {
    await restoreSamples();
    await services();
    await vscode.workspace.getConfiguration('clauseguard').update('reviewer.name', REVIEWER, vscode.ConfigurationTarget.Global);
    await writeWorkspaceFile(workspaceFile(FILE), CONTRACT);
  });
  after(async () => {
    await vscode.workspace.fs.delete(workspaceFile(FILE)).then(undefined, () => undefined);
    await vscode.workspace.getConfiguration('clauseguard').update('reviewer.name', REVIEWER, vscode.ConfigurationTarget.Global);
  });
  afterEach(async () => {
    await closeAll();
    await writeWorkspaceFile(workspaceFile(FILE), CONTRACT);
    await vscode.workspace.fs.delete(workspaceFile('.clauseguard'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    const api = await services();
    await api.decisions.loadAll();
    await api.dismissals.loadAll();
  });

  it('every rule’s finding has Show documentation, Disable for this file (outside the text and, on request, as a comment); place findings also for the clause', async () => {
    const api = await services();
    await api.listsReady;
    const seen = new Map<string, string[]>();
    const expected: [string, string[]][] = [
      [FILE, ['sanctioned-jurisdiction', 'sanctioned-party', 'subcontracting-consent-weak', 'sanctions-clause-missing']],
      // An earlier suite may have just rewritten this sample: its missing-clause finding comes after the typing pause.
      ['animation-production-agreement.md', ['subcontracting-consent-missing']],
    ];
    for (const [file, rules] of expected) {
      const editor = await openDoc(file);
      const uri = editor.document.uri;
      await waitDiags(uri, (d) => rules.every((r) => d.some((x) => ruleOf(x) === r)));
      for (const d of mine(api, uri)) {
        const titles = (await actionsAt(uri, d.range)).map((a) => a.title);
        if (!seen.has(d.finding.rule)) seen.set(d.finding.rule, titles);
      }
    }
    assert.deepEqual([...seen.keys()].sort(), [...RULES].sort(), 'a finding of every rule');
    for (const [rule, titles] of seen) {
      const all = titles;
      assert.ok(all.includes(`Disable ${rule} for this file…`), `${rule}: ${titles.join(' | ')}`);
      assert.ok(all.includes(`Disable ${rule} for this file with a comment in the contract text`), `${rule}: ${titles.join(' | ')}`);
      if (rule === 'sanctioned-party') assert.ok(all.some((t) => /as not a match for/.test(t)), titles.join(' | '));
      else assert.ok(all.includes(`Dismiss this ${rule} finding with a reason…`), `${rule}: ${titles.join(' | ')}`);
    }
    // Show documentation once per rule at a place; the jurisdiction finding sits in clause 1.1.
    const editor = await openDoc(FILE);
    await waitDiags(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'sanctioned-jurisdiction'));
    const place = mine(api, editor.document.uri).find((d) => d.finding.rule === 'sanctioned-jurisdiction')!;
    const titles = (await actionsAt(editor.document.uri, place.range)).map((a) => a.title);
    assert.ok(titles.includes('Show documentation for sanctioned-jurisdiction'), titles.join(' | '));
    assert.ok(titles.includes('Disable sanctioned-jurisdiction for this clause…'), titles.join(' | '));
  });

  it('Show documentation opens the bundled page rendered, and the page gets no findings', async () => {
    const api = await services();
    const opened = new Promise<void>((resolve) => {
      const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
        if (vscode.window.tabGroups.all.some((g) => g.tabs.some((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType)))) {
          sub.dispose();
          resolve();
        }
      });
    });
    await vscode.commands.executeCommand('clauseguard.showRuleDocumentation', 'sanctioned-party');
    await opened;
    const ext = vscode.extensions.getExtension('clauseguard.clauseguard')!;
    const page = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules', 'sanctioned-party.md'));
    assert.ok(page.getText().includes('clauseguard-output:'));
    api.checker.check(page);
    assert.equal(await api.checker.reviewFor(page), undefined, 'not checked');
    assert.deepEqual(vscode.languages.getDiagnostics(page.uri), []);
  });

  it('dismiss with a reason: kept in .clauseguard/dismissals.json, the contract unchanged, the finding a hint that says so; revoke brings it back', async () => {
    const api = await services();
    const editor = await openDoc(FILE);
    const uri = editor.document.uri;
    await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === 'subcontracting-consent-weak' && x.severity === vscode.DiagnosticSeverity.Warning));
    const weak = mine(api, uri).find((d) => d.finding.rule === 'subcontracting-consent-weak')!;
    const id = await vscode.commands.executeCommand<string>('clauseguard.dismissFinding', uri, weak.finding, 'finding', 'Consent is given in the master agreement, clause 14.2.');
    assert.ok(id);
    const hinted = await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === 'subcontracting-consent-weak' && x.severity === vscode.DiagnosticSeverity.Hint));
    const hint = hinted.find((x) => ruleOf(x) === 'subcontracting-consent-weak')!;
    assert.match(hint.message, /^Decided — Dismissed: Consent is given in the master agreement, clause 14\.2\. \(Integration Test Reviewer, \d{4}-\d\d-\d\d\)/);
    assert.equal(editor.document.getText(), CONTRACT, 'nothing written into the contract');
    assert.equal(await readWorkspaceFile(workspaceFile(FILE)), CONTRACT);
    const saved = parseDismissals(await readWorkspaceFile(dismissalsFile()));
    assert.deepEqual(saved.problems, []);
    assert.equal(saved.dismissals.length, 1);
    assert.equal(saved.dismissals[0].reviewer, REVIEWER);
    assert.equal(saved.dismissals[0].file, FILE);
    // The hint offers Revoke; revoking restores the warning.
    const revoke = (await actionsAt(uri, hint.range)).find((a) => a.title.startsWith('Revoke the decision'));
    assert.ok(revoke?.command, 'Revoke offered on the hint');
    await vscode.commands.executeCommand(revoke.command.command, ...(revoke.command.arguments ?? []));
    await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === 'subcontracting-consent-weak' && x.severity === vscode.DiagnosticSeverity.Warning));
    assert.equal(parseDismissals(await readWorkspaceFile(dismissalsFile())).dismissals.length, 0);
  });

  it('disable for this clause covers the rule in that clause only; for this file, everywhere in the file', async () => {
    const api = await services();
    const editor = await openDoc(FILE);
    const uri = editor.document.uri;
    const places = () => vscode.languages.getDiagnostics(uri).filter((x) => ruleOf(x) === 'sanctioned-jurisdiction');
    await waitDiags(uri, () => places().length === 2 && places().every((x) => x.severity === vscode.DiagnosticSeverity.Error));
    const first = mine(api, uri).find((d) => d.finding.rule === 'sanctioned-jurisdiction' && d.finding.text.startsWith('Pyongyang'))!;
    await vscode.commands.executeCommand('clauseguard.dismissFinding', uri, first.finding, 'clause', 'Facility closed; see amendment 3.');
    await waitDiags(uri, () => places().filter((x) => x.severity === vscode.DiagnosticSeverity.Hint).length === 1);
    assert.match(places().find((x) => x.severity === vscode.DiagnosticSeverity.Hint)!.message, /Dismissed for clause 1\.1/);
    assert.equal(places().find((x) => x.severity === vscode.DiagnosticSeverity.Error)?.range.start.line, 12, 'the place in clause 2.1 stays');
    await vscode.commands.executeCommand('clauseguard.dismissFinding', uri, first.finding, 'file', 'Sanctions counsel cleared both places, memo 7.');
    await waitDiags(uri, () => places().every((x) => x.severity === vscode.DiagnosticSeverity.Hint));
    assert.equal(editor.document.getText(), CONTRACT);
  });

  it('not a match on a sanctions finding: a hint whose message and hover give the decision; the Decisions view lists it and revokes it', async () => {
    const api = await services();
    await api.listsReady;
    const editor = await openDoc(FILE);
    const uri = editor.document.uri;
    await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === 'sanctioned-party' && x.severity !== vscode.DiagnosticSeverity.Hint));
    const party = mine(api, uri).find((d) => d.finding.rule === 'sanctioned-party')!;
    await vscode.commands.executeCommand('clauseguard.markNotAMatch', uri, party.finding, 'Different studio: registered in Lyon, KYC file 42.');
    const after = await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === 'sanctioned-party' && x.severity === vscode.DiagnosticSeverity.Hint));
    const hint = after.find((x) => ruleOf(x) === 'sanctioned-party')!;
    assert.match(hint.message, /^Decided — Not a match: Different studio/);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, hint.range.start.translate(0, 2))) ?? [];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Reviewer decision: Not a match/);
    assert.ok(text.indexOf('Score') < text.indexOf('Reviewer decision') && text.indexOf('Reviewer decision') < text.indexOf('**List:**'), 'entry, score, why and the decision before the list details');
    // Decisions view: one contract, one decision; revoke from the view.
    const view = api.decisionsView!;
    await waitFor(api.decisions.onDidChange, () => view.roots().length === 1, 'the view shows the decision');
    const root = view.roots()[0] as { file: string; entries: { target: unknown; label: string }[] };
    assert.equal(root.file, FILE);
    assert.match(root.entries[0].label, /Mansudae Art Studio” — not a match/);
    await vscode.commands.executeCommand('clauseguard.revokeFromView', root.entries[0]);
    await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === 'sanctioned-party' && x.severity !== vscode.DiagnosticSeverity.Hint));
    assert.equal(view.roots().length, 0);
  });

  it('the reviewer’s name is asked for and confirmed the first time, then saved as a setting', async () => {
    const api = await services();
    await vscode.workspace.getConfiguration('clauseguard').update('reviewer.name', undefined, vscode.ConfigurationTarget.Global);
    const editor = await openDoc(FILE);
    const uri = editor.document.uri;
    await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === 'sanctions-clause-missing'));
    const missing = mine(api, uri).find((d) => d.finding.rule === 'sanctions-clause-missing')!;
    const recorded = vscode.commands.executeCommand<string>('clauseguard.dismissFinding', uri, missing.finding, 'file', 'Sanctions terms are in the framework agreement.');
    // The input box shows a suggestion; the reviewer confirms it (Enter). The API has no event for the box
    // opening, so press Enter until the dismissal is recorded (Enter with no box open does nothing).
    let done = false;
    void recorded.then(() => (done = true));
    for (let i = 0; i < 100 && !done; i++) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.ok(await recorded, 'recorded after confirming the name');
    const name = vscode.workspace.getConfiguration('clauseguard').get<string>('reviewer.name');
    assert.ok(name && name.trim(), 'the name is saved as a setting');
    assert.equal(parseDismissals(await readWorkspaceFile(dismissalsFile())).dismissals[0].reviewer, name);
  });
});
