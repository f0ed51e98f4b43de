import { renderCsv } from './csv';
import { renderHtml, type HtmlOptions } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { renderSarif } from './sarif';
import type { ComplianceReport, ReportFormat } from './types';

export { buildReport } from './build';
export { REPORT_FORMATS, type ReportFormat } from './types';

/** File name ending and save-dialog label for each export format. */
export const FORMAT_INFO: Record<ReportFormat, { extension: string; label: string; mime: string }> = {
  html: { extension: 'html', label: 'HTML (prints to PDF)', mime: 'text/html' },
  md: { extension: 'md', label: 'Markdown', mime: 'text/markdown' },
  json: { extension: 'json', label: 'JSON', mime: 'application/json' },
  sarif: { extension: 'sarif', label: 'SARIF 2.1.0', mime: 'application/sarif+json' },
  csv: { extension: 'csv', label: 'CSV', mime: 'text/csv' },
};

/** Renders an export. HTML here is always the self-contained file (the panel calls renderHtml itself). */
export function renderReport(report: ComplianceReport, format: ReportFormat, htmlOptions: HtmlOptions = {}): string {
  switch (format) {
    case 'html':
      return renderHtml(report, htmlOptions);
    case 'md':
      return renderMarkdown(report);
    case 'json':
      return renderJson(report);
    case 'sarif':
      return renderSarif(report);
    case 'csv':
      return renderCsv(report);
  }
}

/** The format a file name implies (".sarif.json" → sarif), if any. */
export function formatFromFileName(name: string): ReportFormat | undefined {
  const n = name.toLowerCase();
  if (n.endsWith('.sarif') || n.endsWith('.sarif.json')) return 'sarif';
  if (n.endsWith('.html') || n.endsWith('.htm')) return 'html';
  if (n.endsWith('.md') || n.endsWith('.markdown')) return 'md';
  if (n.endsWith('.json')) return 'json';
  if (n.endsWith('.csv')) return 'csv';
  return undefined;
}
