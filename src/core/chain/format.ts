import type { ChainReview } from './review';
import type { ChainLink, ChainParty } from './types';

/** `clauseguard chain --format json`: the shape documented in docs/cli.md (issue 17). */
export function chainJson(review: ChainReview) {
  const { graph, findings } = review;
  return {
    parties: graph.parties.map((p) => ({
      id: p.id,
      name: p.name,
      contracts: [...p.contracts],
      screening: { severity: p.screening.severity, entity: p.screening.entity ? { ...p.screening.entity, programs: [...p.screening.entity.programs] } : null },
    })),
    links: graph.links.map((l) => ({ contract: l.contract, customer: l.customer, performer: l.performer, subcontracting: l.subcontracting, flowDown: l.flowDown })),
    findings: findings.map((f) => ({ rule: f.rule, severity: f.severity, message: f.message, contract: f.contract, range: f.range })),
  };
}

const STATUS_WORDS = { 'consent-required': 'consent required', weak: 'weak consent clause', missing: 'no consent clause', permitted: 'subcontracting permitted' } as const;

/** The chains as indented trees from each top, then the findings: what a person reads in a terminal. */
export function chainText(review: ChainReview): string {
  const { graph, findings } = review;
  const out: string[] = [];
  const label = (p: ChainParty) => `${p.name}${p.screening.severity === 'none' ? '' : ` [${p.screening.severity}: ${p.screening.entity?.primaryName ?? 'listed'}]`}`;
  const below = (l: ChainLink) => graph.links.filter((x) => x.upstream.includes(l.contract));
  const shown = new Set<ChainLink>();
  const walk = (l: ChainLink, depth: number, onPath: Set<ChainLink>) => {
    const performer = graph.partyById.get(l.performer)!;
    const facts = graph.facts.get(l.contract)!;
    const role = (side: string) => facts.parties.find((p) => p.side === side)?.role;
    const roles = [role('customer'), role('performer')].filter(Boolean).join(' → ');
    const marks = [STATUS_WORDS[l.subcontracting], l.flowDown ? '' : 'flow-down missing'].filter(Boolean).join(', ');
    out.push(`${'  '.repeat(depth + 1)}└─ ${label(performer)}   (${l.contract}${roles ? `: ${roles}` : ''}; ${marks})`);
    shown.add(l);
    for (const next of below(l)) {
      if (onPath.has(next)) out.push(`${'  '.repeat(depth + 2)}↻ ${next.contract} leads back up the chain: the chain is circular`);
      else walk(next, depth + 1, new Set([...onPath, next]));
    }
  };
  // Tops: contracts with nothing above them, grouped by their customer; then circles nothing is above.
  const roots = graph.links.filter((l) => !l.upstream.length);
  for (const customer of [...new Set(roots.map((l) => l.customer))]) {
    out.push(label(graph.partyById.get(customer)!));
    for (const l of roots.filter((r) => r.customer === customer)) walk(l, 0, new Set([l]));
    out.push('');
  }
  for (const l of graph.links) {
    if (shown.has(l)) continue;
    out.push(`${label(graph.partyById.get(l.customer)!)}   (circular: no contract is above this chain)`);
    walk(l, 0, new Set([l]));
    out.push('');
  }
  const alone = [...graph.facts.values()].filter((f) => !graph.linkByContract.has(f.contract));
  if (alone.length) {
    out.push('Not linked (customer and performer not identified):');
    for (const f of alone) out.push(`  ${f.contract}${f.parties.length ? ` — ${f.parties.map((p) => p.name).join(', ')}` : ''}`);
    out.push('');
  }
  for (const f of findings) out.push(`${f.contract}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} [${f.rule}] ${f.message}`);
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  out.push(`${graph.facts.size} contract(s), ${graph.parties.length} part${graph.parties.length === 1 ? 'y' : 'ies'}, ${graph.links.length} link(s): ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info.`);
  return out.join('\n') + '\n';
}

/** A Mermaid flowchart (left to right), for Markdown viewers that draw Mermaid. */
export function chainMermaid(review: ChainReview): string {
  const { graph } = review;
  const q = (s: string) => `"${s.replace(/"/g, '#quot;').replace(/[<>]/g, (c) => (c === '<' ? '#lt;' : '#gt;'))}"`;
  const out = ['flowchart LR'];
  for (const p of graph.parties) out.push(`  ${p.id}[${q(p.name)}]`);
  for (const l of graph.links) out.push(`  ${l.customer} -->|${q(`${l.contract}: ${STATUS_WORDS[l.subcontracting]}${l.flowDown ? '' : ', flow-down missing'}`)}| ${l.performer}`);
  out.push('  classDef error fill:#f8d7da,stroke:#b02a37;', '  classDef warning fill:#fff3cd,stroke:#997404;');
  for (const sev of ['error', 'warning'] as const) {
    const ids = graph.parties.filter((p) => p.screening.severity === sev).map((p) => p.id);
    if (ids.length) out.push(`  class ${ids.join(',')} ${sev};`);
  }
  return out.join('\n') + '\n';
}

/** Graphviz DOT (`dot -Tsvg`). */
export function chainDot(review: ChainReview): string {
  const { graph } = review;
  const q = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
  const fill = { error: '#f8d7da', warning: '#fff3cd', info: '#e7f1ff', none: '#ffffff' } as const;
  const out = ['digraph chain {', '  rankdir=LR;', '  node [shape=box, style="rounded,filled", fontname="Helvetica"];'];
  for (const p of graph.parties) out.push(`  ${p.id} [label=${q(p.name)}, fillcolor=${q(fill[p.screening.severity])}];`);
  for (const l of graph.links) {
    const bad = !l.flowDown || l.subcontracting === 'missing' || l.subcontracting === 'permitted';
    out.push(`  ${l.customer} -> ${l.performer} [label=${q(`${l.contract}\n${STATUS_WORDS[l.subcontracting]}${l.flowDown ? '' : '\nflow-down missing'}`)}${bad ? ', color="#b02a37"' : ''}${l.circular ? ', style=dashed' : ''}];`);
  }
  out.push('}');
  return out.join('\n') + '\n';
}
