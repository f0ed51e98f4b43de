import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { CONSENTS_PATH, contractFacts, contractFactsFromText, parseConsentsFile, reviewChain, type ChainReview, type ConsentDecision, type ContractFacts } from '../../core/chain';
import type { Range } from '../../core/document/positions';
import { escapeHtml } from '../../core/report/escape';
import { toVsRange } from '../convert';
import { readSettings } from '../settings';
import type { ReportSource } from './reportPanel';

export const SHOW_CONTRACT_CHAIN_COMMAND = 'clauseguard.showContractChain';

/** Messages the webview script (src/webview/chain.ts) posts: indexes into the panel's own data, never paths. */
export type ChainPanelMessage = { type: 'open'; party?: string; link?: number; finding?: number };

/** "ClauseGuard: Show Contract Chain": every contract in the workspace, from the same reviews the report uses. */
export function registerContractChain(context: vscode.ExtensionContext, source: ReportSource): void {
  context.subscriptions.push(vscode.commands.registerCommand(SHOW_CONTRACT_CHAIN_COMMAND, () => ChainPanel.show(context, source)));
}

export class ChainPanel implements vscode.Disposable {
  /** The open panel, if any (tests and the UI harness read it). */
  static current: ChainPanel | undefined;
  readonly panel: vscode.WebviewPanel;
  review: ChainReview | undefined;
  /** The HTML last given to the webview (tests inspect it). */
  html = '';
  private uris = new Map<string, vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(private readonly context: vscode.ExtensionContext) {
    this.panel = vscode.window.createWebviewPanel('clauseguard.chain', 'ClauseGuard Contract Chain', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(context.extensionUri, 'media')],
    });
    this.panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    this.panel.webview.onDidReceiveMessage((m: unknown) => void this.handleMessage(m), undefined, this.disposables);
  }

  static async show(context: vscode.ExtensionContext, source: ReportSource): Promise<ChainPanel | undefined> {
    const collected = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'ClauseGuard: following the contract chain', cancellable: true },
      (_progress, token) => collectFacts(source, token),
    );
    if (!collected) return undefined;
    const panel = ChainPanel.current ?? (ChainPanel.current = new ChainPanel(context));
    panel.uris = collected.uris;
    panel.review = reviewChain(collected.facts, { consents: await readConsents(), config: readSettings().check });
    panel.render();
    panel.panel.reveal(undefined, false);
    return panel;
  }

  private render(): void {
    const review = this.review!;
    const webview = this.panel.webview;
    const nonce = randomBytes(16).toString('base64');
    const problem = new Set(review.findings.filter((f) => f.rule === 'chain-consent-not-recorded').map((f) => f.contract));
    const view = {
      parties: review.graph.parties.map((p) => ({ id: p.id, name: p.name, tier: p.tier, severity: p.screening.severity, entity: p.screening.entity?.primaryName, contracts: p.contracts.length })),
      links: review.graph.links.map((l, index) => ({ index, contract: l.contract, customer: l.customer, performer: l.performer, subcontracting: l.subcontracting, flowDown: l.flowDown, consent: problem.has(l.contract) ? 'not-recorded' : 'recorded-or-not-needed' })),
    };
    // JSON inside <script>: "<" escaped so no contract text can close the element.
    const json = JSON.stringify(view).replace(/</g, '\\u003c');
    const csp = `default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview', 'chain.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.context.extensionUri, 'media', 'chain.css'));
    const g = review.graph;
    const findings = review.findings
      .map((f, i) => `<li data-finding="${i}"><span class="sev sev-${f.severity}">${f.severity}</span> <span class="where">${escapeHtml(f.contract)}:${f.range.start.line + 1}</span> — ${escapeHtml(f.message)} <span class="where">[${f.rule}]</span></li>`)
      .join('\n');
    this.html = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${escapeHtml(style.toString())}">
<title>ClauseGuard Contract Chain</title></head>
<body>
<h1>ClauseGuard contract chain</h1>
<p class="summary">${g.facts.size} contract(s), ${g.parties.length} parties, ${g.links.length} link(s). Tiers run left to right, from the customer at the top to its subcontractors; click a party or a contract to open it.</p>
<p class="legend"><span><i class="swatch error"></i>party matches a sanctions list / consent not recorded or terms not flowed down</span><span><i class="swatch warning"></i>possible match</span><span><i class="swatch ok"></i>contract in order</span></p>
<div id="graph"></div>
<h2>Chain findings (${review.findings.length})</h2>
<ul class="findings">${findings || '<li>No chain findings.</li>'}</ul>
<script type="application/json" id="chain-data" nonce="${nonce}">${json}</script>
<script nonce="${nonce}" src="${escapeHtml(script.toString())}"></script>
</body></html>`;
    webview.html = this.html;
  }

  /** Opens the contract behind a clicked party, contract or finding. Only the panel's own data is looked up. */
  async handleMessage(message: unknown): Promise<vscode.TextEditor | undefined> {
    if (!message || typeof message !== 'object' || (message as ChainPanelMessage).type !== 'open' || !this.review) return undefined;
    const m = message as ChainPanelMessage;
    const g = this.review.graph;
    let target: { contract: string; range: Range } | undefined;
    if (typeof m.finding === 'number') target = this.review.findings[m.finding];
    else if (typeof m.link === 'number') {
      const l = g.links[m.link];
      const facts = l && g.facts.get(l.contract);
      if (facts) target = { contract: l.contract, range: facts.subcontractingRange };
    } else if (typeof m.party === 'string') {
      const p = g.partyById.get(m.party);
      const contract = p?.contracts[p.contracts.length - 1];
      const at = contract ? g.facts.get(contract)?.parties.find((x) => x.key === p!.key) : undefined;
      if (contract && at) target = { contract, range: at.range };
    }
    const uri = target && this.uris.get(target.contract);
    if (!target || !uri) return undefined;
    const doc = await vscode.workspace.openTextDocument(uri);
    const range = toVsRange(target.range);
    const editor = await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, selection: range, preview: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return editor;
  }

  dispose(): void {
    if (ChainPanel.current === this) ChainPanel.current = undefined;
    this.panel.dispose();
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The facts of every workspace contract, named by workspace-relative path. */
async function collectFacts(source: ReportSource, token: vscode.CancellationToken): Promise<{ facts: ContractFacts[]; uris: Map<string, vscode.Uri> } | undefined> {
  const found = await source.findContracts(token);
  const facts: ContractFacts[] = [];
  const uris = new Map<string, vscode.Uri>();
  for (const uri of found) {
    if (token.isCancellationRequested) return undefined;
    const review = await source.review(uri, token);
    if (!review) continue;
    const path = vscode.workspace.asRelativePath(uri, false);
    const { model, findings } = review.result;
    facts.push(model ? contractFacts(path, { model, findings }) : contractFactsFromText(path, new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)), findings));
    uris.set(path, uri);
  }
  return { facts, uris };
}

async function readConsents(): Promise<ConsentDecision[]> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return [];
  try {
    const text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, CONSENTS_PATH)));
    return parseConsentsFile(text).consents;
  } catch {
    return []; // no consents recorded
  }
}
