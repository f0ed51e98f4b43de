import type { Span } from '../../document/positions';
import type { Clause, ContractModel } from '../../model/types';
import { clauseLabel } from './anchor';
import type { ClauseFixData } from './clauseFix';

/** "Section 7.1 “Assignment”" for the clause a sentence sits in; "A clause" when it has none. */
export function sectionOf(model: ContractModel, clauseId: string | undefined): string {
  const c = clauseId ? model.clauseById(clauseId) : undefined;
  return c ? clauseLabel(c, model) : 'A clause';
}

/**
 * Where the quick fix puts the new clause, in the words of the message: "as Section 7.4, after Section 7.3
 * “Notices”". Read from the same insertion plan the fix uses, so the two never disagree.
 */
export function insertionPlace(model: ContractModel, fix: ClauseFixData): string {
  const plan = fix.insertion;
  const after = plan.afterClauseId ? model.clauseById(plan.afterClauseId) : undefined;
  const afterLabel = after ? clauseLabel(after, model) : undefined;
  const as = plan.number ? (/^\d/.test(plan.number) ? `as Section ${plan.number}` : `as clause (${plan.number})`) : '';
  if (plan.where === 'paragraph' && afterLabel) return `at the end of ${afterLabel}`;
  if (afterLabel) return [as, `after ${afterLabel}`].filter(Boolean).join(', ');
  if (plan.where === 'end') return 'at the end of the contract';
  return as || 'at the end of the contract';
}

/** The heading a "missing clause" finding sits on: the section the fix goes into, else the clause it follows. */
export function insertionSpan(model: ContractModel, anchor: Clause | undefined, fix: ClauseFixData, fallback: Span): Span {
  if (anchor) return anchor.headingSpan;
  const after = fix.insertion.afterClauseId ? model.clauseById(fix.insertion.afterClauseId) : undefined;
  return after ? after.headingSpan : fallback;
}
