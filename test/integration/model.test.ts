import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, closeAll, openDoc } from './helpers';

describe('contract model in a real VS Code (outline, folding, defined terms)', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(closeAll);

  it('shows the clause tree in the Outline', async () => {
    // The contract-Markdown language gets ClauseGuard's tree (a plain .md file keeps the Markdown extension's).
    const copy = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'contracts', 'outline-animation.contract.md');
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'animation-production-agreement.md'), copy, { overwrite: true });
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(copy));
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri)) ?? [];
    const names: string[] = [];
    const walk = (list: vscode.DocumentSymbol[]) => list.forEach((s) => (names.push(s.name), walk(s.children ?? [])));
    walk(symbols);
    assert.ok(names.includes('7.1 Assignment'), `outline has clause 7.1: ${names.join(' | ')}`);
    // Ours nests the clauses under their headings.
    const generals = (symbols.flatMap((s) => [s, ...(s.children ?? [])]) as vscode.DocumentSymbol[]).filter((s) => /General/.test(s.name));
    assert.ok(generals.some((g) => g.children.some((c) => c.name.startsWith('7.3'))), 'clause 7.3 nests under General');
    await closeAll();
    await vscode.workspace.fs.delete(copy);
  });

  it('folds by clause', async () => {
    const editor = await openDoc('animation-production-agreement.md');
    const ranges = (await vscode.commands.executeCommand<vscode.FoldingRange[]>('vscode.executeFoldingRangeProvider', editor.document.uri)) ?? [];
    const generalLine = editor.document.getText().split('\n').findIndex((l) => /General/.test(l) && l.startsWith('#'));
    assert.ok(ranges.some((r) => r.start === generalLine && r.end > generalLine), 'a folding range starts at the General heading');
  });

  it('goes to the definition of a defined term and shows it on hover', async () => {
    const editor = await openDoc('animation-production-agreement.md');
    const text = editor.document.getText();
    const defined = text.indexOf('("**Studio**")') + 4; // the sample bolds its defined terms
    const use = text.indexOf('Studio', text.indexOf('## 2'));
    assert.ok(defined > 0 && use > 0, 'sample defines and uses "Studio"');
    const pos = editor.document.positionAt(use + 1);
    const locations = (await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeDefinitionProvider', editor.document.uri, pos)) ?? [];
    assert.ok(locations.some((l) => editor.document.offsetAt(l.range.start) === defined), 'definition is the quoted term in the preamble');
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, pos)) ?? [];
    const shown = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(shown, /Defined term/);
    assert.match(shown, /Studio/);
  });
});
