import type { ContractFormat } from '../document/sourceDocument';
import type { Span } from '../document/positions';
import type { ContractModel } from '../model/types';
import type { FindingMatch, Severity } from '../types';
import type { RuleServices } from './ruleServices';

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
  /** For 'fail': a substring at least one reported message must contain. */
  messageIncludes?: string;
  /**
   * For 'fail': every finding the rule reports on this example, exactly — its range, 1-based as
   * `clauseguard check` prints it ("3:1-3:24"), and the first sentence of its message.
   */
  findings?: ExpectedFinding[];
  /** For 'fail': the exact source text the first finding covers (its range, stated as text). */
  coveredText?: string;
  /** For 'fail': the exact first sentence of the first finding's message. */
  firstSentence?: string;
}

export interface ExpectedFinding {
  range: string;
  firstSentence: string;
}

/** A finding's range as examples state it: 1-based "line:column-line:column". */
export function exampleRange(r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return `${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

/** The first sentence of a message: up to the first full stop that ends a sentence (not "U.S." or "50%"). */
export function firstSentence(message: string): string {
  const m = /^.*?[a-z0-9)”’"][.!?](?=\s+[A-Z“"(]|$)/s.exec(message);
  return m ? m[0] : message;
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
