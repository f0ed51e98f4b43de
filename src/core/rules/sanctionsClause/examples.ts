import type { RuleExample } from '../rule';

const FULL =
  'Each party represents and warrants that neither it, nor its directors, officers, employees or subcontractors, nor any person owning 50% or more of it, is listed on any sanctions list or located in a sanctioned country or territory. Each party shall keep this statement true throughout the term and shall require its subcontractors to comply with this clause. Each party shall notify the other in writing within five days if it becomes untrue, and the other party may then terminate this Agreement immediately.';

const SERVICES_MD = '# Services Agreement\n\n## 1. Services\n\nThe Supplier shall provide the Services.\n\n';
const SERVICES_TXT = 'SERVICES AGREEMENT\n\n1. SERVICES. The Supplier shall provide the Services.\n\n';

export const SANCTIONS_MISSING_EXAMPLES: RuleExample[] = [
  {
    title: 'Full representation, covenant, notice, termination and flow-down',
    format: 'markdown',
    expect: 'pass',
    text: SERVICES_MD + '## 2. Sanctions\n\n' + FULL + '\n',
  },
  {
    title: 'An export-control covenant is a sanctions clause (incomplete: `sanctions-clause-weak`)',
    format: 'plaintext',
    expect: 'pass',
    text: SERVICES_TXT + '2. EXPORT. The Customer shall not export or re-export the Software to any embargoed country or to any person on the Denied Persons List.\n',
  },
  {
    title: 'No sanctions clause at all',
    findings: [{ range: '5:1-5:12', firstSentence: 'The contract has no sanctions clause: no party represents that it, its owners of 50% or more, its personnel and subcontractors are not sanctioned or located in a sanctioned country, and there is no right to be notified or to terminate.' }],
    format: 'plaintext',
    expect: 'fail',
    text: 'SERVICES AGREEMENT\n\n1. Services. The Supplier shall provide the Services.\n\n2. Payment. The Customer shall pay within 30 days.\n',
    coveredText: '2. Payment.',
    firstSentence:
      'The contract has no sanctions clause: no party represents that it, its owners of 50% or more, its personnel and subcontractors are not sanctioned or located in a sanctioned country, and there is no right to be notified or to terminate.',
    messageIncludes: 'Add a sanctions representation and covenant as Section 3, after Section 2 “Payment”.',
  },
  {
    title: 'Penalties and embargoes in force majeure are not sanctions clauses',
    findings: [{ range: '11:1-11:14', firstSentence: 'The contract has no sanctions clause: no party represents that it, its owners of 50% or more, its personnel and subcontractors are not sanctioned or located in a sanctioned country, and there is no right to be notified or to terminate.' }],
    format: 'markdown',
    expect: 'fail',
    text: SERVICES_MD + '## 2. Force Majeure\n\nNeither party is liable for delay caused by war, embargoes or acts of God.\n\n## 3. General\n\nLate delivery may lead to disciplinary sanctions against the Supplier’s staff.\n',
    coveredText: '## 3. General',
    firstSentence:
      'The contract has no sanctions clause: no party represents that it, its owners of 50% or more, its personnel and subcontractors are not sanctioned or located in a sanctioned country, and there is no right to be notified or to terminate.',
  },
];

export const SANCTIONS_WEAK_EXAMPLES: RuleExample[] = [
  {
    title: 'Representation, covenant, owners, personnel, subcontractors, notice, termination and flow-down',
    format: 'markdown',
    expect: 'pass',
    text: SERVICES_MD + '## 2. Sanctions\n\n' + FULL + '\n',
  },
  {
    title: 'Same clause in plain text with ALL-CAPS heading',
    format: 'plaintext',
    expect: 'pass',
    text: SERVICES_TXT + '2. SANCTIONS. ' + FULL + '\n',
  },
  {
    title: 'Compliance promise only: no representation, owners, notice or termination',
    findings: [{ range: '9:1-9:81', firstSentence: 'Section 2 “Compliance” deals with sanctions or export controls but does not cover a representation that the parties are not sanctioned or listed; owners of 50% or more (OFAC 50 Percent Rule); the parties’ personnel; subcontractors; location in a sanctioned country or territory; a duty to notify the other party; a right to terminate (and suspend payment); a flow-down of the clause to subcontractors.' }],
    format: 'markdown',
    expect: 'fail',
    text: SERVICES_MD + '## 2. Compliance\n\nThe Supplier shall comply with all applicable export control and sanctions laws.\n',
    coveredText: 'The Supplier shall comply with all applicable export control and sanctions laws.',
    firstSentence:
      'Section 2 “Compliance” deals with sanctions or export controls but does not cover a representation that the parties are not sanctioned or listed; owners of 50% or more (OFAC 50 Percent Rule); the parties’ personnel; subcontractors; location in a sanctioned country or territory; a duty to notify the other party; a right to terminate (and suspend payment); a flow-down of the clause to subcontractors.',
  },
  {
    title: 'Mutual restricted-party representation without owners, notice or termination (plain text)',
    findings: [{ range: '5:23-5:222', firstSentence: 'Section 2 “EXPORT COMPLIANCE” deals with sanctions or export controls but does not cover owners of 50% or more (OFAC 50 Percent Rule); the parties’ personnel; subcontractors; a duty to notify the other party; a right to terminate (and suspend payment); a flow-down of the clause to subcontractors.' }],
    format: 'plaintext',
    expect: 'fail',
    text:
      SERVICES_TXT +
      '2. EXPORT COMPLIANCE. Each party represents that it is not named on any U.S. government restricted party list and is not located in an embargoed country, and each party shall comply with all export control and trade laws.\n',
    coveredText:
      'Each party represents that it is not named on any U.S. government restricted party list and is not located in an embargoed country, and each party shall comply with all export control and trade laws.',
    firstSentence:
      'Section 2 “EXPORT COMPLIANCE” deals with sanctions or export controls but does not cover owners of 50% or more (OFAC 50 Percent Rule); the parties’ personnel; subcontractors; a duty to notify the other party; a right to terminate (and suspend payment); a flow-down of the clause to subcontractors.',
  },
];
