import type { SourceDocument } from '../document/sourceDocument';
import { buildContractModel } from '../model/buildModel';
import type { ContractModel } from '../model/types';
import { allRules } from '../rules/registry';
import type { Rule } from '../rules/rule';
import type { RuleServices } from '../rules/ruleServices';
import { DEFAULT_CONFIG, resolveSeverity, type CheckConfig } from '../config/checkConfig';
import type { Finding } from '../types';
import { applyInlineSuppressions, type DirectiveProblem, type SuppressedFinding } from './inlineDirectives';

export interface CheckOptions {
  config?: CheckConfig;
  services?: RuleServices;
  rules?: readonly Rule[];
  /** Reuse a model already built for this document version. */
  model?: ContractModel;
}

export interface CheckResult {
  model: ContractModel;
  findings: Finding[];
  /** Findings switched off by inline comments (src/core/suppressions.ts): never dropped, listed in reports. */
  suppressed: SuppressedFinding[];
  /** Inline comments that cannot work as written (unknown rule name, stray enable…). */
  directiveProblems: DirectiveProblem[];
  /** Rules that threw: reported, never fatal, so one bad rule cannot hide the others. */
  ruleErrors: { rule: string; message: string }[];
  timings: { parseMs: number; rulesMs: number };
}

const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());

/** Parse a document and run every enabled rule over it. Pure: no I/O. */
export function checkDocument(doc: SourceDocument, options: CheckOptions = {}): CheckResult {
  const config = options.config ?? DEFAULT_CONFIG;
  const services: RuleServices = { screeningBands: config.screeningBands, ...options.services };
  const t0 = now();
  const model = options.model ?? buildContractModel(doc);
  const t1 = now();
  const findings: Finding[] = [];
  const ruleErrors: CheckResult['ruleErrors'] = [];
  for (const rule of options.rules ?? allRules) {
    const severity = resolveSeverity(rule.id, rule.tags, rule.defaultSeverity, config);
    if (severity === 'off') continue;
    const userSet = config.ruleSeverity[rule.id] !== undefined || rule.tags.some((t) => config.ruleSeverity[t] !== undefined);
    try {
      for (const f of rule.check({ model, services })) {
        const span = clampSpan(f.span, doc.text.length);
        findings.push({
          rule: rule.id,
          severity: userSet ? severity : (f.severity ?? severity),
          message: f.message,
          text: doc.text.slice(span.start, span.end),
          range: doc.lines.rangeOf(span),
          span,
          ...(f.match ? { match: f.match } : {}),
          ...(f.data ? { data: f.data } : {}),
        });
      }
    } catch (e) {
      ruleErrors.push({ rule: rule.id, message: e instanceof Error ? e.message : String(e) });
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.rule.localeCompare(b.rule));
  const rules = options.rules ?? allRules;
  const inline = applyInlineSuppressions(doc, findings, (id) => rules.find((r) => r.id === id)?.tags ?? [], (name) => rules.some((r) => r.id === name || r.tags.includes(name)));
  return { model, findings: inline.findings, suppressed: inline.suppressed, directiveProblems: inline.problems, ruleErrors, timings: { parseMs: t1 - t0, rulesMs: now() - t1 } };
}

function clampSpan(span: { start: number; end: number }, length: number) {
  const start = Math.max(0, Math.min(span.start, length));
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}
