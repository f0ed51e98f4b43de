import type { RuleExample } from '../rule';

const FULL =
  'Each party represents and warrants that neither it, nor its directors, officers, employees or subcontractors, nor any person owning 50% or more of it, is listed on any sanctions list or located in a sanctioned country or territory. Each party shall keep this statement true throughout the term. Each party shall notify the other in writing within five days if it becomes untrue, and the other party may then terminate this Agreement immediately.';

export const SANCTIONS_EXAMPLES: RuleExample[] = [
  {
    title: 'Representation, covenant, owners, personnel, subcontractors, notice and termination',
    format: 'markdown',
    expect: 'pass',
    text: '# Services Agreement\n\n## 1. Services\n\nThe Supplier shall provide the Services.\n\n## 2. Sanctions\n\n' + FULL + '\n',
  },
  {
    title: 'Same clause in plain text with ALL-CAPS heading',
    format: 'plaintext',
    expect: 'pass',
    text: 'SERVICES AGREEMENT\n\n1. SERVICES. The Supplier shall provide the Services.\n\n2. SANCTIONS. ' + FULL + '\n',
  },
  {
    title: 'No sanctions clause at all',
    format: 'plaintext',
    expect: 'fail',
    text: 'SERVICES AGREEMENT\n\n1. Services. The Supplier shall provide the Services.\n\n2. Payment. The Customer shall pay within 30 days.\n',
    messageIncludes: 'no sanctions clause',
  },
  {
    title: 'Compliance promise only: no representation, owners, notice or termination',
    format: 'markdown',
    expect: 'fail',
    text: '# Services Agreement\n\n## 1. Services\n\nThe Supplier shall provide the Services.\n\n## 2. Compliance\n\nThe Supplier shall comply with all applicable export control and sanctions laws.\n',
    messageIncludes: 'owners of 50% or more',
  },
];
