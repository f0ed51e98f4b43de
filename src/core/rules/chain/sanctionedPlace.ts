import type { ChainRule, ChainRuleFinding } from '../../chain/types';
import { exampleContract, LISTED_STUDIO, PRIME, SECOND_STUDIO, STUDIO_AS_CUSTOMER } from './examples';

export const CHAIN_SANCTIONED_PLACE_ID = 'chain-sanctioned-place';

export const chainSanctionedPlace: ChainRule = {
  id: CHAIN_SANCTIONED_PLACE_ID,
  title: 'Work in the chain placed in a sanctioned jurisdiction',
  description:
    'Reports a subcontract that places work from a chain — its performance, a party, delivery or payment — in a comprehensively sanctioned country or region (North Korea, Iran, Cuba, Syria, Crimea and others), with the route from the top of the chain.',
  rationale:
    'For North Korea and the other comprehensively sanctioned places, transactions can be prohibited without any listed party (OFAC FAQs 398–401), and the 2018 North Korea supply-chain advisory warns that work is moved there by suppliers’ subcontractors without the customer knowing. The customer at the top of the chain can only act if it learns where its work ended up. The finding sits on the contract that places the work there.',
  defaultSeverity: 'error',
  tags: ['chain', 'sanctions'],
  examples: [
    {
      title: 'A subcontract moves the work to Pyongyang',
      contracts: [
        PRIME,
        exampleContract({ path: 'subcontract.md', customer: STUDIO_AS_CUSTOMER, performer: SECOND_STUDIO, extra: ['The Subcontractor shall perform the work at its studio in Pyongyang, North Korea.'] }),
      ],
      expect: 'fail',
      messageIncludes: 'North Korea',
    },
    {
      title: 'A single contract naming the place is left to sanctioned-jurisdiction',
      contracts: [exampleContract({ path: 'order.md', customer: ['Harbour Crane Animation Studio Limited', 'Client'], performer: LISTED_STUDIO, extra: ['The Vendor shall perform the work in Pyongyang, North Korea.'] })],
      expect: 'pass',
    },
    {
      title: 'The subcontract keeps the work in Hong Kong',
      contracts: [PRIME, exampleContract({ path: 'subcontract.md', customer: STUDIO_AS_CUSTOMER, performer: SECOND_STUDIO, extra: ['The Subcontractor shall perform the work at its studio in Hong Kong.'] })],
      expect: 'pass',
    },
  ],
  check(graph) {
    const out: ChainRuleFinding[] = [];
    for (const link of graph.links) {
      if (!link.upstream.length) continue;
      const facts = graph.facts.get(link.contract)!;
      const path = graph.linkPath(link);
      for (const place of facts.places) {
        if (place.severity === 'info') continue;
        out.push({
          contract: link.contract,
          range: place.range,
          severity: place.severity,
          message: `This contract places work from the chain ${path.map((p) => p.name).join(' → ')} in ${place.label} (“${place.text}”). Transactions there can be prohibited even when no party is listed: work for ${path[0].name} must not be performed, delivered or paid there — stop it and tell ${path[0].name} and sanctions counsel.`,
          data: { place: place.label, path: path.map((p) => p.name) },
        });
      }
    }
    return out;
  },
};
