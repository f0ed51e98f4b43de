import { SEVERITY_ORDER } from '../types';
import { formsCompatible, partyKey } from './partyKey';
import { flowDownGaps } from './requirements';
import type { ChainGraph, ChainLink, ChainParty, ConsentDecision, ContractFacts, FactParty, PartyScreening } from './types';

/**
 * Links contracts into chains: one node per party (by its folded name), one edge per contract from its
 * customer to its performer. A contract is upstream of another when its performer is the other's
 * customer; when the lower contract names its upstream ("under its subcontract with X"), only contracts
 * with that customer count. Tiers are shortest distances from the top (customers nobody supplies);
 * a circle of contracts with no top starts from its first party in input order.
 */
export function buildChainGraph(allFacts: readonly ContractFacts[], consents: readonly ConsentDecision[] = []): ChainGraph {
  const facts = new Map<string, ContractFacts>();
  for (const f of allFacts) if (!facts.has(f.contract)) facts.set(f.contract, f);
  // Parties by key; one key can hold several parties when their legal forms differ (AG / GmbH).
  const byKey = new Map<string, ChainParty[]>();
  const parties: ChainParty[] = [];
  const nodeOf = new Map<FactParty, ChainParty>();
  for (const f of facts.values()) {
    for (const p of f.parties) {
      const same = byKey.get(p.key) ?? [];
      let node = same.find((n) => n.forms.every((form) => formsCompatible(form, p.form)));
      if (!node) {
        node = { id: `p${parties.length + 1}`, name: p.name, key: p.key, forms: [], names: [], contracts: [], roles: [], screening: { severity: 'none', entity: null } };
        byKey.set(p.key, [...same, node]);
        parties.push(node);
      }
      if (p.form && !node.forms.includes(p.form)) node.forms.push(p.form);
      if (!node.names.includes(p.name)) node.names.push(p.name);
      if (!node.contracts.includes(f.contract)) node.contracts.push(f.contract);
      node.roles.push({ contract: f.contract, ...(p.role ? { role: p.role } : {}), side: p.side });
      nodeOf.set(p, node);
    }
  }
  // Screening: a name matched in a party's own span, or the same name (folded) matched in any contract.
  const screen = (node: ChainParty, s: ContractFacts['screened'][number], contract: string) => {
    if (better(s.severity, s.score, node.screening)) node.screening = { severity: s.severity, entity: s.entity, score: s.score, listedName: s.listedName, contract, range: s.range };
  };
  for (const f of facts.values()) {
    for (const s of f.screened) for (const node of byKey.get(s.key) ?? []) screen(node, s, f.contract);
    for (const p of f.parties) for (const s of f.screened) if (overlaps(s.range, p.range)) screen(nodeOf.get(p)!, s, f.contract);
  }

  const links: ChainLink[] = [];
  for (const f of facts.values()) {
    const customer = f.parties.find((p) => p.side === 'customer');
    const performer = f.parties.find((p) => p.side === 'performer');
    if (!customer || !performer) continue;
    links.push({ contract: f.contract, customer: nodeOf.get(customer)!.id, performer: nodeOf.get(performer)!.id, subcontracting: f.subcontracting, flowDown: true, upstream: [], circular: false });
  }
  const partyById = new Map(parties.map((p) => [p.id, p]));
  const linkByContract = new Map(links.map((l) => [l.contract, l]));
  const performing = new Map<string, ChainLink[]>();
  for (const l of links) performing.set(l.performer, [...(performing.get(l.performer) ?? []), l]);
  for (const l of links) {
    const candidates = (performing.get(l.customer) ?? []).filter((u) => u !== l);
    const named = namedUpstreamCustomers(facts.get(l.contract)!, byKey);
    const narrowed = candidates.filter((u) => named.has(u.customer));
    l.upstream = (narrowed.length ? narrowed : candidates).map((u) => u.contract);
  }
  markCircles(links, linkByContract);
  for (const l of links) l.flowDown = flowDownGaps({ facts }, l).length === 0;
  assignTiers(parties, links, partyById);
  // The route from the top to a link: up through each link's first upstream contract, never twice.
  const linkPath = (link: ChainLink): ChainParty[] => {
    const seen = new Set<ChainLink>();
    const out: ChainParty[] = [partyById.get(link.performer)!];
    for (let l: ChainLink | undefined = link; l && !seen.has(l); l = l.upstream.map((c) => linkByContract.get(c)!).find((u) => !seen.has(u))) {
      seen.add(l);
      out.unshift(partyById.get(l.customer)!);
    }
    return out;
  };

  return {
    parties,
    links,
    facts,
    partyById,
    linkByContract,
    consents,
    pathTo(partyId) {
      const first = links.find((l) => l.performer === partyId);
      return first ? linkPath(first) : [partyById.get(partyId)!];
    },
    linkPath,
  };
}

/** Parties the contract names as the customer upstream ("under its subcontract with Golden Lantern …"). */
function namedUpstreamCustomers(f: ContractFacts, byKey: ReadonlyMap<string, ChainParty[]>): Set<string> {
  const out = new Set<string>();
  const own = new Set(f.parties.map((p) => p.key));
  for (const m of f.upstream) {
    // The longest leading run of the words that is a known party's name.
    for (let n = m.words.length; n >= 1; n--) {
      const key = partyKey(m.words.slice(0, n).join(' '));
      const nodes = key && !own.has(key) ? byKey.get(key) : undefined;
      if (nodes) {
        for (const n of nodes) out.add(n.id);
        break;
      }
    }
  }
  return out;
}

/** Flags links from which following upstream contracts returns to the same link. */
function markCircles(links: readonly ChainLink[], byContract: ReadonlyMap<string, ChainLink>): void {
  // Iterative DFS with colours; a back edge closes a circle: every link on the stack from there is in it.
  const state = new Map<ChainLink, 1 | 2>();
  for (const start of links) {
    if (state.has(start)) continue;
    const stack: { link: ChainLink; next: number }[] = [{ link: start, next: 0 }];
    state.set(start, 1);
    while (stack.length) {
      const top = stack[stack.length - 1];
      const up = top.link.upstream[top.next++];
      if (up === undefined) {
        state.set(top.link, 2);
        stack.pop();
        continue;
      }
      const u = byContract.get(up)!;
      const s = state.get(u);
      if (s === 1) {
        for (let i = stack.length - 1; i >= 0; i--) {
          stack[i].link.circular = true;
          if (stack[i].link === u) break;
        }
      } else if (s === undefined) {
        state.set(u, 1);
        stack.push({ link: u, next: 0 });
      }
    }
  }
}

/** Breadth-first from the tops: a party's tier is its shortest distance from a top. */
function assignTiers(parties: readonly ChainParty[], links: readonly ChainLink[], byId: ReadonlyMap<string, ChainParty>): void {
  const down = new Map<string, string[]>();
  const supplied = new Set<string>();
  const inLinks = new Set<string>();
  for (const l of links) {
    down.set(l.customer, [...(down.get(l.customer) ?? []), l.performer]);
    supplied.add(l.performer);
    inLinks.add(l.customer).add(l.performer);
  }
  const visit = (roots: string[]) => {
    const queue = [...roots];
    for (const r of roots) byId.get(r)!.tier = 0;
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i];
      const tier = byId.get(id)!.tier!;
      for (const next of down.get(id) ?? []) {
        const node = byId.get(next)!;
        if (node.tier !== undefined) continue;
        node.tier = tier + 1;
        queue.push(next);
      }
    }
  };
  visit(parties.filter((p) => inLinks.has(p.id) && !supplied.has(p.id)).map((p) => p.id));
  // Circles nobody is above: start from their first party.
  for (const p of parties) if (inLinks.has(p.id) && p.tier === undefined) visit([p.id]);
}

function better(severity: PartyScreening['severity'], score: number, now: PartyScreening): boolean {
  if (now.severity === 'none') return true;
  if (severity === 'none') return false;
  const d = SEVERITY_ORDER[severity] - SEVERITY_ORDER[now.severity];
  return d > 0 || (d === 0 && score > (now.score ?? 0));
}

function overlaps(a: { start: { line: number; character: number }; end: { line: number; character: number } }, b: typeof a): boolean {
  const before = (x: typeof a.start, y: typeof a.start) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return before(a.start, b.end) && before(b.start, a.end);
}
