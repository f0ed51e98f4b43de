import { flowDownGaps, type FlowDownGap } from '../../chain/requirements';
import type { ChainRule, ChainRuleFinding } from '../../chain/types';
import { exampleContract, PRIME, SECOND_STUDIO, STUDIO_AS_CUSTOMER } from './examples';

export const CHAIN_FLOW_DOWN_MISSING_ID = 'chain-flow-down-missing';

export const chainFlowDownMissing: ChainRule = {
  id: CHAIN_FLOW_DOWN_MISSING_ID,
  title: 'Subcontract does not flow down the upstream terms',
  description:
    'Reports a subcontract that lacks what the contract above it requires to reach every tier: the restriction on subcontracting without consent, and the sanctions clause — including a subcontract that lets its own performer subcontract freely when the contract above forbids it.',
  rationale:
    'A restriction that stops at the first tier protects nobody below it: the studio’s own subcontractor can pass the work on again, which is how work in the 2024 animation case reached a sanctioned studio two tiers down. The domain guidance asks for sanctions, personnel, location and audit obligations to be flowed down in writing to every subcontractor, and OFAC’s Framework for Compliance Commitments (2019) warns that contract language alone is not a control. The finding sits on the subcontract, where the missing terms must be added.',
  defaultSeverity: 'warning',
  tags: ['chain', 'subcontracting', 'sanctions'],
  examples: [
    {
      title: 'The subcontract lets the second studio subcontract freely and has no sanctions clause',
      contracts: [PRIME, exampleContract({ path: 'subcontract.md', customer: STUDIO_AS_CUSTOMER, performer: SECOND_STUDIO, subcontracting: 'free', sanctions: false })],
      expect: 'fail',
      messageIncludes: 'subcontract freely',
    },
    {
      title: 'The subcontract repeats the restriction and the sanctions clause',
      contracts: [PRIME, exampleContract({ path: 'subcontract.md', customer: STUDIO_AS_CUSTOMER, performer: SECOND_STUDIO })],
      expect: 'pass',
    },
  ],
  check(graph) {
    const out: ChainRuleFinding[] = [];
    for (const link of graph.links) {
      const found = flowDownGaps(graph, link);
      if (!found.length) continue;
      const facts = graph.facts.get(link.contract)!;
      const performer = graph.partyById.get(link.performer)!;
      const gaps = new Set<FlowDownGap>(found.flatMap((f) => f.gaps));
      const ups = found.map((f) => f.upstream.contract).join(', ');
      const what: string[] = [];
      if (gaps.has('consent-restriction')) {
        what.push(
          facts.subcontracting === 'permitted'
            ? `it lets ${performer.name} subcontract freely, although ${ups} forbids subcontracting without consent`
            : `nothing stops ${performer.name} from subcontracting without consent, although ${ups} forbids it`,
        );
      }
      if (gaps.has('sanctions-clause')) what.push(`it has no sanctions clause, although ${ups} has one`);
      out.push({
        contract: link.contract,
        range: gaps.has('consent-restriction') ? facts.subcontractingRange : facts.sanctionsRange,
        message: `This subcontract does not flow down the terms of the contract above it: ${what.join('; ')}. Add a prior-written-consent restriction at every tier and a sanctions representation and covenant, as in the upstream contract.`,
        data: { upstream: found.map((f) => f.upstream.contract), gaps: [...gaps] },
      });
    }
    return out;
  },
};
