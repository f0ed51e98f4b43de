import { createHash } from 'node:crypto';
import { createReviewer } from '../../src/core/index';
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { collect, COMPLIANCE_REPORT_COMMAND, type ReportPanel, type ReportScope, type ReportSource } from '../../src/vscode/features/reportPanel';
import { activateExtension, closeAll, openDoc, workspaceFile } from './helpers';

// The Compliance Report command in a real VS Code: scope → progress → panel; open-at-range; exports;
// refresh when findings change. The workspace is a copy of samples/.

const SAMPLES = ['animation-production-agreement.md', 'it-outsourcing-agreement.txt', 'design-services-agreement.contract.md'];

/** Runs the command; its return value is the extension host’s own panel object. */
async function runReport(scope: ReportScope): Promise<ReportPanel> {
  const panel = (await vscode.commands.executeCommand(COMPLIANCE_REPORT_COMMAND, scope)) as ReportPanel | undefined;
  assert.ok(panel, 'the command returns the panel it opened');
  assert.ok(panel.report, 'the panel holds a report');
  return panel;
}

describe('compliance report panel in a real VS Code', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(closeAll);

  it('reports on picked files: every file, its hash, its findings, with a nonce CSP and no remote resources', async () => {
    const panel = await runReport({ kind: 'files', uris: SAMPLES.map((s) => workspaceFile(s)) });
    const r = panel.report!;
    assert.deepEqual(
      r.files.map((f) => f.path),
      SAMPLES,
    );
    const animation = r.files[0];
    assert.equal(animation.status, 'fail');
    assert.ok(animation.findings.some((f) => f.rule === 'subcontracting-consent-missing'));
    assert.equal(r.files[2].findings.length, 0, 'the clean sample has no findings');
    assert.match(animation.sha256, /^[0-9a-f]{64}$/);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(panel.html)![1].replace(/&#39;/g, "'");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    assert.match(csp, /default-src 'none'/);
    assert.ok(csp.includes(`script-src 'nonce-${nonce}'`));
    assert.ok(!/unsafe-(inline|eval)/.test(csp));
    // Every resource is the extension's own (served through the webview's resource origin) or an in-page link.
    // cspSource is an origin pattern such as https://*.vscode-cdn.net
    const origins = panel.panel.webview.cspSource.split(/\s+/).map((o) => new RegExp('^' + o.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + '/'));
    for (const [, url] of panel.html.matchAll(/\b(?:src|href)="([^"]*)"/g)) assert.ok(url.startsWith('#') || origins.some((o) => o.test(url)), `resource ${url} is not from the webview's own origin`);
    for (const tag of panel.html.match(/<script[^>]*>/g) ?? []) assert.ok(tag.includes(`nonce="${nonce}"`), tag);
  });

  it('the current-file scope reports on the active editor', async () => {
    await openDoc('it-outsourcing-agreement.txt');
    const panel = await runReport({ kind: 'current' });
    assert.deepEqual(panel.report!.files.map((f) => f.path), ['it-outsourcing-agreement.txt']);
  });

  it('the workspace scope finds every sample contract', async () => {
    const panel = await runReport({ kind: 'workspace' });
    const paths = panel.report!.files.map((f) => f.path);
    for (const s of SAMPLES) assert.ok(paths.includes(s), `${s} in ${paths.join(', ')}`);
    assert.ok(!paths.includes('README.md'), 'the samples README is not a contract');
  });

  it('opens the contract at the finding’s range (the message the webview posts on a click)', async () => {
    const panel = await runReport({ kind: 'files', uris: [workspaceFile(SAMPLES[0])] });
    const finding = panel.report!.files[0].findings[0];
    await panel.handleMessage({ type: 'open', id: finding.id });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(path.basename(editor.document.uri.path), SAMPLES[0]);
    assert.deepEqual(
      [editor.selection.start.line, editor.selection.start.character, editor.selection.end.line, editor.selection.end.character],
      [finding.range.start.line, finding.range.start.character, finding.range.end.line, finding.range.end.character],
    );
    // Ids are looked up in the report; a made-up one does nothing.
    await panel.handleMessage({ type: 'open', id: '../../etc/passwd' });
  });

  it('exports the five formats', async () => {
    const panel = await runReport({ kind: 'files', uris: SAMPLES.map((s) => workspaceFile(s)) });
    const dir = vscode.Uri.file(path.join(os.tmpdir(), `cg-report-export-${Date.now()}`));
    await vscode.workspace.fs.createDirectory(dir);
    const read = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(dir, name)));
    for (const f of ['html', 'md', 'json', 'sarif', 'csv'] as const) await panel.exportTo(f, vscode.Uri.joinPath(dir, `report.${f}`));
    const html = await read('report.html');
    assert.ok(!/<script/i.test(html), 'the HTML export is the self-contained page, without the panel script');
    assert.match(await read('report.md'), /^<!-- clauseguard-output: [^\n]*-->\n\n# ClauseGuard compliance report/);
    assert.equal(JSON.parse(await read('report.json')).files.length, 3);
    assert.equal(JSON.parse(await read('report.sarif')).version, '2.1.0');
    const csv = await read('report.csv');
    assert.equal(csv.split('\r\n').filter(Boolean).length - 1, panel.report!.totals.findings + panel.report!.totals.suppressed);
    await vscode.workspace.fs.delete(dir, { recursive: true });
  });

  it('stops at once when the progress notification is cancelled, and opens nothing', async () => {
    const cancel = new vscode.CancellationTokenSource();
    const reviewed: string[] = [];
    const messages: string[] = [];
    const source: ReportSource = {
      toolVersion: 'test',
      onDidChange: new vscode.EventEmitter<readonly vscode.Uri[] | undefined>().event,
      lists: () => [],
      reviewer: async () => undefined,
      reviewerFor: async () => createReviewer(),
      findContracts: async () => [],
      async review(uri) {
        reviewed.push(path.basename(uri.path));
        if (reviewed.length === 2) cancel.cancel(); // the user clicks Cancel while the second file is checked
        return undefined;
      },
    };
    const result = await collect(source, { kind: 'files', uris: SAMPLES.map((s) => workspaceFile(s)) }, { report: (p) => p.message && messages.push(p.message) }, cancel.token);
    assert.equal(result, undefined);
    assert.deepEqual(reviewed, SAMPLES.slice(0, 2), 'the third file is never read');
    assert.match(messages[0], /^1 of 3: /);
  });

  it('updates when the saved file changes; unsaved edits are not in the report', async () => {
    const uri = workspaceFile(SAMPLES[0]);
    const onDisk = await vscode.workspace.fs.readFile(uri);
    const panel = await runReport({ kind: 'files', uris: [uri] });
    assert.ok(panel.report!.files[0].findings.some((f) => f.rule === 'subcontracting-consent-missing'));
    // Edit in an editor beside the panel, as a person would.
    const editor = await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside });
    const line = editor.document.getText().split('\n').findIndex((l) => l.startsWith('7.3'));
    const updated = new Promise<void>((resolve) => {
      const sub = panel.onDidUpdate((r) => {
        if (!r.files[0].findings.some((f) => f.rule === 'subcontracting-consent-missing')) {
          sub.dispose();
          resolve();
        }
      });
    });
    try {
      assert.ok(
        await editor.edit((b) =>
          b.insert(editor.document.lineAt(line).range.end, '\n\n7.4 **Subcontracting.** The Studio shall not subcontract or delegate any of the Services without the Producer’s prior written consent.'),
        ),
      );
      // A report is of saved files: the unsaved clause does not count as passing.
      const unsaved = await runReport({ kind: 'files', uris: [uri] });
      assert.ok(unsaved.report!.files[0].findings.some((f) => f.rule === 'subcontracting-consent-missing'), 'the unsaved clause is not in the report');
      assert.equal(unsaved.report!.files[0].unsaved, true, 'the file is marked as having unsaved changes');
      assert.equal(unsaved.report!.files[0].sha256, createHash('sha256').update(onDisk).digest('hex'), 'the hash is of the bytes on disk');
      await editor.document.save();
      await updated;
    } finally {
      // Leave the sample as it was for the other suites. VS Code in a browser auto-saves after a delay by
      // default, so put the original bytes back on disk, then revert the editor to them.
      await vscode.workspace.fs.writeFile(uri, onDisk);
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
      assert.equal(editor.document.getText(), new TextDecoder().decode(onDisk), 'the sample is as it was');
    }
  });
});
