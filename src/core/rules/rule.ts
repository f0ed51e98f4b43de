import type { ContractFormat } from '../document/sourceDocument';
import type { Span } from '../document/positions';
import type { ContractModel } from '../model/types';
import type { FindingMatch, Severity } from '../types';
import type { RuleServices } from './services';

/**
 * An example in a rule's metadata. Examples are the rule's tests (test/unit/rules/examples.test.ts
 * runs every one) and the source of its page in docs/rules/ (scripts/gen-rule-docs.mjs).
 */
export interface RuleExample {
  title: string;
  format: ContractFormat;
  text: string;
  /** 'fail' = the rule must report at least one finding; 'pass' = none. */
  expect: 'pass' | 'fail';
  /** For 'fail': a substring every reported message must contain… at least one must. */
  messageIncludes?: string;
  /** For 'fail': the exact source text the (first) finding covers — its range, stated as text. */
  coveredText?: string;
  /** For 'fail': the exact first sentence of the (first) finding's message. */
  firstSentence?: string;
}

/** What a rule reports; the engine adds severity, range and covered text. */
export interface RuleFinding {
  span: Span;
  message: string;
  /** Overrides the rule's default severity for this finding (e.g. by score band); a user setting still wins. */
  severity?: Severity;
  match?: FindingMatch;
  data?: Record<string, unknown>;
}

export interface RuleContext {
  model: ContractModel;
  services: RuleServices;
}

export interface Rule {
  /** Stable id, used in settings, inline disable comments, reports and the CLI. */
  id: string;
  title: string;
  /** One sentence in plain legal English: what the rule checks. */
  description: string;
  /** Why it matters: the guidance behind it. */
  rationale: string;
  defaultSeverity: Severity;
  tags: string[];
  examples: RuleExample[];
  check(context: RuleContext): RuleFinding[];
}
