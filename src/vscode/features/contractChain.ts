import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { toVsRange } from '../convert';
import { readSettings } from '../settings';
import type { ReportSource } from './reportPanel';
import { type ChainFinding, chainJson, type ChainReview, type ConsentDecision, CONSENTS_PATH, type ContractFacts, contractFactsFromText, escapeHtml, parseConsentsFile, type Range, reviewChain, withConsent } from '../../core/index';

export const SHOW_CONTRACT_CHAIN_COMMAND = 'clauseguard.showContractChain';

/** Messages the webview script (src/webview/chain.ts) posts: indexes into the panel's own data, never paths. */
export type ChainPanelMessage = { type: 'open'; party?: string; link?: number; finding?: number } | { type: 'record-consent'; finding: number };

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
  private readonly updated = new vscode.EventEmitter<ChainReview>();
  /** Fires after the panel shows a new or refreshed chain. */
  readonly onDidUpdate = this.updated.event;
  private uris = new Map<string, vscode.Uri>();
  private facts: ContractFacts[] = [];
  /** What the page shows, to skip re-rendering (and reloading the webview) when nothing changed. */
  private shown = '';
  private refreshTimer: NodeJS.Timeout | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  private constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly source: ReportSource,
  ) {
    this.panel = vscode.window.createWebviewPanel('clauseguard.chain', 'ClauseGuard Contract Chain', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(context.extensionUri, 'media')],
    });
    this.panel.onDidDispose(() => this.dispose(), undefined, this.disposables);
    this.panel.webview.onDidReceiveMessage((m: unknown) => void this.handleMessage(m), undefined, this.disposables);
    // Findings, lists or decisions changed somewhere: follow the chain again (debounced).
    this.disposables.push(
      this.updated,
      source.onDidChange(() => {
        clearTimeout(this.refreshTimer);
        this.refreshTimer = setTimeout(() => void this.refresh(), 500);
      }),
    );
  }

  private async refresh(): Promise<void> {
    const token = new vscode.CancellationTokenSource();
    try {
      const collected = await collectFacts(this.source, token.token);
      if (!collected) return;
      this.uris = collected.uris;
      this.facts = collected.facts;
      await this.rereview();
    } finally {
      token.dispose();
    }
  }

  private async rereview(): Promise<void> {
    this.review = reviewChain(this.facts, { consents: await readConsents(), config: readSettings().check });
    const shown = JSON.stringify(chainJson(this.review));
    if (shown === this.shown && this.html) return;
    this.shown = shown;
    this.render();
  }

  static async show(context: vscode.ExtensionContext, source: ReportSource): Promise<ChainPanel | undefined> {
    const collected = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'ClauseGuard: following the contract chain', cancellable: true },
      (_progress, token) => collectFacts(source, token),
    );
    if (!collected) return undefined;
    const panel = ChainPanel.current ?? (ChainPanel.current = new ChainPanel(context, source));
    panel.uris = collected.uris;
    panel.facts = collected.facts;
    await panel.rereview();
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
      .map(
        (f, i) =>
          `<li data-finding="${i}"><span class="sev sev-${f.severity}">${f.severity}</span> <span class="where">${escapeHtml(f.contract)}:${f.range.start.line + 1}</span> — ${escapeHtml(f.message)} <span class="where">[${f.rule}]</span>${
            f.rule === 'chain-consent-not-recorded' ? ` <button data-consent="${i}" title="Record that consent to this subcontract was given, with the reason">Record consent given…</button>` : ''
          }</li>`,
      )
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
    this.updated.fire(this.review!);
  }

  /** Opens the contract behind a clicked party, contract or finding. Only the panel's own data is looked up. */
  async handleMessage(message: unknown): Promise<vscode.TextEditor | undefined> {
    if (!message || typeof message !== 'object' || !this.review) return undefined;
    if ((message as ChainPanelMessage).type === 'record-consent') {
      const f = this.review.findings[(message as { finding?: unknown }).finding as number];
      if (f?.rule === 'chain-consent-not-recorded') await this.askConsent(f);
      return undefined;
    }
    if ((message as ChainPanelMessage).type !== 'open') return undefined;
    const m = message as Extract<ChainPanelMessage, { type: 'open' }>;
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

  private async askConsent(f: ChainFinding): Promise<void> {
    const subcontractor = String(f.data?.subcontractor ?? '');
    const reason = await vscode.window.showInputBox({
      title: `Consent given to ${subcontractor}`,
      prompt: `Why is consent from ${String(f.data?.customer ?? 'the customer')} to ${f.contract} on record? (where the consent is, who gave it, when)`,
      validateInput: (v) => (v.trim() ? undefined : 'A reason is required: a consent nobody can trace is not a record.'),
      ignoreFocusOut: true,
    });
    if (reason?.trim()) await this.recordConsent(f, reason, await this.source.reviewer());
  }

  /** Adds a "consent given" decision for a chain-consent-not-recorded finding to `.clauseguard/consents.json`, then re-reviews. */
  async recordConsent(f: ChainFinding, reason: string, reviewer?: string): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder || !reason.trim()) return;
    const file = vscode.Uri.joinPath(folder.uri, CONSENTS_PATH);
    let existing: string | undefined;
    try {
      existing = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(file));
    } catch {
      existing = undefined; // first consent recorded
    }
    const decision: ConsentDecision = { contract: f.contract, subcontractor: String(f.data?.subcontractor ?? ''), verdict: 'consent-given', reason: reason.trim(), ...(reviewer ? { reviewer } : {}), date: new Date().toISOString() };
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(withConsent(existing, decision)));
    await this.rereview();
  }

  dispose(): void {
    if (ChainPanel.current === this) ChainPanel.current = undefined;
    clearTimeout(this.refreshTimer);
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
    const text = review.text ?? new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    facts.push(contractFactsFromText(path, text, review.review.findings));
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
