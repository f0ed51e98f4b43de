import { namesKey, partyKey } from './partyKey';
import type { ChainGraph, ChainLink, ConsentDecision, ContractFacts } from './types';

/** Does this contract stop its performer from subcontracting without consent? */
export function requiresConsent(f: Pick<ContractFacts, 'subcontracting'>): boolean {
  return f.subcontracting === 'consent-required' || f.subcontracting === 'weak';
}

/** What an upstream contract requires that a subcontract under it lacks. */
export type FlowDownGap = 'consent-restriction' | 'sanctions-clause';

export interface UpstreamGaps {
  upstream: ContractFacts;
  gaps: FlowDownGap[];
}

/**
 * The restriction and the sanctions clause of each upstream contract must reach the subcontract: a
 * subcontract that lets its own performer subcontract freely, or has no sanctions clause, lets the work
 * leave the protection the customer at the top bargained for.
 */
export function flowDownGaps(graph: Pick<ChainGraph, 'facts'>, link: ChainLink): UpstreamGaps[] {
  const sub = graph.facts.get(link.contract)!;
  const out: UpstreamGaps[] = [];
  for (const up of link.upstream) {
    const u = graph.facts.get(up)!;
    const gaps: FlowDownGap[] = [];
    if (requiresConsent(u) && !requiresConsent(sub)) gaps.push('consent-restriction');
    if (u.sanctionsClause !== 'missing' && sub.sanctionsClause === 'missing') gaps.push('sanctions-clause');
    if (gaps.length) out.push({ upstream: u, gaps });
  }
  return out;
}

export type ConsentEvidence =
  | { kind: 'clause'; contract: string; text: string }
  | { kind: 'decision'; decision: ConsentDecision };

/**
 * Where consent to a subcontract is recorded, if anywhere: a sentence giving consent that names the
 * subcontractor in the upstream contract itself, or in any document that also names the customer giving
 * it (a consent letter); a sentence in the subcontract naming that customer's consent; or a reviewer's
 * decision "consent given" for this subcontract and subcontractor, with a reason.
 */
export function consentEvidence(graph: ChainGraph, upstream: ChainLink, sub: ChainLink): ConsentEvidence | undefined {
  const giver = graph.partyById.get(upstream.customer)!;
  const subcontractor = graph.partyById.get(sub.performer)!;
  for (const d of graph.consents) {
    if (d.verdict === 'consent-given' && d.reason.trim() && samePath(d.contract, sub.contract) && partyKey(d.subcontractor) === subcontractor.key) return { kind: 'decision', decision: d };
  }
  for (const f of graph.facts.values()) {
    for (const s of f.consents) {
      const namesSub = namesKey(s.folded, subcontractor.key);
      const namesGiver = namesKey(s.folded, giver.key);
      if ((f.contract === upstream.contract && namesSub) || (namesSub && namesGiver) || (f.contract === sub.contract && namesGiver)) return { kind: 'clause', contract: f.contract, text: s.text };
    }
  }
  return undefined;
}

function samePath(a: string, b: string): boolean {
  const norm = (p: string) => p.replace(/\\/g, '/').replace(/^\.\//, '');
  return norm(a) === norm(b);
}
