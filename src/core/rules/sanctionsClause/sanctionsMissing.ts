import type { Rule } from '../rule';
import { GENERAL_TITLES, SANCTIONS_TITLES, findAnchor } from '../support/anchor';
import { clauseFix, partyData } from '../support/clauseFix';
import { performerOf } from '../support/performer';
import { insertionPlace, insertionSpan } from '../support/sections';
import { analyseSanctions } from './analyse';
import { SANCTIONS_RATIONALE } from './describe';
import { SANCTIONS_MISSING_EXAMPLES } from './examples';

export const SANCTIONS_MISSING_ID = 'sanctions-clause-missing';

export const sanctionsClauseMissing: Rule = {
  id: SANCTIONS_MISSING_ID,
  title: 'No sanctions clause',
  description:
    'Reports a contract with no sanctions or export-control clause at all: no representation or covenant that the parties, their owners of 50% or more, their personnel and subcontractors are not sanctioned or located in sanctioned jurisdictions. An incomplete clause is reported by `sanctions-clause-weak` instead.',
  rationale: SANCTIONS_RATIONALE,
  defaultSeverity: 'warning',
  tags: ['sanctions'],
  examples: SANCTIONS_MISSING_EXAMPLES,
  check({ model }) {
    const s = analyseSanctions(model);
    if (s.sentences.length > 0) return [];
    const perf = performerOf(model);
    const anchor = findAnchor(model, [...SANCTIONS_TITLES, ...GENERAL_TITLES]);
    const fix = clauseFix(model, ['sanctions-representation-covenant'], anchor.clause, perf);
    return [
      {
        span: insertionSpan(model, anchor.clause, fix, anchor.span),
        message: `The contract has no sanctions clause: no party represents that it, its owners of 50% or more, its personnel and subcontractors are not sanctioned or located in a sanctioned country, and there is no right to be notified or to terminate. Add a sanctions representation and covenant ${insertionPlace(model, fix)}.`,
        data: { ...partyData(perf), missing: s.missing, fix },
      },
    ];
  },
};
