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

/** Splits a name into lines of at most `max` characters, at spaces. */
function wrap(text: string, max = 22): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/)) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] + ' ' + word).length <= max) lines[last] += ' ' + word;
    else lines.push(word);
  }
  return lines.slice(0, 4);
}

/** A contract's short label: its file name without the extension, shortened. */
function contractLabel(path: string): string {
  const base = (path.split('/').pop() ?? path).replace(/(?:\.contract)?\.(?:md|markdown|txt)$/i, '');
  return base.length > 26 ? base.slice(0, 25) + '…' : base;
}

const STATUS: Record<string, string> = { 'consent-required': 'consent required', weak: 'weak consent clause', missing: 'no consent clause', permitted: 'may subcontract' };

function edgeStatus(l: ChainView['links'][number]): string {
  const bad = l.consent === 'not-recorded' || !l.flowDown;
  return [l.consent === 'not-recorded' ? 'no consent recorded' : '', l.flowDown ? '' : 'no flow-down', !bad ? STATUS[l.subcontracting] ?? l.subcontracting : ''].filter(Boolean).join(' · ');
}

function draw(): void {
  const host = document.getElementById('graph')!;
  host.textContent = '';
  if (!data.links.length) {
    host.textContent = 'No contract in the workspace names both a customer and a performer, so there is no chain to show.';
    return;
  }
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 36, marginx: 12, marginy: 12 });
  g.setDefaultEdgeLabel(() => ({}));
  const linked = new Set(data.links.flatMap((l) => [l.customer, l.performer]));
  for (const p of data.parties) {
    if (!linked.has(p.id)) continue;
    const lines = wrap(p.name);
    g.setNode(p.id, { width: 24 + 7 * Math.max(...lines.map((x) => x.length), p.entity ? 14 : 0), height: 16 + 16 * lines.length + (p.entity ? 16 : 0), lines });
  }
  for (const l of data.links) g.setEdge(l.customer, l.performer, { width: 6.2 * Math.max(contractLabel(l.contract).length, edgeStatus(l).length), height: 30, labelpos: 'c' }, String(l.index));
  dagre.layout(g);

  const size = g.graph();
  // Scaled down to the panel's width when wider (viewBox), never up.
  const width = size.width ?? 0;
  const root = svg('svg', { viewBox: `0 0 ${width} ${size.height ?? 0}`, width, role: 'img', 'aria-label': 'Contract chain' }, host);
  const defs = svg('defs', {}, root);
  const marker = svg('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
  svg('path', { d: 'M 0 0 L 10 5 L 0 10 z', class: 'arrow' }, marker);

  for (const l of data.links) {
    const e = g.edge(l.customer, l.performer, String(l.index));
    const bad = l.consent === 'not-recorded' || !l.flowDown;
    const group = svg('g', { class: `edge ${bad ? 'edge-problem' : 'edge-ok'}`, tabindex: 0, 'data-link': l.index }, root);
    const pts: { x: number; y: number }[] = e.points ?? [];
    const d = pts.map((p, i) => `${i ? 'L' : 'M'} ${p.x} ${p.y}`).join(' ');
    svg('path', { d, 'marker-end': 'url(#arrow)' }, group);
    // A wide transparent stroke and a box behind the label, so the edge is easy to click.
    svg('path', { d, class: 'hit' }, group);
    svg('rect', { x: (e.x ?? 0) - e.width / 2, y: (e.y ?? 0) - 15, width: e.width, height: 30, class: 'hit' }, group);
    const label = svg('text', { x: e.x ?? 0, y: (e.y ?? 0) - 4, 'text-anchor': 'middle' }, group);
    label.textContent = contractLabel(l.contract);
    const status = svg('text', { x: e.x ?? 0, y: (e.y ?? 0) + 11, 'text-anchor': 'middle', class: 'edge-status' }, group);
    status.textContent = edgeStatus(l);
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
    const lines = (n as unknown as { lines: string[] }).lines;
    const name = svg('text', { x: n.width / 2, y: 22, 'text-anchor': 'middle', class: 'node-name' }, group);
    lines.forEach((line, i) => {
      const span = svg('tspan', { x: n.width / 2, dy: i ? 16 : 0 }, name);
      span.textContent = line;
    });
    if (p.entity) {
      const entity = svg('text', { x: n.width / 2, y: 22 + 16 * lines.length, 'text-anchor': 'middle', class: 'node-entity' }, group);
      entity.textContent = `${p.severity === 'error' ? 'matches' : 'may be'} ${p.entity.length > 24 ? p.entity.slice(0, 23) + '…' : p.entity}`;
    }
    const title = svg('title', {}, group);
    title.textContent = `${p.name}${p.tier !== undefined ? ` · tier ${p.tier}` : ''} · ${p.contracts} contract(s)${p.entity ? ` · sanctions: ${p.severity}, ${p.entity}` : ''} — click to open`;
    group.addEventListener('click', () => vscode.postMessage({ type: 'open', party: p.id }));
    group.addEventListener('keydown', (ev) => (ev as KeyboardEvent).key === 'Enter' && vscode.postMessage({ type: 'open', party: p.id }));
  }
  for (const f of Array.from(document.querySelectorAll<HTMLElement>('[data-finding]'))) {
    f.addEventListener('click', () => vscode.postMessage({ type: 'open', finding: Number(f.dataset.finding) }));
  }
  for (const b of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-consent]'))) {
    b.addEventListener('click', (ev) => {
      ev.stopPropagation();
      vscode.postMessage({ type: 'record-consent', finding: Number(b.dataset.consent) });
    });
  }
}

draw();
