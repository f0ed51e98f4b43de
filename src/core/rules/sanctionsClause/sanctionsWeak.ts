import type { Rule } from '../rule';
import { clauseLabel } from '../support/anchor';
import { clauseFix, partyData } from '../support/clauseFix';
import { capitalise } from '../support/partyForms';
import { performerOf } from '../support/performer';
import { analyseSanctions } from './analyse';
import { DESCRIBE_ELEMENT, SANCTIONS_RATIONALE } from './describe';
import { SANCTIONS_WEAK_EXAMPLES } from './examples';

export const SANCTIONS_WEAK_ID = 'sanctions-clause-weak';

export const sanctionsClauseWeak: Rule = {
  id: SANCTIONS_WEAK_ID,
  title: 'Incomplete sanctions clause',
  description:
    'Reports a sanctions or export-control clause that lacks some of what a reviewing lawyer expects: a representation and ongoing covenant covering owners of 50% or more, personnel, subcontractors and sanctioned countries, a duty to notify, a right to terminate, and a flow-down to subcontractors. The message names exactly what is missing.',
  rationale: `${SANCTIONS_RATIONALE} Most real clauses are export-control covenants or one-sided user representations: they are worth having, so this is information by default, not a warning.`,
  defaultSeverity: 'info',
  tags: ['sanctions'],
  examples: SANCTIONS_WEAK_EXAMPLES,
  check({ model }) {
    const s = analyseSanctions(model);
    if (!s.first || s.missing.length === 0) return [];
    const perf = performerOf(model);
    const clause = s.first.clauseId ? model.clauseById(s.first.clauseId) : undefined;
    const where = clause ? capitalise(clauseLabel(clause, model)) : 'The sanctions clause';
    return [
      {
        span: s.first.span,
        message: `${where} deals with sanctions or export controls but does not cover ${s.missing.map((m) => DESCRIBE_ELEMENT[m]).join('; ')}. Add the missing terms or replace it with a full sanctions representation and covenant.`,
        data: {
          ...partyData(perf),
          missing: s.missing,
          present: s.present,
          mutual: s.mutual,
          decidingSentence: s.first.text,
          decidingSpan: s.first.span,
          fix: clauseFix(model, ['sanctions-representation-covenant'], clause, perf),
        },
      },
    ];
  },
};
