import { findingJsonV1 } from './findingJson';
import type { ComplianceReport, ReportFinding, ReportSuppressedFinding } from './types';

/**
 * The CLI's JSON schema, version 1 — `{tool, lists, files: [{path, findings: [{rule, severity, message,
 * text, range}], timings}]}` — with the report's additions (`report`, `screening`, per-file `status`,
 * `checks`, `suppressed`, per-finding `id`, `clause`, `decision`, `suggestedClause`). Fields of version 1
 * are never renamed or removed; consumers of `clauseguard check --format json` can read this too.
 */
export function toReportJson(report: ComplianceReport) {
  return {
    tool: report.tool,
    lists: report.lists.map((l) => ({ id: l.id, name: l.name, date: l.date, entries: l.entries, sha256: l.sha256, ...(l.source ? { source: l.source } : {}) })),
    files: report.files.map((f) => ({
      path: f.path,
      sha256: f.sha256,
      findings: f.findings.map(findingJson),
      ...(f.ruleErrors.length ? { ruleErrors: f.ruleErrors } : {}),
      timings: { parseMs: round(f.timings.parseMs), rulesMs: round(f.timings.rulesMs) },
      status: f.status,
      checks: f.checks,
      suppressed: f.suppressed.map((s) => ({ ...findingJson(s), suppression: (s as ReportSuppressedFinding).suppression })),
    })),
    report: {
      schemaVersion: report.schemaVersion,
      generatedAt: report.generatedAt,
      ...(report.reviewer ? { reviewer: report.reviewer } : {}),
      ...(report.listsOutOfDate ? { listsOutOfDate: report.listsOutOfDate } : {}),
      settings: report.settings,
      checks: report.checks,
      totals: report.totals,
    },
    screening: report.screening,
    ...(report.chain ? { chain: report.chain } : {}),
  };
}

export function renderJson(report: ComplianceReport): string {
  return JSON.stringify(toReportJson(report), null, 2) + '\n';
}

function findingJson(f: ReportFinding) {
  return {
    ...findingJsonV1(f),
    id: f.id,
    ...(f.clause ? { clause: f.clause } : {}),
    ...(f.decision ? { decision: f.decision } : {}),
    ...(f.suggestedClause ? { suggestedClause: f.suggestedClause } : {}),
  };
}

const round = (ms: number) => Math.round(ms * 100) / 100;
