/** The contract chain (issue 17): parties linked across a workspace's contracts, and the chain rules. */
export { contractFacts, contractFactsFromText, type CheckedForChain } from './facts';
export { CONSENTS_PATH, parseConsentsFile, withConsent } from './consents';
export { reviewChain, type ChainReview, type ChainReviewOptions } from './review';
export { chainJson, chainText, chainMermaid, chainDot } from './format';
export { partyKey } from './partyKey';
export type * from './types';
