import type { SanctionsElement } from './analyse';

/** How each missing part is named in a message. */
export const DESCRIBE_ELEMENT: Record<SanctionsElement, string> = {
  representation: 'a representation that the parties are not sanctioned or listed',
  covenant: 'an ongoing promise to stay compliant for the whole term',
  owners: 'owners of 50% or more (OFAC 50 Percent Rule)',
  personnel: 'the parties’ personnel',
  subcontractors: 'subcontractors',
  jurisdictions: 'location in a sanctioned country or territory',
  notice: 'a duty to notify the other party',
  termination: 'a right to terminate (and suspend payment)',
  'flow-down': 'a flow-down of the clause to subcontractors',
};

export const SANCTIONS_RATIONALE =
  'OFAC’s Framework for Compliance Commitments (2019) lists poor due diligence on ownership and location among the root causes of violations, and the 50 Percent Rule (OFAC FAQs 398–401) blocks entities owned 50% or more by blocked persons even when they are not listed. For North Korea some persons are blocked without any designation, so the place of work matters as much as the name. A clause alone is not a control, but without the representation, notice and termination rights the customer has no contractual way to act when a supplier or its subcontractor turns out to be sanctioned.';
