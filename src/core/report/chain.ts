import type * as Sarif from 'sarif';
import { chainRules } from '../rules/chain';
import type { Severity } from '../types';
import { html, joinHtml, type SafeHtml } from './escape';
import { sha256Hex } from './sha256';
import type { ComplianceReport, ReportChain } from './types';

export type { ReportChain } from './types';

/** The report's "Contract chain" section: the chain JSON of `clauseguard chain` (docs/cli.md). */

const SUBCONTRACTING: Record<string, string> = { 'consent-required': 'consent required', weak: 'weak consent clause', missing: 'no consent clause', permitted: 'subcontracting permitted' };
const SEVERITY: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };
const title = (rule: string) => chainRules.find((r) => r.id === rule)?.title ?? rule;

function rows(chain: ReportChain) {
  const name = (id: string) => chain.parties.find((p) => p.id === id)?.name ?? id;
  const listed = (id: string) => {
    const s = chain.parties.find((p) => p.id === id)?.screening;
    return s && s.entity && (s.severity === 'error' || s.severity === 'warning') ? ` (${s.severity === 'error' ? 'matches' : 'may be'} ${s.entity.primaryName})` : '';
  };
  return chain.links.map((l) => ({ contract: l.contract, customer: name(l.customer), performer: name(l.performer) + listed(l.performer), subcontracting: SUBCONTRACTING[l.subcontracting] ?? l.subcontracting, flowDown: l.flowDown ? 'yes' : 'missing' }));
}

export function chainMarkdown(chain: ReportChain | undefined, cell: (s: string) => string): string[] {
  if (!chain) return [];
  const out = ['## Contract chain', ''];
  if (!chain.links.length) return [...out, 'No contract names both a customer and a performer, so no chain was found.', ''];
  out.push(`${chain.links.length} contract(s) link ${chain.parties.length} parties, customer → performer; the chain rules look across them.`, '');
  out.push('| Contract | Customer | Performer | Subcontracting | Terms flowed down |', '|---|---|---|---|---|');
  for (const r of rows(chain)) out.push(`| ${cell(r.contract)} | ${cell(r.customer)} | ${cell(r.performer)} | ${r.subcontracting} | ${r.flowDown} |`);
  out.push('');
  if (!chain.findings.length) out.push('No chain findings.', '');
  for (const f of chain.findings) out.push(`- **${SEVERITY[f.severity]} — ${cell(title(f.rule))}** (${cell(f.contract)}:${f.range.start.line + 1}): ${cell(f.message)}`);
  if (chain.findings.length) out.push('');
  return out;
}

export function chainHtml(chain: ReportChain | undefined): SafeHtml | '' {
  if (!chain) return '';
  const body = chain.links.length
    ? html`<table class="summary"><thead><tr><th scope="col">Contract</th><th scope="col">Customer</th><th scope="col">Performer</th><th scope="col">Subcontracting</th><th scope="col">Terms flowed down</th></tr></thead>
<tbody>${joinHtml(rows(chain).map((r) => html`<tr><th scope="row">${r.contract}</th><td>${r.customer}</td><td>${r.performer}</td><td>${r.subcontracting}</td><td>${r.flowDown}</td></tr>\n`))}</tbody></table>
${chain.findings.length ? html`<ul>${joinHtml(chain.findings.map((f) => html`<li class="sev-${f.severity}"><strong>${SEVERITY[f.severity]} — ${title(f.rule)}</strong> (${f.contract}:${f.range.start.line + 1}): ${f.message}</li>\n`))}</ul>` : html`<p>No chain findings.</p>`}`
    : html`<p class="empty">No contract names both a customer and a performer, so no chain was found.</p>`;
  return html`<section id="chain" aria-labelledby="chain-h">
<h2 id="chain-h">Contract chain</h2>
${body}
</section>`;
}

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

/** Chain findings as SARIF results (and their rules), located in the report's artifacts when the contract is one. */
export function chainSarif(report: ComplianceReport, artifact: (path: string) => Sarif.ArtifactLocation): { rules: Sarif.ReportingDescriptor[]; results: (ruleIndex: (id: string) => number) => Sarif.Result[] } {
  const chain = report.chain;
  if (!chain?.findings.length) return { rules: [], results: () => [] };
  const used = [...new Set(chain.findings.map((f) => f.rule))];
  const rules = used.map((id): Sarif.ReportingDescriptor => {
    const r = chainRules.find((x) => x.id === id);
    return r
      ? { id, name: r.title, shortDescription: { text: r.title }, fullDescription: { text: r.description }, help: { text: r.rationale }, defaultConfiguration: { level: LEVEL[r.defaultSeverity] }, properties: { tags: r.tags } }
      : { id, shortDescription: { text: id } };
  });
  const index = new Map(report.files.map((f) => [f.path, f.index]));
  return {
    rules,
    results: (ruleIndex) =>
      chain.findings.map((f) => ({
        ruleId: f.rule,
        ruleIndex: ruleIndex(f.rule),
        level: LEVEL[f.severity],
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { ...artifact(f.contract), ...(index.has(f.contract) ? { index: index.get(f.contract) } : {}) },
              region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 },
            },
          },
        ],
        partialFingerprints: { 'clauseguardFinding/v1': sha256Hex(`${f.rule}\n${f.contract}\n${f.message}`) },
      })),
  };
}
