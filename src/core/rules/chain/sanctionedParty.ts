import type { ChainRule, ChainRuleFinding } from '../../chain/types';
import { exampleContract, LISTED_STUDIO, PRIME, SECOND_STUDIO, SECOND_STUDIO_AS_CUSTOMER, STUDIO_AS_CUSTOMER } from './examples';

export const CHAIN_SANCTIONED_PARTY_ID = 'chain-sanctioned-party';

const SUBCONTRACT = exampleContract({ path: 'subcontract.md', customer: STUDIO_AS_CUSTOMER, performer: SECOND_STUDIO });

export const chainSanctionedParty: ChainRule = {
  id: CHAIN_SANCTIONED_PARTY_ID,
  title: 'Sanctioned party down the contract chain',
  description:
    'Reports a party reached through a chain of subcontracts whose name matches a sanctions list entry, with the route from the top of the chain, as an error or a warning as the screening rates the match.',
  rationale:
    'Looked at alone, a work order between two studios says nothing about the producer at the top; in the 2024 animation case the producer’s own contract was sound while the work reached a listed North Korean studio through two tiers of vendors. Dealing with a listed party is prohibited directly or indirectly, so the route from the producer to the party is what the compliance team needs to act on. The finding sits on the contract that engages the party.',
  defaultSeverity: 'error',
  tags: ['chain', 'sanctions', 'screening'],
  examples: [
    {
      title: 'The second studio’s vendor uses a listed alias of SEK Studio',
      contracts: [PRIME, SUBCONTRACT, exampleContract({ path: 'work-order.md', customer: SECOND_STUDIO_AS_CUSTOMER, performer: LISTED_STUDIO })],
      expect: 'fail',
      messageIncludes: 'Northwind Pictures LLC → Golden Lantern Animation Co., Ltd. → Harbour Crane Animation Studio Ltd. → April 26',
    },
    {
      title: 'No party down the chain matches a list',
      contracts: [PRIME, SUBCONTRACT],
      expect: 'pass',
    },
  ],
  check(graph) {
    const out: ChainRuleFinding[] = [];
    for (const link of graph.links) {
      const party = graph.partyById.get(link.performer)!;
      const s = party.screening;
      if (s.severity !== 'error' && s.severity !== 'warning') continue;
      // A contract on its own is already screened (sanctioned-party): the chain adds the route above it.
      if (!link.upstream.length && s.contract === link.contract) continue;
      const path = graph.linkPath(link);
      const top = path[0];
      const facts = graph.facts.get(link.contract)!;
      const at = facts.parties.find((p) => p.key === party.key)?.range ?? facts.anchor;
      const entry = `${s.entity!.primaryName} [${s.entity!.id}${s.entity!.programs.length ? `, program ${s.entity!.programs.join(', ')}` : ''}]`;
      const via = s.listedName && s.listedName.toUpperCase() !== s.entity!.primaryName.toUpperCase() ? ` through the listed name “${s.listedName}”` : '';
      const score = `score ${Math.round((s.score ?? 0) * 100)}/100`;
      out.push({
        contract: link.contract,
        range: at,
        severity: s.severity,
        message:
          s.severity === 'error'
            ? `Work for ${top.name} reaches ${party.name}, which matches the sanctions list entry ${entry}${via} (${score}), along the chain ${path.map((p) => p.name).join(' → ')}. Dealings with a listed party are prohibited, including through subcontractors: stop work and payment under this contract until your compliance team has confirmed whether this is the listed party, and tell ${top.name}.`
            : `Work for ${top.name} reaches ${party.name}, which may be the sanctions list entry ${entry}${via} (${score}), along the chain ${path.map((p) => p.name).join(' → ')}. Verify the party’s identity against the entry before work goes further down the chain, and record the outcome.`,
        data: { party: party.name, entityId: s.entity!.id, path: path.map((p) => p.name) },
      });
    }
    return out;
  },
};
