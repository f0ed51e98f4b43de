import * as vscode from 'vscode';
import { createSourceDocument, ruleById, type ContractFormat, type ContractModel, type Decision, type DecisionStatus, type Dismissal, type DocumentReview, type Finding, type Reviewer } from '../core/index';
import { hiddenFindings, hiddenNote, type HiddenBy } from './decidedHints';
import type { WorkerClient } from './workerClient';
import { toVsRange, toVsSeverity } from './convert';
import { isContract } from './contractScope';
import { readSettings } from './settings';

/**
 * A diagnostic that remembers the finding behind it, so hovers and quick fixes never re-analyse. The
 * message and severity are the core's, decisions included: the editor adds nothing to the verdict.
 */
export class FindingDiagnostic extends vscode.Diagnostic {
  readonly decision: DecisionStatus | undefined;
  /**
   * A finding a reviewer decided on ("not a match", dismissed) stays visible as a faint hint that says so
   * (`hidden`); it counts as suppressed in every output.
   */
  constructor(
    readonly finding: Finding,
    readonly hidden?: HiddenBy,
  ) {
    super(toVsRange(finding.range), hidden ? `${hiddenNote(hidden)}\n${finding.message}` : finding.message, hidden ? vscode.DiagnosticSeverity.Hint : toVsSeverity(finding.severity));
    this.source = 'ClauseGuard';
    this.code = { value: finding.rule, target: ruleDocUri(finding.rule) };
    this.decision = finding.decision;
  }
}

/** The bundled page of a rule (docs/rules/<id>.md inside the extension): no network address. */
export function ruleDocUri(rule: string): vscode.Uri {
  return vscode.Uri.joinPath(ruleDocsRoot.uri, 'docs', 'rules', `${rule}.md`);
}
/** Set once in activate() to the extension's folder. */
export const ruleDocsRoot = { uri: vscode.Uri.file('/') };

/** Everything known about one checked file at one version. */
export interface EditorReview {
  uri: vscode.Uri;
  /** Editor version, or -1 for a file checked from disk (not open). */
  version: number;
  text: string;
  /** The core's review, exactly as the pipeline made it in the check worker. */
  review: DocumentReview;
  /** The contract model, built on this thread on first use (editor features that need clauses). */
  model(): ContractModel;
}

export interface CheckerHooks {
  /** A reviewer on this thread (no lists): the fallback if the worker cannot start, and models for editor features. */
  reviewer(): Reviewer;
  /** Decisions recorded for a file (none in Restricted Mode). */
  decisionsFor(uri: vscode.Uri): readonly Decision[];
  /** Dismissals recorded for a file (none in Restricted Mode). */
  dismissalsFor(uri: vscode.Uri): readonly Dismissal[];
  /** Findings to hold back while the reviewer is typing (document-level findings), and when to look again. */
  holdBack?(uri: vscode.Uri, findings: readonly Finding[]): { held: ReadonlySet<Finding>; retryInMs?: number };
  /** Dismissals recorded for a file (none in Restricted Mode). */
  dismissalsFor(uri: vscode.Uri): readonly Dismissal[];
  /** Findings to hold back while the reviewer types (document-level ones), and when to look again. */
  holdBack?(uri: vscode.Uri, findings: readonly Finding[]): { held: ReadonlySet<Finding>; retryInMs?: number };
  /** The worker, or undefined to check on this thread (tests, or if the worker cannot start). */
  worker(): WorkerClient | undefined;
  log(message: string): void;
}

interface Inflight {
  version: number;
  /** A newer version arrived while this one was being checked. */
  again: boolean;
}

/**
 * Runs the core over contracts and publishes diagnostics. Checks run in the check worker; a result
 * for an outdated version is dropped, never published. Files reviewed from disk (Review Workspace)
 * are kept in the Problems panel until they are deleted.
 */
export class Checker implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('clauseguard');
  private readonly reviews = new Map<string, EditorReview>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inflight = new Map<string, Inflight>();
  private readonly waiters = new Map<string, { version: number; resolve: (r: EditorReview | undefined) => void }[]>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Files checked from disk by Review Workspace: re-checked when they change, cleared when deleted. */
  readonly reviewedFiles = new Set<string>();
  /** Fires after a document's diagnostics were updated (or cleared). */
  readonly onDidCheck = this.changed.event;
  /** Checks completed (for the responsiveness benchmark and tests). */
  checksRun = 0;
  /** Longest time this class's own work took on the extension host's thread, ms (benchmark figure). */
  maxOwnWorkMs = 0;
  /** Own steps over 16 ms: when (epoch ms), how long and which step (benchmark detail). */
  readonly slowSteps: { at: number; ms: number; step: string }[] = [];
  private timed<T>(step: string, fn: () => T): T {
    const t = performance.now();
    try {
      return fn();
    } finally {
      const ms = performance.now() - t;
      this.maxOwnWorkMs = Math.max(this.maxOwnWorkMs, ms);
      if (ms > 16) {
        this.slowSteps.push({ at: Date.now(), ms: Math.round(ms), step });
        if (this.slowSteps.length > 500) this.slowSteps.splice(0, 250);
      }
    }
  }

  constructor(private readonly hooks: CheckerHooks) {}

  /** The review of a document at its current version, if already checked. */
  reviewOf(uri: vscode.Uri): EditorReview | undefined {
    return this.reviews.get(uri.toString());
  }

  /** Waits for the worker's review of the document's current version (checking it if needed). */
  reviewFor(doc: vscode.TextDocument): Promise<EditorReview | undefined> {
    if (!isContract(doc)) return Promise.resolve(undefined);
    const key = doc.uri.toString();
    const r = this.reviews.get(key);
    if (r && r.version === doc.version) return Promise.resolve(r);
    const p = new Promise<EditorReview | undefined>((resolve) => this.waiters.set(key, [...(this.waiters.get(key) ?? []), { version: doc.version, resolve }]));
    this.check(doc);
    return p;
  }

  findingsAt(doc: vscode.TextDocument, range: vscode.Range): FindingDiagnostic[] {
    return this.diagnostics.get(doc.uri)?.filter((d): d is FindingDiagnostic => d instanceof FindingDiagnostic && d.range.intersection(range) !== undefined) ?? [];
  }

  /** The decision behind a finding the editor shows (for hovers and quick fixes). */
  decisionFor(finding: Finding): DecisionStatus | undefined {
    return finding.decision;
  }

  /** Check an open document now (in the worker) and publish when done. */
  check(doc: vscode.TextDocument): void {
    this.timed('send', () => this.checkNow(doc));
  }

  private checkNow(doc: vscode.TextDocument): void {
    this.cancelPending(doc.uri);
    const key = doc.uri.toString();
    if (doc.isClosed) return;
    if (!isContract(doc)) {
      if (this.reviews.has(key) || this.diagnostics.has(doc.uri)) this.clear(doc.uri);
      this.resolveWaiters(key, undefined);
      return;
    }
    const current = this.reviews.get(key);
    if (current && current.version === doc.version) {
      this.publish(current);
      return;
    }
    const running = this.inflight.get(key);
    if (running) {
      if (running.version !== doc.version) running.again = true;
      return;
    }
    const version = doc.version;
    const text = doc.getText();
    const format = formatOf(doc.uri, doc.languageId);
    const flight: Inflight = { version, again: false };
    this.inflight.set(key, flight);
    void this.run(doc.uri, text, format, version).then((result) => {
      if (this.inflight.get(key) !== flight) return; // cleared (closed) meanwhile
      this.inflight.delete(key);
      // Outdated: the document changed or closed meanwhile. Drop the result; check the newest version.
      if (doc.isClosed) return;
      if (result && doc.version === version) this.timed('publish', () => this.store(doc.uri, version, text, result));
      if (flight.again || doc.version !== version) this.check(doc);
    });
  }

  /** Check a file from disk (not open in an editor) and publish its findings to the Problems panel. */
  async checkFile(uri: vscode.Uri, text: string, format: ContractFormat): Promise<void> {
    const key = uri.toString();
    this.reviewedFiles.add(key);
    const result = await this.run(uri, text, format, -1);
    if (!result || this.isOpen(uri)) return; // an open editor's own check takes precedence
    if (!this.reviewedFiles.has(key)) return; // deleted meanwhile
    this.store(uri, -1, text, result);
  }

  /**
   * The review of a file's saved text, with every party screened (for reports). Not published: the
   * editor shows the open document's own review.
   */
  reviewSaved(uri: vscode.Uri, text: string, format: ContractFormat): Promise<DocumentReview | undefined> {
    return this.run(uri, text, format, -1, true);
  }

  /** Publish diagnostics if this version has none yet (cheap when cached). */
  ensureChecked(doc: vscode.TextDocument): void {
    const cached = this.reviews.get(doc.uri.toString());
    if (cached && cached.version === doc.version && this.diagnostics.has(doc.uri)) return;
    this.check(doc);
  }

  /** Check after the configured debounce; a newer edit restarts the wait. */
  schedule(doc: vscode.TextDocument, delayMs: number): void {
    this.cancelPending(doc.uri);
    const version = doc.version;
    const timer = setTimeout(() => {
      this.timers.delete(doc.uri.toString());
      if (doc.isClosed || doc.version !== version) return; // outdated: a newer edit has its own timer
      this.check(doc);
    }, delayMs);
    this.timers.set(doc.uri.toString(), timer);
  }

  clear(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cancelPending(uri);
    this.inflight.delete(key);
    this.reviews.delete(key);
    this.diagnostics.delete(uri);
    this.changed.fire(uri);
  }

  /**
   * An editor closed. Files in the workspace review stay in the Problems panel (re-checked from disk,
   * since unsaved edits are gone); any other file's diagnostics are cleared.
   */
  clearUnlessPinned(uri: vscode.Uri): void {
    if (!this.reviewedFiles.has(uri.toString())) return this.clear(uri);
    this.cancelPending(uri);
    this.reviews.delete(uri.toString());
    void this.recheckFromDisk(uri);
  }

  /** Re-check a reviewed file from disk (it changed, or its editor closed). */
  async recheckFromDisk(uri: vscode.Uri): Promise<void> {
    if (this.isOpen(uri)) return;
    let text: string;
    try {
      text = new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      return this.forget(uri); // gone
    }
    await this.checkFile(uri, text, formatOf(uri, undefined));
  }

  /** A file was deleted: forget it entirely. */
  forget(uri: vscode.Uri): void {
    this.reviewedFiles.delete(uri.toString());
    this.clear(uri);
  }

  /** Forget cached results (settings or lists changed) and re-check open contracts. */
  recheckAll(): void {
    this.reviews.clear();
    for (const doc of vscode.workspace.textDocuments) this.check(doc);
  }

  /**
   * Decisions changed: review every cached document again with them (the worker's reviewer reuses the
   * model and the rules' findings for unchanged text, so only the decision stages run).
   */
  reapplyDecisions(): void {
    for (const r of [...this.reviews.values()]) {
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === r.uri.toString());
      this.reviews.delete(r.uri.toString());
      if (doc) this.check(doc);
      else if (r.version === -1) void this.checkFile(r.uri, r.text, formatOf(r.uri, undefined));
    }
  }

  isOpen(uri: vscode.Uri): boolean {
    return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
  }

  private async run(uri: vscode.Uri, text: string, format: ContractFormat, version: number, partyScreening = false): Promise<DocumentReview | undefined> {
    const config = readSettings(uri).check;
    const decisions = [...this.hooks.decisionsFor(uri)];
    const dismissals = [...this.hooks.dismissalsFor(uri)];
    const worker = this.hooks.worker();
    try {
      if (!worker) return this.hooks.reviewer().review(createSourceDocument(uri.toString(), text, format, Math.max(0, version)), { config, decisions, dismissals, partyScreening });
      const reply = await worker.request({ type: 'check', uri: uri.toString(), text, format, version: Math.max(0, version), config, decisions, dismissals, partyScreening });
      this.checksRun++;
      return reply.review;
    } catch (e) {
      this.hooks.log(`Could not check ${uri.fsPath}: ${e instanceof Error ? e.message : String(e)}`);
      return undefined;
    }
  }

  private store(uri: vscode.Uri, version: number, text: string, review: DocumentReview): void {
    let model: ContractModel | undefined;
    const format = formatOf(uri, undefined);
    const entry: EditorReview = {
      uri,
      version,
      text,
      review,
      model: () => (model ??= this.hooks.reviewer().model(createSourceDocument(uri.toString(), text, format, Math.max(0, version)))),
    };
    this.reviews.set(uri.toString(), entry);
    this.publish(entry);
    for (const e of review.ruleErrors) this.hooks.log(`Rule ${e.rule} failed on ${uri.fsPath}: ${e.message}`);
    this.resolveWaiters(uri.toString(), entry);
  }

  private publish(r: EditorReview): void {
    const hold = this.hooks.holdBack?.(r.uri, r.review.findings);
    if (hold?.retryInMs !== undefined) this.republishLater(r, hold.retryInMs);
    const diags: vscode.Diagnostic[] = r.review.findings.filter((f) => !hold?.held.has(f)).map((f) => new FindingDiagnostic(f));
    diags.push(...hiddenFindings(r.review.suppressed).map(({ finding, hidden }) => new FindingDiagnostic(finding, hidden)));
    for (const p of r.review.directiveProblems) {
      const line = new vscode.Range(p.line, 0, p.line, Number.MAX_SAFE_INTEGER);
      const d = new vscode.Diagnostic(line, p.message, vscode.DiagnosticSeverity.Warning);
      d.source = 'ClauseGuard';
      d.code = 'inline-comment';
      diags.push(d);
    }
    this.diagnostics.set(r.uri, diags);
    this.changed.fire(r.uri);
  }

  private readonly republishTimers = new Map<string, NodeJS.Timeout>();
  /** Publish the same review again once the reviewer has paused (document-level findings were held back). */
  private republishLater(r: EditorReview, ms: number): void {
    const key = r.uri.toString();
    clearTimeout(this.republishTimers.get(key));
    const timer = setTimeout(() => {
      this.republishTimers.delete(key);
      if (this.reviews.get(key) === r) this.publish(r);
    }, ms);
    this.republishTimers.set(key, timer);
  }

  private resolveWaiters(key: string, review: EditorReview | undefined): void {
    const list = this.waiters.get(key);
    if (!list) return;
    const left = list.filter((w) => {
      if (review === undefined || review.version >= w.version || review.version === -1) {
        w.resolve(review);
        return false;
      }
      return true;
    });
    if (left.length) this.waiters.set(key, left);
    else this.waiters.delete(key);
  }

  private cancelPending(uri: vscode.Uri): void {
    const t = this.timers.get(uri.toString());
    if (t) clearTimeout(t);
    this.timers.delete(uri.toString());
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const t of this.republishTimers.values()) clearTimeout(t);
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}

export function ruleTitle(id: string): string {
  return ruleById(id)?.title ?? id;
}

/** Markdown or plain text, by the editor's language or the file name. */
export function formatOf(uri: vscode.Uri, languageId: string | undefined): ContractFormat {
  return languageId === 'markdown' || languageId === 'contract-markdown' || /\.(md|markdown|mdown|mkd)$/i.test(uri.path) ? 'markdown' : 'plaintext';
}
