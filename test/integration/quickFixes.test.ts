import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAll, ruleOf, waitForDiagnostics, workspaceFile } from './helpers';

const copies: vscode.Uri[] = [];
let serial = 0;

/**
 * Opens a fresh copy of a sample, read from disk, so edits left in memory by other tests cannot change what
 * this test sees, and this test's edits never reach the samples other tests use. Deleted after each test.
 */
async function openCopy(sample: string): Promise<vscode.TextEditor> {
  const bytes = await vscode.workspace.fs.readFile(workspaceFile(sample));
  // A new name every time: VS Code keeps closed documents (and their diagnostics) by URI for a while.
  const copy = workspaceFile(`quickfix-copy-${serial++}-${sample}`);
  await vscode.workspace.fs.writeFile(copy, bytes);
  copies.push(copy);
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(copy));
}

// Clause quick fixes through the VS Code API: the code action inserts the library clause (a snippet
// edit) where a lawyer would, with the contract's own names and numbering; the finding then goes.

async function actionsFor(uri: vscode.Uri, d: vscode.Diagnostic): Promise<vscode.CodeAction[]> {
  // The workbench cancels a code-action request when the editor is still settling (first open of a
  // Markdown file); ask again in that case.
  for (let attempt = 0; ; attempt++) {
    try {
      return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    } catch (e) {
      if (attempt >= 5 || !/cancel/i.test(String(e))) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe('clause quick fixes in a real VS Code', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(async () => {
    await closeAll();
    while (copies.length) await vscode.workspace.fs.delete(copies.pop()!, { useTrash: false });
  });

  it('Markdown: "Insert 7.4 Subcontracting" after 7.3 with the Studio and the Producer; the finding goes', async () => {
    const editor = await openCopy('animation-production-agreement.md');
    const uri = editor.document.uri;
    const diags = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'subcontracting-consent-missing'));
    const d = diags.find((x) => ruleOf(x) === 'subcontracting-consent-missing')!;
    const actions = await actionsFor(uri, d);
    const insert = actions.find((a) => a.title.startsWith('Insert “7.4 Subcontracting”'));
    assert.ok(insert?.edit, `insert action offered; got ${actions.map((a) => a.title).join(' | ')}`);
    assert.ok(actions.some((a) => a.title === 'Show documentation for subcontracting-consent-missing'));
    assert.ok(actions.some((a) => a.title === 'Disable subcontracting-consent-missing for this file with a comment in the contract text'));
    const before = editor.document.getText();
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    const after = editor.document.getText();
    const at = after.indexOf('7.4 **Subcontracting.**');
    assert.ok(at > after.indexOf('7.3 **Entire agreement.**') && at < after.indexOf('## Schedule A'), 'inserted after 7.3, before the schedule');
    assert.match(after, /7\.4 \*\*Subcontracting\.\*\* Notwithstanding any other provision of this Agreement, the Studio shall not subcontract/);
    assert.match(after, /prior written consent of the Producer/);
    // Nothing else changed: removing the inserted block gives back the original text.
    const inserted = after.length - before.length;
    const start = after.indexOf('\n\n7.4 **Subcontracting.**');
    assert.equal(after.slice(0, start) + after.slice(start + inserted), before);
    await waitForDiagnostics(uri, (x) => !x.some((y) => ruleOf(y) === 'subcontracting-consent-missing'));
  });

  it('plain text: "Disable … for this file with a comment" adds the inline comment and the finding goes', async () => {
    const editor = await openCopy('it-outsourcing-agreement.txt');
    const uri = editor.document.uri;
    const diags = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'subcontracting-consent-missing'));
    const d = diags.find((x) => ruleOf(x) === 'subcontracting-consent-missing')!;
    const disable = (await actionsFor(uri, d)).find((a) => a.title === 'Disable subcontracting-consent-missing for this file with a comment in the contract text');
    assert.ok(disable?.edit);
    assert.ok(await vscode.workspace.applyEdit(disable.edit));
    assert.ok(editor.document.getText().startsWith('[clauseguard-disable-file subcontracting-consent-missing]'));
    await waitForDiagnostics(uri, (x) => !x.some((y) => ruleOf(y) === 'subcontracting-consent-missing'));
  });

  it('plain text: "Insert 2.3 Subcontracting" continues the numbering of section 2', async () => {
    const editor = await openCopy('it-outsourcing-agreement.txt');
    const uri = editor.document.uri;
    const diags = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'subcontracting-consent-missing'));
    const d = diags.find((x) => ruleOf(x) === 'subcontracting-consent-missing')!;
    const insert = (await actionsFor(uri, d)).find((a) => a.title.startsWith('Insert “2.3 Subcontracting”'));
    assert.ok(insert?.edit);
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    const text = editor.document.getText();
    assert.ok(text.indexOf('2.3 Subcontracting. Notwithstanding') > text.indexOf('2.2 Supplier'));
    assert.ok(text.indexOf('2.3 Subcontracting.') < text.indexOf('3. FEES'));
    await waitForDiagnostics(uri, (x) => !x.some((y) => ruleOf(y) === 'subcontracting-consent-missing'));
  });

  it("a firm's clause folder overrides the bundled clause of the same id", async () => {
    const folder = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.clauseguard', 'clauses');
    const file = vscode.Uri.joinPath(folder, 'firm-subcontracting.md');
    const clause = '---\nid: subcontracting-consent-strict\ntitle: Sub-contracting (Firm Playbook)\nfixes: [subcontracting-consent-missing]\nvariables:\n  - name: supplier\n    from: performingParty\n    default: the Supplier\n---\n{{supplier}} shall not sub-contract any work without our prior written consent.\n';
    const hadFolder = await vscode.workspace.fs.stat(folder).then(
      () => true,
      () => false,
    );
    await vscode.workspace.fs.createDirectory(folder);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(clause));
    try {
      const editor = await openCopy('it-outsourcing-agreement.txt');
      const uri = editor.document.uri;
      const diags = await waitForDiagnostics(uri, (d) => d.some((x) => ruleOf(x) === 'subcontracting-consent-missing'));
      const d = diags.find((x) => ruleOf(x) === 'subcontracting-consent-missing')!;
      const titles = (await actionsFor(uri, d)).map((a) => a.title);
      assert.ok(titles.some((t) => t.startsWith('Insert “2.3 Sub-contracting (Firm Playbook)”')), titles.join(' | '));
      assert.ok(titles.some((t) => t.startsWith('Insert “2.3 Approved Subcontractors”')), 'bundled clauses still offered');
    } finally {
      // Remove only what this test created.
      await vscode.workspace.fs.delete(file, { useTrash: false });
      if (!hadFolder) await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false });
    }
  });

  it('"Show documentation" opens the bundled rule page', async () => {
    await vscode.commands.executeCommand('clauseguard.showRuleDocumentation', 'subcontracting-consent-weak');
    const ext = vscode.extensions.getExtension('clauseguard.clauseguard')!;
    const page = vscode.Uri.joinPath(ext.extensionUri, 'docs', 'rules', 'subcontracting-consent-weak.md');
    const bytes = await vscode.workspace.fs.readFile(page);
    assert.match(new TextDecoder().decode(bytes), /# Weak subcontracting-consent clause/);
  });
});
