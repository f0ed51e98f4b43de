import type * as Sarif from 'sarif';
import { sha256Hex } from './sha256';
import { suppressionText } from './text';
import { chainSarif } from './chain';
import type { ComplianceReport, ReportCheck, ReportFile, ReportFinding, ReportSuppressedFinding } from './types';
import type { Severity } from '../types';

const LEVEL: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/**
 * SARIF 2.1.0, so findings show in GitHub code scanning and other SARIF viewers. Suppressed findings are
 * results with `suppressions` (inline comment = inSource, reviewer's decision = external), as SARIF
 * intends, so viewers show them as dismissed rather than losing them. Columns count UTF-16 code units.
 */
export function toSarif(report: ComplianceReport): Sarif.Log {
  const checks = new Map(report.checks.map((c) => [c.id, c]));
  const ruleIds = [...report.checks.map((c) => c.id)];
  for (const f of report.files) for (const x of [...f.findings, ...f.suppressed]) if (!ruleIds.includes(x.rule)) ruleIds.push(x.rule);
  const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
  const chain = chainSarif(report, (path) => artifactLocation({ path }));
  const rules: Sarif.ReportingDescriptor[] = [...ruleIds.map((id) => ruleDescriptor(id, checks.get(id))), ...chain.rules];

  const artifacts: Sarif.Artifact[] = report.files.map((f) => ({
    location: artifactLocation(f),
    hashes: { 'sha-256': f.sha256 },
    mimeType: /\.(md|markdown|mdown|mkd)$/i.test(f.path) ? 'text/markdown' : 'text/plain',
  }));
  const results: Sarif.Result[] = [];
  for (const f of report.files) {
    for (const x of f.findings) results.push(result(f, x, ruleIndex));
    for (const x of f.suppressed) results.push(result(f, x, ruleIndex, x));
  }
  results.push(...chain.results((id) => rules.findIndex((r) => r.id === id)));
  const notifications: Sarif.Notification[] = report.files.flatMap((f) =>
    f.ruleErrors.map((e) => ({
      level: 'error' as const,
      message: { text: `The check ${e.rule} could not run on ${f.path}: ${e.message}` },
      descriptor: { id: e.rule },
      locations: [{ physicalLocation: { artifactLocation: { ...artifactLocation(f), index: f.index } } }],
    })),
  );
  return {
    $schema: SARIF_SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ClauseGuard', version: report.tool.version, semanticVersion: semver(report.tool.version), rules } },
        invocations: [
          {
            executionSuccessful: notifications.length === 0,
            endTimeUtc: report.generatedAt,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
            // Stale lists are a configuration problem, not a failed run: SARIF viewers list these as warnings.
            ...(report.listsOutOfDate ? { toolConfigurationNotifications: [{ level: 'warning' as const, message: { text: `Sanctions lists out of date. ${report.listsOutOfDate.warning}` } }] } : {}),
          },
        ],
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
        properties: {
          reviewer: report.reviewer ?? null,
          lists: report.lists,
          ...(report.listsOutOfDate ? { listsOutOfDate: report.listsOutOfDate } : {}),
          settings: report.settings,
        },
      },
    ],
  };
}

export function renderSarif(report: ComplianceReport): string {
  return JSON.stringify(toSarif(report), null, 2) + '\n';
}

function ruleDescriptor(id: string, check: ReportCheck | undefined): Sarif.ReportingDescriptor {
  if (!check) return { id, shortDescription: { text: id } };
  const help = [check.rationale, check.suggestedClause ? `Suggested clause (a starting point for counsel):\n${check.suggestedClause}` : '']
    .filter(Boolean)
    .join('\n\n');
  return {
    id,
    name: check.title,
    shortDescription: { text: check.title },
    fullDescription: { text: check.description },
    help: { text: help },
    defaultConfiguration: {
      level: check.effectiveSeverity === 'off' ? 'none' : LEVEL[check.effectiveSeverity],
      enabled: check.effectiveSeverity !== 'off',
    },
    properties: { tags: check.tags },
  };
}

function result(f: ReportFile, x: ReportFinding, ruleIndex: Map<string, number>, suppressed?: ReportSuppressedFinding): Sarif.Result {
  const r = x.range;
  const res: Sarif.Result = {
    ruleId: x.rule,
    ruleIndex: ruleIndex.get(x.rule),
    level: LEVEL[x.severity],
    message: { text: x.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { ...artifactLocation(f), index: f.index },
          region: {
            startLine: r.start.line + 1,
            startColumn: r.start.character + 1,
            endLine: r.end.line + 1,
            endColumn: r.end.character + 1,
            snippet: { text: x.text },
          },
        },
      },
    ],
    partialFingerprints: { 'clauseguardFinding/v1': sha256Hex(`${x.rule}\n${f.path}\n${x.text.replace(/\s+/g, ' ').trim()}`) },
    properties: {
      findingId: x.id,
      ...(x.clause ? { clause: x.clause.label } : {}),
      ...(x.match ? { match: x.match } : {}),
      ...(x.decision ? { decision: x.decision } : {}),
      ...(x.suggestedClause ? { suggestedClause: x.suggestedClause } : {}),
    },
  };
  if (suppressed) {
    res.suppressions = [
      {
        kind: suppressed.suppression.kind === 'inline' ? 'inSource' : 'external',
        status: 'accepted',
        justification: suppressionText(suppressed.suppression),
      },
    ];
  }
  return res;
}

/** File paths as URI references: segments percent-encoded; absolute paths become file: URIs. */
export function artifactLocation(f: Pick<ReportFile, 'path'>): Sarif.ArtifactLocation {
  const p = f.path.replace(/\\/g, '/');
  const encoded = p
    .split('/')
    .map((seg, i) => (i === 0 && /^[A-Za-z]:$/.test(seg) ? seg : encodeURIComponent(seg)))
    .join('/');
  if (p.startsWith('/')) return { uri: `file://${encoded}` };
  if (/^[A-Za-z]:\//.test(p)) return { uri: `file:///${encoded}` };
  return { uri: encoded, uriBaseId: '%SRCROOT%' };
}

function semver(v: string): string | undefined {
  return /^\d+\.\d+\.\d+(?:[-+].*)?$/.test(v) ? v : undefined;
}
