import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { readListSettings, readSettings } from '../../src/vscode/settings';
import { closeAll, openDoc, ruleOf } from './helpers';
import { services, setSetting, writeWorkspaceFile, waitDiags, restoreSamples } from './workflowHelpers';

const RULE = 'subcontracting-consent-missing';

describe('workflow: settings', () => {
  before(restoreSamples);
  before(services);
  afterEach(async () => {
    for (const k of ['rules', 'screening.scoreBands', 'debounceMs', 'typingPause', 'severity.subcontracting-consent-missing', 'run', 'contractFiles', 'lists.bundled', 'lists.maxAgeDays', 'clauseLibrary.folder']) await setSetting(k, undefined);
    await closeAll();
  });

  it('a rule severity set by id changes the diagnostics; "off" removes them; a tag works too', async () => {
    const editor = await openDoc('animation-production-agreement.md');
    const uri = editor.document.uri;
    await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === RULE && x.severity === vscode.DiagnosticSeverity.Error));
    await setSetting('rules', { [RULE]: 'info' });
    await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === RULE && x.severity === vscode.DiagnosticSeverity.Information));
    await setSetting('rules', { [RULE]: 'off' });
    await waitDiags(uri, (d) => !d.some((x) => ruleOf(x) === RULE));
    await setSetting('rules', { subcontracting: 'warning' });
    await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === RULE && x.severity === vscode.DiagnosticSeverity.Warning));
  });

  it('corrupt settings are reported in plain words, fall back to defaults, and checking goes on', async () => {
    await setSetting('rules', { [RULE]: 'loud', other: 7 });
    await setSetting('screening.scoreBands', { error: 7, warning: 'high' });
    await setSetting('debounceMs', 'soon');
    await setSetting('run', 'sometimes');
    await setSetting('contractFiles', 'contracts/*.md');
    await setSetting('lists.bundled', ['ofac-sdn', 'eu-list']);
    await setSetting('lists.maxAgeDays', -3);
    const s = readSettings();
    assert.equal(s.debounceMs, 400);
    assert.equal(s.run, 'onType');
    assert.deepEqual(s.check.screeningBands, { error: 0.9, warning: 0.8, info: 0.7 });
    assert.deepEqual(s.check.ruleSeverity, {});
    const all = [...s.problems, ...readListSettings(true).problems].join('\n');
    assert.match(all, /clauseguard\.rules\.subcontracting-consent-missing: "loud" is not one of off, info, warning, error/);
    assert.match(all, /clauseguard\.typingPause: "soon" is not between 0 and 10000 milliseconds; using 400/);
    assert.match(all, /clauseguard\.lists\.bundled: "eu-list" is not a bundled list/);
    assert.match(all, /clauseguard\.lists\.maxAgeDays: -3/);
    assert.deepEqual(readListSettings(true).bundled, ['ofac-sdn']);
    // Still checks, with the default severity.
    const editor = await openDoc('animation-production-agreement.md');
    await waitDiags(editor.document.uri, (d) => d.some((x) => ruleOf(x) === RULE && x.severity === vscode.DiagnosticSeverity.Error));
  });

  it('"onSave" checks only when the file is saved', async () => {
    await setSetting('run', 'onSave');
    // code-server may auto-save edits, which would (rightly) trigger the on-save check mid-test.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Workspace);
    const editor = await openDoc('animation-production-agreement.md');
    const uri = editor.document.uri;
    const original = editor.document.getText();
    try {
    await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === RULE));
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('7.3'));
    const api = await services();
    await api.listsReady;
    await api.checker.reviewFor(editor.document); // the re-check after the settings change is done
    await editor.edit((b) => b.insert(editor.document.lineAt(line).range.end, '\n\n7.4 **Subcontracting.** The Studio shall not subcontract or delegate any of the Services without the Producer’s prior written consent.'));
    // Typing does not check: after longer than the debounce the review is still of the version before the edit.
    await new Promise((r) => setTimeout(r, 900)); // longer than debounceMs (400): proves nothing ran
    assert.notEqual(api.checker.reviewOf(uri)?.version, editor.document.version, 'no check while typing in onSave mode');
    assert.ok(vscode.languages.getDiagnostics(uri).some((x) => ruleOf(x) === RULE));
    await editor.document.save();
    await waitDiags(uri, (d) => !d.some((x) => ruleOf(x) === RULE));
    } finally {
      await vscode.workspace.getConfiguration('files').update('autoSave', undefined, vscode.ConfigurationTarget.Workspace);
      await writeWorkspaceFile(uri, original); // other tests expect the sample as shipped
    }
  });
  afterEach(restoreSamples); // after the suite's own afterEach (editors closed first)
});
