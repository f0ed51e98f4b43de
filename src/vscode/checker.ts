import * as vscode from 'vscode';
import { checkDocument, type CheckResult } from '../core/engine';
import type { RuleServices } from '../core/rules/services';
import { ruleById } from '../core/rules/registry';
import type { Finding } from '../core/types';
import { toSourceDocument, toVsRange, toVsSeverity } from './convert';
import { isContract } from './contractScope';
import { readSettings } from './settings';

/** A diagnostic that remembers the finding behind it, so hovers and quick fixes never re-analyse. */
export class FindingDiagnostic extends vscode.Diagnostic {
  constructor(readonly finding: Finding) {
    super(toVsRange(finding.range), finding.message, toVsSeverity(finding.severity));
    this.source = 'ClauseGuard';
    this.code = { value: finding.rule, target: vscode.Uri.parse(`https://github.com/clauseguard/clauseguard/blob/main/docs/rules/${finding.rule}.md`) };
  }
}

interface Entry {
  version: number;
  result: CheckResult;
}

/**
 * Runs the core over open contracts and publishes diagnostics. Results are cached per document version;
 * a result for an outdated version is never published.
 */
export class Checker implements vscode.Disposable {
  readonly diagnostics = vscode.languages.createDiagnosticCollection('clauseguard');
  private readonly results = new Map<string, Entry>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** Fires after a document's diagnostics were updated (or cleared). */
  readonly onDidCheck = this.changed.event;

  constructor(private services: () => RuleServices) {}

  /** The current result for a document, computing it if the cached one is stale. */
  resultFor(doc: vscode.TextDocument): CheckResult | undefined {
    if (!isContract(doc)) return undefined;
    const key = doc.uri.toString();
    const cached = this.results.get(key);
    if (cached && cached.version === doc.version) return cached.result;
    const settings = readSettings(doc.uri);
    const result = checkDocument(toSourceDocument(doc), { config: settings.check, services: this.services() });
    this.results.set(key, { version: doc.version, result });
    return result;
  }

  findingsAt(doc: vscode.TextDocument, range: vscode.Range): FindingDiagnostic[] {
    return this.diagnostics.get(doc.uri)?.filter((d): d is FindingDiagnostic => d instanceof FindingDiagnostic && d.range.intersection(range) !== undefined) ?? [];
  }

  /** Check now and publish. */
  check(doc: vscode.TextDocument): void {
    this.cancelPending(doc.uri);
    const result = this.resultFor(doc);
    if (!result) {
      this.clear(doc.uri);
      return;
    }
    this.diagnostics.set(doc.uri, result.findings.map((f) => new FindingDiagnostic(f)));
    for (const e of result.ruleErrors) console.error(`[ClauseGuard] rule ${e.rule} failed on ${doc.uri.toString()}: ${e.message}`);
    this.changed.fire(doc.uri);
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
    this.cancelPending(uri);
    this.results.delete(uri.toString());
    this.diagnostics.delete(uri);
    this.changed.fire(uri);
  }

  /** Forget cached results (settings or lists changed) and re-check open contracts. */
  recheckAll(): void {
    this.results.clear();
    for (const doc of vscode.workspace.textDocuments) this.check(doc);
  }

  private cancelPending(uri: vscode.Uri): void {
    const t = this.timers.get(uri.toString());
    if (t) clearTimeout(t);
    this.timers.delete(uri.toString());
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.diagnostics.dispose();
    this.changed.dispose();
  }
}

export function ruleTitle(id: string): string {
  return ruleById(id)?.title ?? id;
}
