import type { Rule } from '../rule';
import { GENERAL_TITLES, SANCTIONS_TITLES, clauseLabel, findAnchor } from '../support/anchor';
import { analyseSubcontracting } from '../subcontracting/analyse';
import { clauseFix, partyData } from '../subcontracting/fix';
import { analyseSanctions, type SanctionsElement } from './analyse';
import { SANCTIONS_EXAMPLES } from './examples';

export const SANCTIONS_MISSING_ID = 'sanctions-clause-missing';

const DESCRIBE: Record<SanctionsElement, string> = {
  representation: 'a representation that the parties are not sanctioned',
  covenant: 'an ongoing promise to stay compliant for the whole term',
  owners: 'owners of 50% or more (OFAC 50 Percent Rule)',
  personnel: 'the parties’ personnel',
  subcontractors: 'subcontractors',
  jurisdictions: 'location in a sanctioned country or territory',
  notice: 'a duty to notify the other party',
  termination: 'a right to terminate (and suspend payment)',
};

export const sanctionsClauseMissing: Rule = {
  id: SANCTIONS_MISSING_ID,
  title: 'No complete sanctions clause',
  description:
    'Reports a contract without a representation and ongoing covenant that the parties, their owners of 50% or more, their personnel and subcontractors are not sanctioned and not located in sanctioned jurisdictions, with notice and termination rights — or a sanctions clause that lacks some of these parts.',
  rationale:
    'OFAC’s Framework for Compliance Commitments (2019) lists poor due diligence on ownership and location among the root causes of violations, and the 50 Percent Rule (OFAC FAQs 398–401) blocks entities owned 50% or more by blocked persons even when they are not listed. For North Korea some persons are blocked without any designation, so the place of work matters as much as the name. A clause alone is not a control, but without the representation, notice and termination rights the customer has no contractual way to act when a supplier or its subcontractor turns out to be sanctioned.',
  defaultSeverity: 'warning',
  tags: ['sanctions'],
  examples: SANCTIONS_EXAMPLES,
  check({ model }) {
    const s = analyseSanctions(model);
    if (s.sentences.length && s.missing.length === 0) return [];
    const perf = analyseSubcontracting(model).performer;
    if (s.sentences.length === 0) {
      const anchor = findAnchor(model, [...SANCTIONS_TITLES, ...GENERAL_TITLES]);
      return [
        {
          span: anchor.span,
          message:
            'The contract has no sanctions clause: no party represents that it, its owners of 50% or more, its personnel and subcontractors are not sanctioned or located in a sanctioned country, and there is no right to be notified or to terminate. Add a sanctions representation and covenant.',
          data: {
            ...partyData(perf),
            missing: s.missing,
            fix: clauseFix(model, ['sanctions-representation-covenant'], anchor.clause, perf),
          },
        },
      ];
    }
    const first = s.first ?? s.sentences[0];
    const clause = first.clauseId ? model.clauseById(first.clauseId) : undefined;
    const where = clause ? clauseLabel(clause, model) : 'The sanctions clause';
    return [
      {
        span: first.span,
        message: `${where} deals with sanctions but does not cover ${s.missing.map((m) => DESCRIBE[m]).join('; ')}. Add the missing terms or replace it with a full sanctions representation and covenant.`,
        data: {
          ...partyData(perf),
          missing: s.missing,
          decidingSentence: first.text,
          fix: clauseFix(model, ['sanctions-representation-covenant'], clause, perf),
        },
      },
    ];
  },
};
