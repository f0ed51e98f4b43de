/**
 * The report's style sheet, inlined in the exported HTML (self-contained, hashed in its CSP) and in the
 * panel (with a nonce). Colours are custom properties: light defaults here for files and print;
 * media/report.css maps them to VS Code theme variables in the panel.
 */
export const REPORT_CSS = `
:root {
  --cg-fg: #1f2328; --cg-bg: #ffffff; --cg-muted: #59636e; --cg-border: #d1d9e0; --cg-panel: #f6f8fa;
  --cg-quote: #f6f8fa; --cg-link: #0969da; --cg-fail: #cf222e; --cg-attention: #9a6700; --cg-pass: #1a7f37;
  --cg-note: #0969da; --cg-off: #59636e; --cg-focus: #0969da;
  --cg-font: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  --cg-mono: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace;
  --cg-size: 14px;
}
* { box-sizing: border-box; }
html { color-scheme: light; }
body { margin: 0; padding: 24px 32px 48px; color: var(--cg-fg); background: var(--cg-bg); font: var(--cg-size)/1.5 var(--cg-font); }
h1 { font-size: 1.6em; margin: 0 0 4px; }
h2 { font-size: 1.3em; margin: 32px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--cg-border); }
h3 { font-size: 1.1em; margin: 16px 0 6px; }
a { color: var(--cg-link); }
a:focus-visible, button:focus-visible, summary:focus-visible, input:focus-visible { outline: 2px solid var(--cg-focus); outline-offset: 2px; }
.muted { color: var(--cg-muted); }
.mono, code, .hash { font-family: var(--cg-mono); font-size: 0.92em; }
.hash { word-break: break-all; }
.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0 0; }
.meta dt { color: var(--cg-muted); }
.meta dd { margin: 0; }
.headline { font-size: 1.15em; margin: 12px 0; padding: 12px 16px; border: 1px solid var(--cg-border); border-left-width: 6px; background: var(--cg-panel); }
.headline.status-fail { border-left-color: var(--cg-fail); }
.headline.status-attention { border-left-color: var(--cg-attention); }
.headline.status-pass { border-left-color: var(--cg-pass); }
table { border-collapse: collapse; width: 100%; margin: 8px 0; }
th, td { text-align: left; vertical-align: top; padding: 4px 8px; border-bottom: 1px solid var(--cg-border); }
th { font-weight: 600; background: var(--cg-panel); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; white-space: nowrap; font-weight: 600; }
.status-fail .badge, .badge.status-fail, .sev-error .sev { color: var(--cg-fail); }
.status-attention .badge, .badge.status-attention, .sev-warning .sev { color: var(--cg-attention); }
.badge.status-pass { color: var(--cg-pass); }
.sev-info .sev { color: var(--cg-note); }
.badge.status-off, .badge.status-broken { color: var(--cg-off); }
details { margin: 6px 0; }
details > summary { cursor: pointer; }
details.file { border: 1px solid var(--cg-border); border-radius: 4px; padding: 0 12px; margin: 8px 0; }
details.file > summary { padding: 8px 0; font-weight: 600; }
details.file[open] > summary { border-bottom: 1px solid var(--cg-border); margin-bottom: 8px; }
.finding { border-left: 4px solid var(--cg-border); padding: 4px 0 4px 12px; margin: 12px 0; break-inside: avoid; }
.finding.sev-error { border-left-color: var(--cg-fail); }
.finding.sev-warning { border-left-color: var(--cg-attention); }
.finding.sev-info { border-left-color: var(--cg-note); }
.finding p { margin: 4px 0; }
.finding .where { color: var(--cg-muted); }
blockquote.quote { margin: 6px 0; padding: 6px 10px; background: var(--cg-quote); border-left: 3px solid var(--cg-border); white-space: pre-wrap; overflow-wrap: anywhere; font-family: var(--cg-mono); font-size: 0.92em; }
pre.clause { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--cg-quote); padding: 8px 10px; margin: 4px 0; font-family: var(--cg-font); }
.quote-cell { white-space: pre-wrap; overflow-wrap: anywhere; font-family: var(--cg-mono); font-size: 0.9em; }
.filters { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: 4px 16px; align-items: center; padding: 8px 0; margin: 8px 0; background: var(--cg-bg); border-bottom: 1px solid var(--cg-border); }
.filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: center; }
.filters legend { float: left; font-weight: 600; margin-right: 4px; }
.filters label { white-space: nowrap; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; }
button { font: inherit; color: inherit; background: var(--cg-panel); border: 1px solid var(--cg-border); border-radius: 3px; padding: 2px 10px; cursor: pointer; }
button.open { padding: 0 8px; font-size: 0.9em; }
.empty { color: var(--cg-muted); font-style: italic; }
.lists-out-of-date { margin: 12px 0; padding: 10px 14px; border: 1px solid var(--cg-attention); border-left-width: 6px; background: var(--cg-panel); font-weight: 500; }
table.summary th[scope="row"] { font-weight: normal; overflow-wrap: anywhere; min-width: 16em; }
table.summary td { white-space: nowrap; }
table.summary th[scope="col"] { font-size: 0.92em; }
.screening td.score { font-weight: 600; }
footer { margin-top: 40px; color: var(--cg-muted); font-size: 0.9em; }
@media print {
  body { padding: 0; font-size: 11pt; }
  .filters, .actions, button.open, .screen-only { display: none !important; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  tr, .finding { break-inside: avoid; }
  details.file { border: 0; padding: 0; }
}
`;
