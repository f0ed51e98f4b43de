import type { Rule } from '../rule';
import { ASSIGNMENT_TITLES, GENERAL_TITLES, findAnchor } from '../support/anchor';
import { analyseSubcontracting } from './analyse';
import { clauseFix, partyData } from '../support/clauseFix';
import { capitalise, partyForms } from '../support/partyForms';
import { insertionPlace, insertionSpan, sectionOf } from '../support/sections';
import { SUBCONTRACTING_MISSING_EXAMPLES } from './examples';

export const SUBCONTRACTING_MISSING_ID = 'subcontracting-consent-missing';

export const subcontractingConsentMissing: Rule = {
  id: SUBCONTRACTING_MISSING_ID,
  title: 'No subcontracting-consent clause',
  description:
    'Reports a contract in which nothing stops the party performing the work from subcontracting, delegating or outsourcing it, or otherwise having a third party perform it, without the other party’s consent.',
  rationale:
    'Without such a clause a supplier may pass the work down a chain of subcontractors the customer never vetted — the route by which work for a US producer reached a sanctioned North Korean studio in 2024. The 2018 North Korea supply-chain advisory names sub-contracting to North Korean factories without telling the customer as its first risk indicator. A restriction that binds only the customer, a bar on assigning "this Agreement" or "rights" alone, and wording such as "may subcontract without consent" or "nothing prevents" do not count. A bar on assigning or transferring *obligations* does count here (it stops the duty to perform moving to someone else), but `subcontracting-consent-weak` then reports that subcontracting itself is not addressed.',
  defaultSeverity: 'error',
  tags: ['subcontracting'],
  examples: SUBCONTRACTING_MISSING_EXAMPLES,
  check({ model }) {
    const a = analyseSubcontracting(model);
    if (a.restrictions.length > 0) return [];
    const anchor = findAnchor(model, [...ASSIGNMENT_TITLES, ...GENERAL_TITLES]);
    const perf = partyForms(a.performer.performer, 'the party performing the work');
    const other = partyForms(a.performer.counterparty, 'the other party');
    const notes: string[] = [];
    const permission = a.hits.find((h) => h.kind !== 'restriction' && h.bound !== 'counterparty');
    const otherOnly = a.hits.find((h) => h.kind === 'restriction' && h.bound === 'counterparty');
    if (permission) {
      const where = capitalise(sectionOf(model, permission.sentence.clauseId));
      notes.push(permission.kind === 'notice-only' ? `${where} only requires notice before subcontracting, not consent.` : `${where} lets ${perf.object} subcontract without consent.`);
    } else if (otherOnly) {
      notes.push(`The restriction in ${sectionOf(model, otherOnly.sentence.clauseId)} binds ${other.object} only.`);
    }
    const deciding = permission ?? otherOnly;
    const fix = clauseFix(model, ['subcontracting-consent-strict', 'subcontracting-approved-schedule'], anchor.clause, a.performer);
    // A permission decides the finding, so it sits there; otherwise where the quick fix inserts the clause.
    const span = permission ? permission.sentence.span : insertionSpan(model, anchor.clause, fix, anchor.span);
    return [
      {
        span,
        message: `No clause stops ${perf.object} from subcontracting, delegating or outsourcing the work without ${other.possessive} prior written consent. ${notes.join(' ')}${notes.length ? ' ' : ''}Add a subcontracting-consent clause ${insertionPlace(model, fix)}.`,
        data: {
          ...partyData(a.performer),
          anchor: anchor.clause ? anchor.clause.id : 'title',
          ...(deciding ? { decidingSentence: deciding.sentence.text, decidingSpan: deciding.sentence.span } : {}),
          fix,
        },
      },
    ];
  },
};
