import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SHOW_CONTRACT_CHAIN_COMMAND, type ChainPanel } from '../../src/vscode/features/contractChain';
import { activateExtension, closeAll } from './helpers';

// "ClauseGuard: Show Contract Chain" in a real VS Code, on the workspace copy of samples/ (which holds
// samples/chain: producer → studio → second studio → a listed alias of SEK Studio). Like the report's
// workspace scope, it reviews unopened contracts (their findings go to the Problems panel), so this file runs
// after diagnostics.test.ts, which expects closed files to have none.

describe('contract chain panel in a real VS Code', () => {
  before(async () => {
    await activateExtension();
  });
  afterEach(closeAll);

  it('links the sample chain, colours the listed studio, and follows the report panel’s security rules', async () => {
    const panel = (await vscode.commands.executeCommand(SHOW_CONTRACT_CHAIN_COMMAND)) as ChainPanel | undefined;
    assert.ok(panel?.review, 'the command returns the panel it opened');
    const g = panel.review.graph;
    const name = (id: string) => g.partyById.get(id)!.name;
    const chain = g.links.filter((l) => l.contract.startsWith('chain/')).map((l) => `${name(l.customer)} → ${name(l.performer)}`);
    assert.deepEqual(chain, ['Northwind Pictures LLC → Golden Lantern Animation Co., Ltd.', 'Golden Lantern Animation Co., Ltd. → Harbour Crane Animation Studio Ltd.', 'Harbour Crane Animation Studio Ltd. → April 26 Children\'s Animation Film Studio']);
    assert.deepEqual(
      panel.review.findings.map((f) => f.rule),
      ['chain-consent-not-recorded', 'chain-flow-down-missing', 'chain-sanctioned-party', 'chain-sanctioned-place'],
    );
    assert.equal(g.parties.find((p) => p.name.startsWith('April 26'))!.screening.severity, 'error');

    const html = panel.html;
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1].replace(/&#39;/g, "'");
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    assert.match(csp, /default-src 'none'/);
    assert.ok(!/unsafe-(inline|eval)/.test(csp));
    for (const tag of html.match(/<script[^>]*>/g) ?? []) assert.ok(tag.includes(`nonce="${nonce}"`), tag);
    const origins = panel.panel.webview.cspSource.split(/\s+/).map((o) => new RegExp('^' + o.replace(/[.+?^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*') + '/'));
    for (const [, url] of html.matchAll(/\b(?:src|href)="([^"]*)"/g)) assert.ok(origins.some((o) => o.test(url)), `resource ${url} is not from the webview's own origin`);
    // Names and messages reach the page only escaped (in the findings list) or as JSON with "<" escaped.
    const data = /<script type="application\/json" id="chain-data"[^>]*>([\s\S]*?)<\/script>/.exec(html)![1];
    assert.ok(!data.includes('<'));
    assert.equal(JSON.parse(data).links.length, g.links.length);
  });

  it('opens the contract at the clause when a contract edge or a party is clicked', async () => {
    const panel = (await vscode.commands.executeCommand(SHOW_CONTRACT_CHAIN_COMMAND)) as ChainPanel;
    const index = panel.review!.graph.links.findIndex((l) => l.contract === 'chain/2-studio-subcontract.contract.md');
    const editor = await panel.handleMessage({ type: 'open', link: index });
    assert.ok(editor, 'an editor opened');
    assert.ok(editor.document.uri.path.endsWith('chain/2-studio-subcontract.contract.md'));
    const listed = panel.review!.graph.parties.find((p) => p.name.startsWith('April 26'))!;
    const partyEditor = await panel.handleMessage({ type: 'open', party: listed.id });
    assert.ok(partyEditor?.document.uri.path.endsWith('chain/3-work-order.contract.txt'));
    assert.match(partyEditor!.document.getText(partyEditor!.selection), /^April 26 Children's Animation Film Studio$/);
    assert.equal(await panel.handleMessage({ type: 'open', party: '../../etc/passwd' }), undefined, 'unknown ids open nothing');
  });

  it('records a reviewer’s “consent given” with a reason, after which the consent finding is gone', async () => {
    const panel = (await vscode.commands.executeCommand(SHOW_CONTRACT_CHAIN_COMMAND)) as ChainPanel;
    const finding = panel.review!.findings.find((f) => f.rule === 'chain-consent-not-recorded')!;
    assert.ok(panel.html.includes('data-consent='), 'the finding offers "Record consent given…"');
    const file = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, '.clauseguard', 'consents.json');
    try {
      await panel.recordConsent(finding, '   ', 'Test Reviewer');
      assert.ok(panel.review!.findings.some((f) => f.rule === 'chain-consent-not-recorded'), 'no reason, nothing recorded');
      await panel.recordConsent(finding, 'Northwind’s letter of 2 March 2025', 'Test Reviewer');
      assert.ok(!panel.review!.findings.some((f) => f.rule === 'chain-consent-not-recorded'));
      const saved = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
      assert.equal(saved.consents[0].subcontractor, 'Harbour Crane Animation Studio Ltd.');
      assert.equal(saved.consents[0].reviewer, 'Test Reviewer');
      assert.ok(!panel.html.includes('data-consent='));
    } finally {
      await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
    }
  });
});
