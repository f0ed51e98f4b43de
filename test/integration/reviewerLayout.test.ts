import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, openDoc, ruleOf, workspaceFile } from './helpers';
import { readWorkspaceFile, restoreSamples, services, setSetting, waitDiags, writeWorkspaceFile } from './workflowHelpers';

/**
 * Issue 15 through the VS Code API: search results shown read-only and rendered; ClauseGuard's own
 * exports and files never checked; the settings (dropdowns, bands out of 100, word wrap); inserted
 * clauses wrapped to a hard-wrapped file with tab stops only for blanks; missing-clause findings wait
 * while typing; one Outline tree with clause titles; rule links to the bundled pages.
 */
const tabsWhere = (ok: (t: vscode.Tab) => boolean) => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter(ok);
function whenTab(ok: (t: vscode.Tab) => boolean, what: string): Promise<vscode.Tab> {
  return new Promise((resolve, reject) => {
    const now = tabsWhere(ok)[0];
    if (now) return resolve(now);
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), 30000);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      const t = tabsWhere(ok)[0];
      if (t) {
        clearTimeout(timer);
        sub.dispose();
        resolve(t);
      }
    });
  });
}

describe('reviewer experience: search, own files, settings, drafting, outline', () => {
  before(restoreSamples);
  afterEach(closeAll);

  it('Search Sanctions Lists: the picked entry opens read-only and rendered, never as an Untitled buffer', async () => {
    const api = await services();
    await api.listsReady;
    const top = (await api.searchLists('kim jong', { limit: 30, minScore: 0.4, prefix: true }))[0];
    assert.ok(top, 'a result');
    void vscode.commands.executeCommand('clauseguard.searchSanctions', 'kim jong');
    // Enter picks the active (first = best-scoring) result once the results are in.
    await closeAll();
    const entryFile = `${top.entity.id.replace(/[^\w.-]+/g, '-')}.md`;
    const preview = whenTab((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType) && t.label.includes(entryFile), 'the entry preview');
    let opened = false;
    void preview.then(() => (opened = true));
    for (let i = 0; i < 100 && !opened; i++) {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      await new Promise((r) => setTimeout(r, 100));
    }
    const tab = await preview;
    assert.match(tab.label, /Preview/);
    // The preview shows a virtual document (read-only: no file behind it), served by the extension.
    const entry = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'clauseguard-entry', path: `/${entryFile}` }));
    assert.ok(entry.getText().startsWith(`# ${top.entity.primaryName.replace(/[#*_`[\]<>\\]/g, '')}`), entry.getText().slice(0, 80));
    assert.equal(vscode.workspace.textDocuments.filter((d) => d.isUntitled).length, 0, 'no Untitled document');
    assert.equal(entry.isDirty, false);
  });

  it('an exported Markdown report, a rule page and files in .clauseguard/ are never checked, even under contracts/', async () => {
    const api = await services();
    await api.listsReady;
    const contract = await readWorkspaceFile(workspaceFile('animation-production-agreement.md'));
    const report = `<!-- clauseguard-output: written by ClauseGuard; not a contract, not checked -->\n\n# ClauseGuard compliance report\n\n${contract}`;
    for (const [path, text] of [
      ['contracts/review.md', report],
      ['.clauseguard/notes/animation.md', contract],
    ]) {
      await writeWorkspaceFile(workspaceFile(path), text);
      const doc = await vscode.workspace.openTextDocument(workspaceFile(path));
      await vscode.window.showTextDocument(doc);
      assert.equal(await api.checker.reviewFor(doc), undefined, `${path} is not checked`);
      assert.deepEqual(vscode.languages.getDiagnostics(doc.uri), [], path);
      await vscode.workspace.fs.delete(workspaceFile(path));
    }
    // The same contract without the marker is checked (so the test can fail).
    await writeWorkspaceFile(workspaceFile('contracts/copy.md'), contract);
    const copy = await vscode.workspace.openTextDocument(workspaceFile('contracts/copy.md'));
    await vscode.window.showTextDocument(copy);
    assert.ok((await api.checker.reviewFor(copy))?.review.findings.length);
    await vscode.workspace.fs.delete(workspaceFile('contracts/copy.md'));
  });

  it('settings: a severity dropdown per rule, score bands out of 100, word wrap on for contract languages', async () => {
    const editor = await openDoc('animation-production-agreement.md');
    const uri = editor.document.uri;
    await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === 'sanctioned-jurisdiction' && x.severity === vscode.DiagnosticSeverity.Error));
    await setSetting('severity.sanctioned-jurisdiction', 'warning');
    await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === 'sanctioned-jurisdiction' && x.severity === vscode.DiagnosticSeverity.Warning));
    await setSetting('severity.sanctioned-jurisdiction', 'off');
    await waitDiags(uri, (d) => !d.some((x) => ruleOf(x) === 'sanctioned-jurisdiction'));
    await setSetting('severity.sanctioned-jurisdiction', undefined);
    await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === 'sanctioned-jurisdiction' && x.severity === vscode.DiagnosticSeverity.Error));
    // Bands are given out of 100: 99/98/97 leaves only near-exact matches ("April 26 Animation Studio", 84, goes).
    const api = await services();
    await api.listsReady;
    await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === 'sanctioned-party' && x.severity !== vscode.DiagnosticSeverity.Error));
    await setSetting('screening.scoreBands', { error: 99, warning: 98, info: 97 });
    await waitDiags(uri, (d) => !d.some((x) => ruleOf(x) === 'sanctioned-party' && x.severity !== vscode.DiagnosticSeverity.Error) && d.some((x) => ruleOf(x) === 'sanctioned-party'));
    await setSetting('screening.scoreBands', undefined);
    for (const languageId of ['contract', 'contract-markdown']) assert.equal(vscode.workspace.getConfiguration('editor', { languageId }).get('wordWrap'), 'on', languageId);
  });

  it('an inserted clause is wrapped to a hard-wrapped file’s width; party names are not left as linked selections', async () => {
    const name = 'contracts/wrapped.txt';
    await writeWorkspaceFile(workspaceFile(name), await readWorkspaceFile(workspaceFile('it-outsourcing-agreement.txt')));
    const editor = await openDoc(name);
    const uri = editor.document.uri;
    const diags = await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === 'subcontracting-consent-missing'));
    const d = diags.find((x) => ruleOf(x) === 'subcontracting-consent-missing')!;
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range)) ?? [];
    const insert = actions.find((a) => a.title.startsWith('Insert “2.3 Subcontracting”'));
    assert.ok(insert?.edit, actions.map((a) => a.title).join(' | '));
    const before = editor.document.getText();
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    const after = editor.document.getText();
    const start = after.indexOf('2.3 Subcontracting.');
    const inserted = after.slice(start, start + (after.length - before.length)).split('\n');
    assert.ok(inserted.length > 5, 'several lines');
    for (const line of inserted) assert.ok(line.length <= 103, `${line.length}: ${line}`);
    // No linked selections on the party names (they come from the contract): at most the blanks are tab stops.
    const selected = editor.selections.map((s) => editor.document.getText(s));
    assert.ok(!selected.some((t) => /^(Supplier|Customer)$/i.test(t)), selected.join(' | '));
    assert.ok(editor.selections.length <= 2, `${editor.selections.length} selections`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(workspaceFile(name));
  });

  it('missing-clause findings wait while the reviewer types (a place is flagged at once); they come after the pause', async () => {
    await setSetting('missingClausesWait', 3);
    const name = 'contracts/new-draft.md';
    await writeWorkspaceFile(workspaceFile(name), '');
    const editor = await openDoc(name);
    const uri = editor.document.uri;
    await editor.edit((e) => e.insert(new vscode.Position(0, 0), '# Services Agreement\n\nThis Agreement is made between Northwind Ltd ("Supplier") and Contoso Inc ("Customer"). The Supplier shall perform the work in Pyongyang, North Korea.\n'));
    const typing = await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === 'sanctioned-jurisdiction'));
    assert.ok(!typing.some((x) => /-missing$/.test(ruleOf(x) ?? '')), `held back while typing: ${typing.map((x) => ruleOf(x)).join(', ')}`);
    const t0 = Date.now();
    await waitDiags(uri, (d) => d.some((x) => ruleOf(x) === 'subcontracting-consent-missing') && d.some((x) => ruleOf(x) === 'sanctions-clause-missing'));
    assert.ok(Date.now() - t0 > 1000, 'after the pause');
    await setSetting('missingClausesWait', undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.workspace.fs.delete(workspaceFile(name));
  });

  it('one Outline tree: ours for contract languages with clause titles or first words; Markdown’s alone for .md', async () => {
    const name = 'contracts/outline.contract.txt';
    await writeWorkspaceFile(workspaceFile(name), await readWorkspaceFile(workspaceFile('it-outsourcing-agreement.txt')));
    const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
    assert.equal(doc.languageId, 'contract');
    await vscode.window.showTextDocument(doc);
    const symbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri)) ?? [];
    const names = symbols.flatMap((s) => [s.name, ...s.children.map((c) => c.name)]);
    assert.ok(names.some((n) => /^1\.1 Supplier shall provide the application development…$/.test(n)), names.join(' | '));
    const md = await openDoc('animation-production-agreement.md');
    const mdSymbols = (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', md.document.uri)) ?? [];
    const lines = mdSymbols.map((s) => s.range.start.line);
    assert.equal(new Set(lines).size, lines.length, `no symbol twice: ${mdSymbols.map((s) => s.name).join(' | ')}`);
    await vscode.workspace.fs.delete(workspaceFile(name));
  });

  it('rule codes link to the bundled pages, never a web address; the lists status text stays short', async () => {
    const editor = await openDoc('animation-production-agreement.md');
    const diags = await waitDiags(editor.document.uri, (d) => d.some((x) => ruleOf(x) === 'sanctioned-jurisdiction'));
    for (const d of diags.filter((x) => x.source === 'ClauseGuard' && typeof x.code === 'object')) {
      const target = (d.code as { target: vscode.Uri }).target;
      assert.notEqual(target.scheme, 'https');
      assert.ok(target.path.endsWith(`/docs/rules/${ruleOf(d)}.md`), target.toString());
      await vscode.workspace.fs.stat(target);
    }
    const api = await services();
    await api.listsReady;
    assert.ok(api.statusItems!.lists.text.length <= 40, api.statusItems!.lists.text);
  });
});
