import { DEFAULT_CONFIG, resolveSeverity, type CheckConfig } from '../config/checkConfig';
import { chainRules } from '../rules/chain';
import { buildChainGraph } from './graph';
import type { ChainFinding, ChainGraph, ChainRule, ConsentDecision, ContractFacts } from './types';

export interface ChainReviewOptions {
  consents?: readonly ConsentDecision[];
  /** Severity settings by rule id or tag, as for the per-contract rules ('off' skips a rule). */
  config?: CheckConfig;
  rules?: readonly ChainRule[];
}

export interface ChainReview {
  graph: ChainGraph;
  findings: ChainFinding[];
  /** Rules that threw: reported, never fatal. */
  ruleErrors: { rule: string; message: string }[];
}

/** Links the contracts into chains and runs the chain rules over them. Pure: no I/O. */
export function reviewChain(facts: readonly ContractFacts[], options: ChainReviewOptions = {}): ChainReview {
  const config = options.config ?? DEFAULT_CONFIG;
  const graph = buildChainGraph(facts, options.consents);
  const findings: ChainFinding[] = [];
  const ruleErrors: ChainReview['ruleErrors'] = [];
  for (const rule of options.rules ?? chainRules) {
    const setting = resolveSeverity(rule.id, rule.tags, rule.defaultSeverity, config);
    if (setting === 'off') continue;
    const userSet = config.ruleSeverity[rule.id] !== undefined || rule.tags.some((t) => config.ruleSeverity[t] !== undefined);
    try {
      for (const f of rule.check(graph)) findings.push({ ...f, rule: rule.id, severity: userSet ? setting : (f.severity ?? setting) });
    } catch (e) {
      ruleErrors.push({ rule: rule.id, message: e instanceof Error ? e.message : String(e) });
    }
  }
  const order = new Map([...graph.facts.keys()].map((c, i) => [c, i]));
  findings.sort((a, b) => order.get(a.contract)! - order.get(b.contract)! || a.range.start.line - b.range.start.line || a.rule.localeCompare(b.rule));
  return { graph, findings, ruleErrors };
}
