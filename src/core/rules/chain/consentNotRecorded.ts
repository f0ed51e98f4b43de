import { consentEvidence, requiresConsent } from '../../chain/requirements';
import type { ChainRule, ChainRuleFinding } from '../../chain/types';
import { exampleContract, PRIME, PRODUCER, SECOND_STUDIO, STUDIO_AS_CUSTOMER } from './examples';

export const CHAIN_CONSENT_NOT_RECORDED_ID = 'chain-consent-not-recorded';

export const chainConsentNotRecorded: ChainRule = {
  id: CHAIN_CONSENT_NOT_RECORDED_ID,
  title: 'Subcontract without recorded consent',
  description:
    'Reports a subcontract in the workspace made by a party whose own contract forbids subcontracting without its customer’s consent, when no consent is recorded: no consent letter or clause naming the subcontractor, and no reviewer decision “consent given” with a reason.',
  rationale:
    'In the 2024 animation case the producer’s contract required express prior written consent, and the work still went down a chain of studios to a sanctioned North Korean studio. A consent clause is only a control when someone checks that each subcontract actually had the consent it needed; the 2018 North Korea supply-chain advisory names sub-contracting without telling the customer as its first risk indicator. The finding sits on the subcontract, where the missing consent has to be obtained and filed.',
  defaultSeverity: 'error',
  tags: ['chain', 'subcontracting'],
  examples: [
    {
      title: 'A studio bound to ask for consent subcontracts, and nobody recorded consent',
      contracts: [PRIME, exampleContract({ path: 'subcontract.md', customer: STUDIO_AS_CUSTOMER, performer: SECOND_STUDIO })],
      expect: 'fail',
      messageIncludes: 'Northwind Pictures LLC',
    },
    {
      title: 'The producer’s consent letter names the subcontractor',
      contracts: [
        PRIME,
        exampleContract({ path: 'subcontract.md', customer: STUDIO_AS_CUSTOMER, performer: SECOND_STUDIO }),
        {
          path: 'consent-letter.md',
          format: 'markdown',
          text: '# Consent to Subcontract\n\nNorthwind Pictures LLC hereby consents to Golden Lantern Animation Co., Ltd. engaging Harbour Crane Animation Studio Ltd. to produce in-between drawings for the Series.\n',
        },
      ],
      expect: 'pass',
    },
    {
      title: 'A reviewer recorded “consent given” with a reason',
      contracts: [PRIME, exampleContract({ path: 'subcontract.md', customer: STUDIO_AS_CUSTOMER, performer: SECOND_STUDIO })],
      consents: [{ contract: 'subcontract.md', subcontractor: 'Harbour Crane Animation Studio Limited', verdict: 'consent-given', reason: 'Producer’s email of 2 March 2025, filed in the deal folder' }],
      expect: 'pass',
    },
    {
      title: 'The upstream contract allows subcontracting',
      contracts: [
        exampleContract({ path: 'prime.md', customer: PRODUCER, performer: ['Golden Lantern Animation Co., Ltd.', 'Studio'], subcontracting: 'free' }),
        exampleContract({ path: 'subcontract.md', customer: STUDIO_AS_CUSTOMER, performer: SECOND_STUDIO }),
      ],
      expect: 'pass',
    },
  ],
  check(graph) {
    const out: ChainRuleFinding[] = [];
    for (const sub of graph.links) {
      for (const up of sub.upstream) {
        const upLink = graph.linkByContract.get(up)!;
        const upFacts = graph.facts.get(up)!;
        // Work handed back to the customer whose consent would be needed is not a subcontract of its work.
        if (!requiresConsent(upFacts) || sub.performer === upLink.customer) continue;
        if (consentEvidence(graph, upLink, sub)) continue;
        const giver = graph.partyById.get(upLink.customer)!;
        const studio = graph.partyById.get(sub.customer)!;
        const subcontractor = graph.partyById.get(sub.performer)!;
        const facts = graph.facts.get(sub.contract)!;
        const at = facts.parties.find((p) => p.key === subcontractor.key)?.range ?? facts.anchor;
        out.push({
          contract: sub.contract,
          range: at,
          message: `Under ${up} (line ${upFacts.subcontractingRange.start.line + 1}), ${studio.name} may not subcontract without the prior written consent of ${giver.name}, but this contract passes the work to ${subcontractor.name} and no consent is recorded. Obtain ${giver.name}’s written consent naming ${subcontractor.name} and keep it with the contracts, or record the reviewer’s decision “consent given” with its reason.`,
          data: { upstream: up, customer: giver.name, subcontractor: subcontractor.name },
        });
      }
    }
    return out;
  },
};
