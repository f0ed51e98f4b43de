import { contractFacts, reviewChain, type ChainReview, type ConsentDecision } from '../../../src/core/chain';
import type { ChainExampleContract, ContractFacts } from '../../../src/core/chain/types';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { checkDocument } from '../../../src/core/index';
import { loadTestScreener } from '../helpers/screener';

/** Checks each contract with every rule and the bundled lists, as the CLI does, and takes its facts. */
export function factsOf(contracts: readonly ChainExampleContract[]): ContractFacts[] {
  const services = { screener: loadTestScreener() };
  return contracts.map((c) => contractFacts(c.path, checkDocument(createSourceDocument(c.path, c.text, c.format), { services })));
}

export function review(contracts: readonly ChainExampleContract[], consents: ConsentDecision[] = []): ChainReview {
  return reviewChain(factsOf(contracts), { consents });
}

/** Findings of one rule, as "contract: message" lines for assertion messages. */
export function findingsOf(r: ChainReview, rule: string) {
  return r.findings.filter((f) => f.rule === rule);
}
