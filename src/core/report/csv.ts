import { verdictLabel, suppressionText } from './text';
import type { ComplianceReport, ReportFile, ReportFinding, ReportSuppressedFinding } from './types';

/** Columns of the CSV export, in order. Lines and columns are 1-based. */
export const CSV_COLUMNS = [
  'finding_id',
  'file',
  'file_sha256',
  'status',
  'rule',
  'check',
  'severity',
  'message',
  'clause',
  'line',
  'column',
  'end_line',
  'end_column',
  'text',
  'match_name',
  'match_primary_name',
  'match_entity_id',
  'match_list',
  'match_programs',
  'match_score',
  'decision',
  'decision_reason',
  'decision_reviewer',
  'decision_date',
  'suppressed_by',
  'lists_out_of_date',
] as const;

/**
 * One row per finding (open findings first, then suppressed ones with status "suppressed"), RFC 4180:
 * CRLF line ends; a field with a comma, quote or line break is quoted, quotes doubled. A field that
 * starts with = + - @ tab, CR or ' gets a leading ' so spreadsheets never run contract text as a formula;
 * importers strip one leading ' to get the exact text back.
 */
export function renderCsv(report: ComplianceReport): string {
  const titles = new Map(report.checks.map((c) => [c.id, c.title]));
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const f of report.files) {
    for (const x of f.findings) rows.push(row(f, x, titles, 'open', report.listsOutOfDate?.warning ?? ''));
    for (const x of f.suppressed) rows.push(row(f, x, titles, 'suppressed', report.listsOutOfDate?.warning ?? ''));
  }
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function row(f: ReportFile, x: ReportFinding, titles: Map<string, string>, status: 'open' | 'suppressed', listsOutOfDate: string): string[] {
  const m = x.match;
  const d = x.decision;
  const values: Record<(typeof CSV_COLUMNS)[number], string> = {
    finding_id: x.id,
    file: f.path,
    file_sha256: f.sha256,
    status,
    rule: x.rule,
    check: titles.get(x.rule) ?? x.rule,
    severity: x.severity,
    message: x.message,
    clause: x.clause?.label ?? '',
    line: String(x.range.start.line + 1),
    column: String(x.range.start.character + 1),
    end_line: String(x.range.end.line + 1),
    end_column: String(x.range.end.character + 1),
    text: x.text,
    match_name: m?.name ?? '',
    match_primary_name: m?.entity.primaryName ?? '',
    match_entity_id: m?.entity.id ?? '',
    match_list: m?.entity.list ?? '',
    match_programs: m?.entity.programs.join('; ') ?? '',
    match_score: m ? String(Math.round(m.score * 100)) : '',
    decision: d ? verdictLabel(d.verdict) : '',
    decision_reason: d?.reason ?? '',
    decision_reviewer: d?.reviewer ?? '',
    decision_date: d?.date ?? '',
    suppressed_by: status === 'suppressed' ? suppressionText((x as ReportSuppressedFinding).suppression) : '',
    // Every row says so: a spreadsheet filtered to one contract still shows that the lists were stale.
    lists_out_of_date: listsOutOfDate,
  };
  return CSV_COLUMNS.map((c) => values[c]);
}

/** Quotes one field per RFC 4180, after defusing spreadsheet formulas. */
export function csvField(value: string): string {
  const v = /^[=+\-@\t\r']/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
