import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAll, openDoc, ruleOf, waitForDiagnostics, workspaceFile } from './helpers';

describe('diagnostics in a real VS Code', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(closeAll);

  it('reports a missing subcontracting-consent clause on the animation sample, at the assignment clause', async () => {
    const editor = await openDoc('animation-production-agreement.md');
    const diags = await waitForDiagnostics(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'subcontracting-consent-missing'));
    const d = diags.find((x) => ruleOf(x) === 'subcontracting-consent-missing')!;
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.equal(d.source, 'ClauseGuard');
    assert.match(d.message, /consent/i);
    assert.ok(d.range.start.line > 0, 'not parked on line 1');
  });

  it('reports nothing of that rule on the clean design-services sample', async () => {
    const editor = await openDoc('design-services-agreement.contract.md');
    // Wait for ClauseGuard to have checked it: the checker publishes (possibly empty) diagnostics.
    const api = await activateExtension();
    const review = await api.services.checker.reviewFor(editor.document);
    assert.ok(review, 'the file counts as a contract and was checked');
    const diags = vscode.languages.getDiagnostics(editor.document.uri);
    assert.equal(diags.filter((x) => ruleOf(x) === 'subcontracting-consent-missing').length, 0);
  });

  it('updates when the text changes and clears when the file is closed', async () => {
    const editor = await openDoc('animation-production-agreement.md');
    const uri = editor.document.uri;
    await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'subcontracting-consent-missing'));
    // Add a consent clause to the General section, after 7.3, as a lawyer would.
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('7.3'));
    assert.ok(line > 0, 'sample has clause 7.3');
    const at = editor.document.lineAt(line).range.end;
    await editor.edit((b) =>
      b.insert(at, '\n\n7.4 **Subcontracting.** The Studio shall not subcontract or delegate any of the Services without the Producer’s prior written consent.'),
    );
    await waitForDiagnostics(uri, (d) => !d.some((x) => ruleOf(x) === 'subcontracting-consent-missing'));
    await closeAll();
    await waitForDiagnostics(uri, (d) => d.length === 0);
    assert.equal(vscode.languages.getDiagnostics(workspaceFile('animation-production-agreement.md')).length, 0);
  });
});
