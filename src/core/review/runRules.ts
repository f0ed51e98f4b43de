import type { CheckConfig } from '../config/checkConfig';
import { resolveSeverity } from '../config/checkConfig';
import type { SourceDocument } from '../document/sourceDocument';
import type { ContractModel } from '../model/types';
import type { Rule } from '../rules/rule';
import type { RuleServices } from '../rules/ruleServices';
import type { Finding } from '../types';
import type { RuleError } from './types';

/**
 * Stage 1 of the review: every enabled rule over the model, at the severity the configuration gives
 * (a rule's own per-finding severity, such as a score band, unless the user set the rule's severity).
 * A rule that throws is reported, never fatal, so one bad rule cannot hide the others.
 */
export function runRules(doc: SourceDocument, model: ContractModel, rules: readonly Rule[], config: CheckConfig, services: RuleServices): { findings: Finding[]; ruleErrors: RuleError[] } {
  const findings: Finding[] = [];
  const ruleErrors: RuleError[] = [];
  for (const rule of rules) {
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
  return { findings, ruleErrors };
}

function clampSpan(span: { start: number; end: number }, length: number) {
  const start = Math.max(0, Math.min(span.start, length));
  return { start, end: Math.max(start, Math.min(span.end, length)) };
}
