import type { Range } from '../document/positions';
import type { ContractFormat } from '../document/sourceDocument';
import type { Severity } from '../types';

/**
 * What the chain needs to know about one contract. Plain JSON data, made by contractFacts() (facts.ts)
 * from a check result and its model, so the chain never re-analyses a contract and can cross threads.
 */
export interface ContractFacts {
  /** The contract as the caller names it (the path given on the command line, or the workspace path). */
  contract: string;
  title?: string;
  /** Where findings go when nothing more precise applies: the title, else the start. */
  anchor: Range;
  parties: FactParty[];
  /** What the contract says about its performer subcontracting. */
  subcontracting: SubcontractingStatus;
  /** The clause that decides it (or where a clause belongs). */
  subcontractingRange: Range;
  /** A clause requiring the performer to flow its obligations down to subcontractors in writing. */
  flowDownClause: boolean;
  sanctionsClause: 'complete' | 'partial' | 'missing';
  sanctionsRange: Range;
  /** Names the screening matched in this contract (sanctioned-party findings). */
  screened: ScreenedName[];
  /** Sanctioned places the contract puts work, a party, delivery or payment in (sanctioned-jurisdiction findings). */
  places: SanctionedPlace[];
  /** Names of upstream parties or contracts ("under its subcontract with …", "… that Contractor produces for …"). */
  upstream: UpstreamMention[];
  /** Sentences that give or record consent to a subcontractor ("X hereby consents to …", "Approved subcontractors: …"). */
  consents: ConsentSentence[];
}

export type SubcontractingStatus = 'consent-required' | 'weak' | 'missing' | 'permitted';
export type PartySide = 'customer' | 'performer' | 'other';

export interface FactParty {
  name: string;
  /** The name folded as the screening folds names, legal forms off: the link between contracts. */
  key: string;
  /** Its legal form as canonical words ("co ltd"), "" when none: names of one key but different forms are different parties. */
  form: string;
  /** Its defined role in this contract ("Studio", "Contractor"). */
  role?: string;
  side: PartySide;
  range: Range;
}

export interface ScreenedName {
  text: string;
  key: string;
  severity: Severity;
  score: number;
  entity: { id: string; list: string; primaryName: string; type: string; programs: string[] };
  /** The listed name or alias that matched. */
  listedName: string;
  range: Range;
}

export interface SanctionedPlace {
  text: string;
  label: string;
  severity: Severity;
  range: Range;
}

export interface UpstreamMention {
  /** The words after "with" / "for", as written; the chain matches its longest leading run to a party. */
  words: string[];
  range: Range;
}

export interface ConsentSentence {
  text: string;
  /** The sentence folded like names, with spaces around every word, to find a party key in it. */
  folded: string;
  range: Range;
}

/** A reviewer's record that consent to a subcontract was given (`.clauseguard/consents.json`). */
export interface ConsentDecision {
  /** The subcontract, as the chain names contracts (workspace-relative path, forward slashes). */
  contract: string;
  /** The subcontractor the consent covers (any spelling the screening folds to the same name). */
  subcontractor: string;
  verdict: 'consent-given';
  /** Required: a decision without a reason does not count. */
  reason: string;
  reviewer?: string;
  date?: string;
}

// ---------------------------------------------------------------------------------------------
// The chain: parties linked across contracts.
// ---------------------------------------------------------------------------------------------

export interface ChainParty {
  /** "p1", "p2"… in order of first appearance; stable for one input. */
  id: string;
  /** The name as first written. */
  name: string;
  key: string;
  /** The legal forms its names are written with (compatible with each other). */
  forms: string[];
  /** Every spelling used, in order of appearance. */
  names: string[];
  /** Contracts it is a party to, in input order. */
  contracts: string[];
  /** Its role in each contract. */
  roles: { contract: string; role?: string; side: PartySide }[];
  /** 0 = top of a chain (a customer nobody supplies); undefined when not in any link. */
  tier?: number;
  screening: PartyScreening;
}

export interface PartyScreening {
  severity: Severity | 'none';
  entity: ScreenedName['entity'] | null;
  score?: number;
  listedName?: string;
  /** Where the match was found. */
  contract?: string;
  range?: Range;
}

/** One contract as an edge: customer → performer. */
export interface ChainLink {
  contract: string;
  customer: string;
  performer: string;
  subcontracting: SubcontractingStatus;
  /** False when the contract lacks something an upstream contract requires to flow down. */
  flowDown: boolean;
  /** Contracts whose performer is this contract's customer: the work this contract passes on. */
  upstream: string[];
  /** True when following upstream contracts from here comes back to this one. */
  circular: boolean;
}

export interface ChainGraph {
  parties: ChainParty[];
  links: ChainLink[];
  facts: ReadonlyMap<string, ContractFacts>;
  partyById: ReadonlyMap<string, ChainParty>;
  linkByContract: ReadonlyMap<string, ChainLink>;
  /** Parties from the top of the chain down to a party, through the first contract engaging it. */
  pathTo(partyId: string): ChainParty[];
  /** Parties from the top of the chain down to a contract's performer, following its upstream contracts. */
  linkPath(link: ChainLink): ChainParty[];
  consents: readonly ConsentDecision[];
}

export interface ChainFinding {
  rule: string;
  severity: Severity;
  message: string;
  contract: string;
  range: Range;
  data?: Record<string, unknown>;
}

/** A chain rule finding before the runner adds the rule id and default severity. */
export type ChainRuleFinding = Omit<ChainFinding, 'rule' | 'severity'> & { severity?: Severity };

export interface ChainExampleContract {
  path: string;
  format: ContractFormat;
  text: string;
}

/** An example in a chain rule's metadata: a small workspace; examples run as tests. */
export interface ChainRuleExample {
  title: string;
  contracts: ChainExampleContract[];
  consents?: ConsentDecision[];
  expect: 'pass' | 'fail';
  messageIncludes?: string;
}

/** A rule over the whole workspace's chain (per-contract rules are `Rule`, src/core/rules/rule.ts). */
export interface ChainRule {
  id: string;
  title: string;
  description: string;
  rationale: string;
  defaultSeverity: Severity;
  tags: string[];
  examples: ChainRuleExample[];
  check(graph: ChainGraph): ChainRuleFinding[];
}
