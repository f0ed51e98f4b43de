// Browser-side script of the ClauseGuard report panel (bundled by esbuild into dist/webview/report.js).
// It never builds markup: the extension renders the escaped HTML. This script only posts the user's
// clicks to the extension (open a finding, export) and keeps filters and open sections across refreshes.

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

interface PanelState {
  /** ids of filter checkboxes the user unticked */
  hidden: string[];
  /** ids of <details> whose open state the user changed, with that state */
  toggled: Record<string, boolean>;
  scrollY: number;
}

const vscode = acquireVsCodeApi();
const state: PanelState = { hidden: [], toggled: {}, scrollY: 0, ...((vscode.getState() as Partial<PanelState> | undefined) ?? {}) };

function save(): void {
  vscode.setState(state);
}

function restore(): void {
  for (const id of state.hidden) {
    const box = document.getElementById(id);
    if (box instanceof HTMLInputElement) box.checked = false;
  }
  for (const [id, open] of Object.entries(state.toggled)) {
    const d = document.getElementById(id);
    if (d instanceof HTMLDetailsElement) d.open = open;
  }
  if (state.scrollY) window.scrollTo(0, state.scrollY);
}

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target.closest('[data-open], [data-export], [data-action]') : null;
  if (!target) return;
  const open = target.getAttribute('data-open');
  const format = target.getAttribute('data-export');
  const action = target.getAttribute('data-action');
  if (open) vscode.postMessage({ type: 'open', id: open });
  else if (format) vscode.postMessage({ type: 'export', format });
  else if (action === 'expand-all' || action === 'collapse-all') {
    for (const d of document.querySelectorAll<HTMLDetailsElement>('details[id]')) {
      d.open = action === 'expand-all';
      state.toggled[d.id] = d.open;
    }
    save();
  }
});

// In-page links (#f3-0, #file-2): open the section that holds the target, then scroll to it.
document.addEventListener('click', (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
  if (!link) return;
  const target = document.getElementById(decodeURIComponent((link.getAttribute('href') ?? '').slice(1)));
  if (!target) return;
  event.preventDefault();
  for (let el: Element | null = target; el; el = el.parentElement) if (el instanceof HTMLDetailsElement) el.open = true;
  target.scrollIntoView({ block: 'start' });
  if (target instanceof HTMLElement) {
    target.tabIndex = -1;
    target.focus({ preventScroll: true });
  }
});

document.addEventListener('change', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || !box.id.startsWith('cg-show-')) return;
  state.hidden = state.hidden.filter((id) => id !== box.id);
  if (!box.checked) state.hidden.push(box.id);
  save();
});

document.addEventListener(
  'toggle',
  (event) => {
    const d = event.target;
    if (d instanceof HTMLDetailsElement && d.id) {
      state.toggled[d.id] = d.open;
      save();
    }
  },
  true,
);

let scrollTimer: number | undefined;
window.addEventListener('scroll', () => {
  clearTimeout(scrollTimer);
  scrollTimer = window.setTimeout(() => {
    state.scrollY = window.scrollY;
    save();
  }, 200);
});

restore();
