// Browser-side script of the ClauseGuard contract chain panel (bundled by esbuild into dist/webview/chain.js,
// with @dagrejs/dagre for the layout). It draws the graph from the JSON the extension put in the page,
// only with DOM calls that treat every name and message as text, and posts clicks back to the extension.
import dagre from '@dagrejs/dagre';

interface VsCodeApi {
  postMessage(message: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** What src/vscode/features/contractChain.ts writes into #chain-data. */
interface ChainView {
  parties: { id: string; name: string; tier?: number; severity: 'error' | 'warning' | 'info' | 'none'; entity?: string; contracts: number }[];
  links: { index: number; contract: string; customer: string; performer: string; subcontracting: string; flowDown: boolean; consent: 'recorded-or-not-needed' | 'not-recorded' }[];
}

const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';
const data = JSON.parse(document.getElementById('chain-data')!.textContent ?? '{}') as ChainView;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, parent?: Element): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  parent?.appendChild(el);
  return el;
}

function draw(): void {
  const host = document.getElementById('graph')!;
  host.textContent = '';
  if (!data.links.length) {
    host.textContent = 'No contract in the workspace names both a customer and a performer, so there is no chain to show.';
    return;
  }
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 150, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const linked = new Set(data.links.flatMap((l) => [l.customer, l.performer]));
  for (const p of data.parties) if (linked.has(p.id)) g.setNode(p.id, { width: Math.min(260, 40 + p.name.length * 7), height: p.entity ? 52 : 38 });
  for (const l of data.links) g.setEdge(l.customer, l.performer, { width: 120, height: 30, labelpos: 'c' }, String(l.index));
  dagre.layout(g);

  const size = g.graph();
  const root = svg('svg', { width: size.width ?? 0, height: size.height ?? 0, role: 'img', 'aria-label': 'Contract chain' }, host);
  const defs = svg('defs', {}, root);
  const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
  svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow' }, marker);

  for (const l of data.links) {
    const e = g.edge(l.customer, l.performer, String(l.index));
    const bad = l.consent === 'not-recorded' || !l.flowDown;
    const group = svg('g', { class: `edge ${bad ? 'edge-problem' : 'edge-ok'}`, tabindex: 0, 'data-link': l.index }, root);
    const pts: { x: number; y: number }[] = e.points ?? [];
    svg('path', { d: pts.map((p, i) => `${i ? 'L' : 'M'} ${p.x} ${p.y}`).join(' '), 'marker-end': 'url(#arrow)' }, group);
    const label = svg('text', { x: e.x ?? 0, y: (e.y ?? 0) - 4, 'text-anchor': 'middle' }, group);
    label.textContent = l.contract.split('/').pop() ?? l.contract;
    const status = svg('text', { x: e.x ?? 0, y: (e.y ?? 0) + 11, 'text-anchor': 'middle', class: 'edge-status' }, group);
    status.textContent = [l.consent === 'not-recorded' ? 'consent not recorded' : '', l.flowDown ? '' : 'flow-down missing', !bad ? l.subcontracting.replace('-', ' ') : ''].filter(Boolean).join(' · ');
    const title = svg('title', {}, group);
    title.textContent = `${l.contract}: subcontracting ${l.subcontracting}${l.flowDown ? '' : ', flow-down missing'}${l.consent === 'not-recorded' ? ', consent not recorded' : ''} — click to open`;
    group.addEventListener('click', () => vscode.postMessage({ type: 'open', link: l.index }));
    group.addEventListener('keydown', (ev) => (ev as KeyboardEvent).key === 'Enter' && vscode.postMessage({ type: 'open', link: l.index }));
  }
  for (const p of data.parties) {
    if (!linked.has(p.id)) continue;
    const n = g.node(p.id);
    const group = svg('g', { class: `node node-${p.severity}`, tabindex: 0, 'data-party': p.id, transform: `translate(${n.x - n.width / 2}, ${n.y - n.height / 2})` }, root);
    svg('rect', { width: n.width, height: n.height, rx: 6 }, group);
    const name = svg('text', { x: n.width / 2, y: p.entity ? 20 : n.height / 2 + 4, 'text-anchor': 'middle' }, group);
    name.textContent = p.name.length > 34 ? p.name.slice(0, 33) + '…' : p.name;
    if (p.entity) {
      const entity = svg('text', { x: n.width / 2, y: 38, 'text-anchor': 'middle', class: 'node-entity' }, group);
      entity.textContent = `${p.severity === 'error' ? 'matches' : 'may be'} ${p.entity}`;
    }
    const title = svg('title', {}, group);
    title.textContent = `${p.name}${p.tier !== undefined ? ` · tier ${p.tier}` : ''} · ${p.contracts} contract(s)${p.entity ? ` · sanctions: ${p.severity}, ${p.entity}` : ''} — click to open`;
    group.addEventListener('click', () => vscode.postMessage({ type: 'open', party: p.id }));
    group.addEventListener('keydown', (ev) => (ev as KeyboardEvent).key === 'Enter' && vscode.postMessage({ type: 'open', party: p.id }));
  }
  for (const f of Array.from(document.querySelectorAll<HTMLElement>('[data-finding]'))) {
    f.addEventListener('click', () => vscode.postMessage({ type: 'open', finding: Number(f.dataset.finding) }));
  }
}

draw();
