import { CLAUSEGUARD_OUTPUT_MARKER } from '../document/contractDetection';
import { SEVERITY_LABEL, STATUS_LABEL } from './build';
import { formatDate } from './html';
import { clip, decisionText, lineCol, scorePercent, suppressionText } from './text';
import type { CheckStatus, ComplianceReport, ReportFinding, SeverityCounts } from './types';
import { chainMarkdown } from './chain';

/**
 * Escapes text for Markdown so a contract's own markup (emphasis, links, HTML tags such as <script>,
 * headings, list markers) shows literally in any Markdown viewer.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]<>#+!|~&$]/g, '\\$&')
    .replace(/^(\s*)(\d+)([.)])/gm, '$1$2\\$3')
    .replace(/^(\s*)([-=])/gm, '$1\\$2');
}

/** For table cells: escaped, on one line. */
const cell = (text: string) => escapeMarkdown(text).replace(/\r\n|\r|\n/g, ' ');
/** Rule metadata is ClauseGuard's own Markdown: kept as Markdown (not escaped), on one line. */
const prose = (text: string) => text.replace(/\r\n|\r|\n/g, ' ');
const quote = (text: string) =>
  escapeMarkdown(text)
    .split(/\r\n|\r|\n/)
    .map((l) => (l.trim() ? `> ${l}` : '>'))
    .join('\n');
const plural = (n: number, word: string) => (n === 1 ? word : word + 's');
const STATUS_ICON: Record<CheckStatus, string> = { fail: '✖', attention: '⚠', pass: '✔', off: '–', broken: '?' };
const status = (s: CheckStatus, c?: SeverityCounts) => {
  const n = c ? c.error + c.warning + c.info : 0;
  return `${STATUS_ICON[s]} ${STATUS_LABEL[s]}${n ? ` ${n}` : ''}`;
};

export function renderMarkdown(report: ComplianceReport): string {
  const r = report;
  const out: string[] = [];
  const title = (id: string) => r.checks.find((c) => c.id === id)?.title ?? id;
  const t = r.totals;

  out.push(CLAUSEGUARD_OUTPUT_MARKER, '', '# ClauseGuard compliance report', '');
  out.push('| | |', '|---|---|');
  out.push(`| Generated | ${cell(formatDate(r.generatedAt))} |`);
  out.push(`| Reviewer | ${r.reviewer ? cell(r.reviewer) : '*not recorded*'} |`);
  out.push(`| Tool | ${cell(`${r.tool.name} ${r.tool.version}`)} |`);
  out.push(`| Contracts | ${t.files} |`);
  out.push(`| Sanctions lists | ${r.lists.length ? r.lists.map((l) => cell(`${l.name} (${l.date})`)).join('; ') : '*none loaded: names were not screened*'} |`, '');

  out.push('## Summary', '');
  if (r.listsOutOfDate) out.push(`> **⚠ Sanctions lists out of date.** ${cell(r.listsOutOfDate.warning)}`, '');
  out.push(
    `**${t.files} ${plural(t.files, 'contract')} reviewed: ${t.byStatus.fail} fail, ${t.byStatus.attention} need${t.byStatus.attention === 1 ? 's' : ''} attention, ${t.byStatus.pass} pass.** ` +
      `${t.counts.error} ${plural(t.counts.error, 'error')}, ${t.counts.warning} ${plural(t.counts.warning, 'warning')}, ${t.counts.info} ${plural(t.counts.info, 'note')}` +
      (t.suppressed ? `; ${t.suppressed} suppressed (see the appendix).` : '.'),
    '',
  );
  const columns = r.checks.filter((c) => c.effectiveSeverity !== 'off').map((c) => c.id);
  for (const f of r.files) for (const c of f.checks) if (!columns.includes(c.rule) && c.status !== 'off') columns.push(c.rule);
  if (r.files.length) {
    out.push(`| Contract | Overall | ${columns.map((id) => cell(title(id))).join(' | ')} | Suppressed |`);
    out.push(`|---|---|${columns.map(() => '---|').join('')}---:|`);
    for (const f of r.files) {
      const cells = columns.map((id) => {
        const c = f.checks.find((k) => k.rule === id);
        return c ? status(c.status, c.counts) : '';
      });
      out.push(`| ${cell(f.path)} | ${status(f.status)} | ${cells.join(' | ')} | ${f.suppressed.length || ''} |`);
    }
    out.push('');
  }

  out.push(...chainMarkdown(r.chain, cell));

  out.push('## Basis of this report', '', '### Sanctions lists', '');
  if (r.lists.length) {
    out.push('| List | Id | Date | Entries | SHA-256 |', '|---|---|---|---:|---|');
    for (const l of r.lists) out.push(`| ${cell(l.name)} | ${cell(l.id)} | ${cell(l.date)} | ${l.entries} | ${cell(l.sha256)} |`);
  } else out.push('No sanctions lists were loaded, so no names were screened.');
  const s = r.settings;
  out.push('', '### Settings that affect the results', '');
  out.push(`- Screening score bands: error ≥ ${scorePercent(s.screeningBands.error)}, warning ≥ ${scorePercent(s.screeningBands.warning)}, note ≥ ${scorePercent(s.screeningBands.info)} (of 100)`);
  out.push(`- Severity overrides: ${s.overrides.length ? s.overrides.map((o) => `${cell(o.key)} → ${o.setting}`).join(', ') : 'none (rule defaults)'}`);
  out.push(`- Disabled checks: ${s.disabledRules.length ? s.disabledRules.map((id) => `${cell(title(id))} (${cell(id)})`).join(', ') : 'none'}`);
  for (const e of s.extra) out.push(`- ${cell(e.name)}: ${cell(e.value)}`);
  out.push('', '| Check | Id | Severity | What it checks |', '|---|---|---|---|');
  for (const c of r.checks) out.push(`| ${cell(c.title)} | ${cell(c.id)} | ${c.effectiveSeverity === 'off' ? 'off (not run)' : c.effectiveSeverity} | ${cell(c.description)} |`);
  out.push('', '### Contracts and their content hashes', '', '| Contract | SHA-256 of the file |', '|---|---|');
  for (const f of r.files) out.push(`| ${cell(f.path)} | ${cell(f.sha256)} |`);
  out.push('');

  out.push('## Findings by contract', '');
  const shown = r.files.filter((f) => f.findings.length || f.suppressed.length || f.ruleErrors.length);
  if (!shown.length) out.push('No findings in any contract.', '');
  for (const f of shown) {
    out.push(`### ${cell(f.path)}`, '', `${status(f.status)}${f.suppressed.length ? ` · ${f.suppressed.length} suppressed (see the appendix)` : ''}`, '');
    for (const e of f.ruleErrors) out.push(`**${cell(title(e.rule))} could not run** on this contract: ${cell(e.message)}`, '');
    for (const x of f.findings) out.push(...finding(x, title(x.rule), r.checks.find((c) => c.id === x.rule)?.rationale));
  }
  const clean = r.files.length - shown.length;
  if (clean) out.push(`${clean} ${plural(clean, 'contract')} with no findings ${clean === 1 ? 'is' : 'are'} listed in the summary only.`, '');

  out.push('## Findings by check', '');
  let any = false;
  for (const id of columns) {
    const rows = r.files.flatMap((f) => f.findings.filter((x) => x.rule === id).map((x) => ({ f, x })));
    if (!rows.length) continue;
    any = true;
    const check = r.checks.find((c) => c.id === id);
    const contracts = new Set(rows.map((row) => row.f.index)).size;
    out.push(`### ${cell(title(id))}: ${rows.length} ${plural(rows.length, 'finding')} in ${contracts} ${plural(contracts, 'contract')}`, '');
    if (check) out.push(prose(check.description), '', `**Why it matters:** ${prose(check.rationale)}`, '');
    if (check?.suggestedClause) out.push('**Suggested clause** (a starting point for counsel):', '', quote(check.suggestedClause), '');
    out.push('| Contract | Clause | Where | Severity | Quoted text |', '|---|---|---|---|---|');
    for (const { f, x } of rows) out.push(`| ${cell(f.path)} | ${x.clause ? cell(x.clause.label) : '—'} | ${lineCol(x.range)} | ${SEVERITY_LABEL[x.severity]} | ${cell(clip(x.text, 300))} |`);
    out.push('');
  }
  if (!any) out.push('No findings.', '');

  out.push('## Sanctions screening', '');
  if (!r.lists.length) out.push('No sanctions lists were loaded, so no names were screened.', '');
  else if (!r.screening.length) out.push('No names came close to any listed entry.', '');
  else {
    out.push('Scores run from 0 to 100.', '');
    out.push('| Contract | Name in the contract | Best match | Listed entity | List and program | Score | Why | Decision | Status |', '|---|---|---|---|---|---:|---|---|---|');
    for (const row of r.screening) {
      const m = row.match;
      const st = row.status === 'reported' ? `Reported (${row.severity ? SEVERITY_LABEL[row.severity] : ''})` : row.status === 'suppressed' ? 'Suppressed' : 'Below the reporting threshold';
      out.push(
        `| ${cell(row.path)}${row.range ? `, ${lineCol(row.range)}` : ''} | ${cell(row.name)} | ${m ? cell(m.name) : 'no close match'} | ${m ? cell(`${m.entity.primaryName} (${m.entity.type}, ${m.entity.id})`) : ''} | ${m ? cell([m.entity.list, ...m.entity.programs].join(', ')) : ''} | ${m ? scorePercent(m.score) : ''} | ${cell(m?.explanation ?? '')} | ${row.decision ? cell(decisionText(row.decision)) : 'none recorded'} | ${st} |`,
      );
    }
    out.push('');
  }

  out.push('## Appendix: suppressed findings', '');
  const sup = r.files.flatMap((f) => f.suppressed.map((x) => ({ f, x })));
  if (!sup.length) out.push('No findings were suppressed.', '');
  else {
    out.push('Findings hidden by an inline comment or a reviewer’s decision, listed so that nothing is hidden from this report.', '');
    out.push('| Contract | Check | Clause | Where | Quoted text | Finding | Suppressed by |', '|---|---|---|---|---|---|---|');
    for (const { f, x } of sup)
      out.push(`| ${cell(f.path)} | ${cell(title(x.rule))} | ${x.clause ? cell(x.clause.label) : '—'} | ${lineCol(x.range)} | ${cell(clip(x.text, 300))} | ${SEVERITY_LABEL[x.severity]}: ${cell(x.message)} | ${cell(suppressionText(x.suppression))} |`);
    out.push('');
  }
  out.push('---', '', `*Generated by ${cell(`${r.tool.name} ${r.tool.version}`)} on ${cell(formatDate(r.generatedAt))}. ClauseGuard flags clauses and names for a lawyer’s review; it is not legal advice, and suggested clauses are a starting point for counsel to review.*`, '');
  return out.join('\n');
}

function finding(x: ReportFinding, checkTitle: string, rationale: string | undefined): string[] {
  const out = [`#### ${SEVERITY_LABEL[x.severity]}: ${cell(checkTitle)} (${cell(x.rule)})`, ''];
  out.push(`${x.clause ? `Clause ${cell(x.clause.label)} · ` : ''}${lineCol(x.range)}`, '');
  out.push(cell(x.message), '', quote(clip(x.text, 1500)), '');
  if (x.match) {
    const m = x.match;
    out.push(`**Best match:** “${cell(m.name)}”, ${cell(m.entity.primaryName)} (${cell(m.entity.type)}), ${cell(m.entity.list)}${m.entity.programs.length ? `, program ${cell(m.entity.programs.join(', '))}` : ''}, entry ${cell(m.entity.id)}, score ${scorePercent(m.score)}/100${m.explanation ? `. ${cell(m.explanation)}` : ''}`, '');
  }
  if (x.decision) out.push(`**Reviewer’s decision:** ${cell(decisionText(x.decision))}`, '');
  if (rationale) out.push(`**Why it matters:** ${prose(rationale)}`, '');
  if (x.suggestedClause) out.push('**Suggested clause** (a starting point for counsel):', '', quote(x.suggestedClause), '');
  return out;
}
