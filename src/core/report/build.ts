import { clausesFixing, type ClauseLibrary } from '../fixes/library';
import { clauseFixActions } from '../fixes/quickFix';
import { resolveSeverity } from '../config/checkConfig';
import { toReviewerDecision } from '../decisions/types';
import { clauseLookup, type ClauseLookup } from '../model/clauseLookup';
import { staleLists, staleWarning } from '../screening/listFreshness';
import { allRules } from '../rules/registry';
import type { Rule } from '../rules/rule';
import type { Finding, Severity } from '../types';
import type {
  CheckStatus,
  ComplianceReport,
  FileCheckSummary,
  ReportCheck,
  ReportClauseRef,
  ReportFile,
  ReportFileInput,
  ReportFinding,
  ReportInput,
  ReportScreeningRow,
  ReportSettings,
  ReportSuppressedFinding,
  ReviewerDecision,
  ScreeningCandidateInput,
  SeverityCounts,
} from './types';

/** Rule ids whose findings name a party screened against the lists. */
const SCREENING_RULES = new Set(['sanctioned-party']);

/**
 * Builds the report every renderer reads. Pure and deterministic: the same input gives the same report.
 * Findings keep the engine's order; files keep the caller's order.
 */
export function buildReport(input: ReportInput): ComplianceReport {
  const rules = input.rules ?? allRules;
  const checks = rules.map((r) => reportCheck(r, input));
  const rulesById = new Map(rules.map((r) => [r.id, r]));
  const files = input.files.map((f, i) => reportFile(f, i, checks, rulesById, input.clauseLibrary));
  const screening = files.flatMap((f, i) => screeningRows(f, input.files[i]));
  // Per contract: reported matches first, then suppressed ones, then names below the threshold; closest first.
  const statusRank = { reported: 0, suppressed: 1, 'not-reported': 2 } as const;
  screening.sort(
    (a, b) => a.fileIndex - b.fileIndex || statusRank[a.status] - statusRank[b.status] || (b.match?.score ?? -1) - (a.match?.score ?? -1) || a.name.localeCompare(b.name),
  );

  const byStatus: Record<CheckStatus, number> = { pass: 0, attention: 0, fail: 0, off: 0, broken: 0 };
  const counts = zeroCounts();
  let suppressed = 0;
  for (const f of files) {
    byStatus[f.status]++;
    addCounts(counts, f.counts);
    suppressed += f.suppressed.length;
  }
  return {
    schemaVersion: 1,
    tool: { name: input.tool.name, version: input.tool.version },
    generatedAt: typeof input.generatedAt === 'string' ? input.generatedAt : input.generatedAt.toISOString(),
    ...(input.reviewer ? { reviewer: input.reviewer } : {}),
    lists: input.lists.map((l) => ({ ...l })),
    ...listsOutOfDate(input),
    settings: reportSettings(input, checks),
    checks,
    files,
    screening,
    totals: {
      files: files.length,
      findings: counts.error + counts.warning + counts.info,
      counts,
      suppressed,
      byStatus,
      screenedNames: screening.length,
    },
    ...(input.chain ? { chain: structuredClone(input.chain) } : {}),
  };
}

function listsOutOfDate(input: ReportInput): Pick<ComplianceReport, 'listsOutOfDate'> {
  const maxAgeDays = input.maxListAgeDays ?? 90;
  const stale = staleLists(input.lists, maxAgeDays, new Date(input.generatedAt));
  const warning = staleWarning(stale, maxAgeDays);
  if (!warning) return {};
  return { listsOutOfDate: { maxAgeDays, lists: stale.map((s) => ({ id: s.list.id, name: s.list.name, date: s.list.date, ageDays: s.ageDays })), warning } };
}

function reportCheck(rule: Rule, input: ReportInput): ReportCheck {
  const own = (rule as Rule & { suggestedClause?: unknown }).suggestedClause;
  const template = input.clauseLibrary ? clausesFixing(input.clauseLibrary, rule.id)[0] : undefined;
  const suggested = typeof own === 'string' && own.trim() ? own : template ? templateText(template) : undefined;
  return {
    id: rule.id,
    title: rule.title,
    description: rule.description,
    rationale: rule.rationale,
    defaultSeverity: rule.defaultSeverity,
    effectiveSeverity: resolveSeverity(rule.id, rule.tags, rule.defaultSeverity, input.config),
    tags: [...rule.tags],
    ...(typeof suggested === 'string' && suggested.trim() ? { suggestedClause: suggested } : {}),
  };
}

/** A library clause as text, placeholders filled with their defaults ("the Supplier"). */
function templateText(t: ClauseLibrary['clauses'][number]): string {
  const body = t.body.replace(/\{\{\s*([\w-]+)\s*\}\}/g, (m, name: string) => t.variables.find((v) => v.name === name)?.default ?? m);
  // A placeholder that starts a sentence starts with a capital ("The Supplier shall…").
  return `${t.title}. ${body}`.replace(/(^|[.!?]\s+|\n\s*)([a-z])/g, (_, before: string, c: string) => before + c.toUpperCase());
}

function reportSettings(input: ReportInput, checks: ReportCheck[]): ReportSettings {
  return {
    screeningBands: { ...input.config.screeningBands },
    overrides: Object.entries(input.config.ruleSeverity)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, setting]) => ({ key, setting })),
    disabledRules: checks.filter((c) => c.effectiveSeverity === 'off').map((c) => c.id),
    extra: Object.entries(input.extraSettings ?? {}).map(([name, value]) => ({ name, value })),
  };
}

function reportFile(
  file: ReportFileInput,
  index: number,
  checks: ReportCheck[],
  rulesById: Map<string, Rule>,
  library: ClauseLibrary | undefined,
): ReportFile {
  const review = file.review;
  const model = clauseLookup(review.clauses);
  const toReport = (f: Finding, id: string, explicitDecision?: ReviewerDecision): ReportFinding => {
    const clause = clauseRef(model, f.span.start);
    const decision = explicitDecision ?? (f.decision ? toReviewerDecision(f.decision.decision, f.decision.state === 'stale') : undefined);
    const suggestedClause = suggestedClauseOf(f, rulesById.get(f.rule), library);
    return {
      id,
      rule: f.rule,
      severity: f.severity,
      message: f.message,
      text: f.text,
      range: f.range,
      span: f.span,
      ...(clause ? { clause } : {}),
      ...(f.match ? { match: f.match } : {}),
      ...(decision ? { decision } : {}),
      ...(suggestedClause ? { suggestedClause } : {}),
    };
  };
  const findings = review.findings.map((f, n) => toReport(f, `f${index}-${n}`));
  const suppressed: ReportSuppressedFinding[] = review.suppressed.map((s, n) => ({
    ...toReport(s.finding, `f${index}-s${n}`, s.suppression.kind === 'decision' ? s.suppression.decision : undefined),
    suppression: s.suppression,
  }));

  const counts = zeroCounts();
  for (const f of findings) counts[f.severity]++;
  const knownRules = new Set(checks.map((c) => c.id));
  const checkIds = [...checks.map((c) => c.id), ...unique(findings.map((f) => f.rule).filter((r) => !knownRules.has(r)))];
  const summaries: FileCheckSummary[] = checkIds.map((rule) => {
    const mine = findings.filter((f) => f.rule === rule);
    const c = zeroCounts();
    for (const f of mine) c[f.severity]++;
    const check = checks.find((k) => k.id === rule);
    const broken = review.ruleErrors.some((e) => e.rule === rule);
    const status: CheckStatus = broken
      ? 'broken'
      : check?.effectiveSeverity === 'off'
        ? 'off'
        : c.error > 0
          ? 'fail'
          : c.warning + c.info > 0
            ? 'attention'
            : 'pass';
    return { rule, status, counts: c, suppressed: suppressed.filter((s) => s.rule === rule).length };
  });
  return {
    index,
    path: file.path,
    ...(file.uri ? { uri: file.uri } : {}),
    sha256: file.sha256,
    ...(file.unsaved ? { unsaved: true } : {}),
    status: worstStatus(summaries.map((s) => s.status)),
    counts,
    checks: summaries,
    findings,
    suppressed,
    ruleErrors: review.ruleErrors.map((e) => ({ ...e })),
    timings: { parseMs: review.timings.parseMs, rulesMs: review.timings.rulesMs },
  };
}

const STATUS_RANK: Record<CheckStatus, number> = { off: 0, pass: 1, attention: 2, broken: 3, fail: 4 };

/** The file's overall status: any failing check fails it; a crashed check needs attention at least. */
function worstStatus(statuses: CheckStatus[]): CheckStatus {
  let worst: CheckStatus = 'pass';
  for (const s of statuses) if (STATUS_RANK[s] > STATUS_RANK[worst]) worst = s;
  return worst === 'broken' ? 'attention' : worst;
}

function clauseRef(model: ClauseLookup | undefined, offset: number): ReportClauseRef | undefined {
  let clause;
  try {
    clause = model?.clauseAt(offset);
  } catch {
    return undefined; // a model bug must not take the report down
  }
  if (!clause) return undefined;
  const title = clause.title?.trim() || undefined;
  const number = clause.number?.trim() || undefined;
  let label = number ? [clause.id || number, title].filter(Boolean).join(' ') : (title ?? clause.headingText.trim().slice(0, 120));
  if (!title) {
    // "2.2 (under 2 Services)": an untitled sub-clause is placed by its nearest titled parent.
    let parent = clause.parentId ? safeClause(model, clause.parentId) : undefined;
    while (parent && !parent.title?.trim()) parent = parent.parentId ? safeClause(model, parent.parentId) : undefined;
    if (parent) label += ` (under ${[parent.number ? parent.id || parent.number : '', parent.title!.trim()].filter(Boolean).join(' ')})`;
  }
  return { id: clause.id, ...(number ? { number } : {}), ...(title ? { title } : {}), label };
}

function safeClause(model: ClauseLookup | undefined, id: string) {
  try {
    return model?.clauseById(id);
  } catch {
    return undefined;
  }
}

function suggestedClauseOf(f: Finding, rule: Rule | undefined, library: ClauseLibrary | undefined): string | undefined {
  const fromData = f.data?.suggestedClause;
  if (typeof fromData === 'string' && fromData.trim()) return fromData;
  if (isRecord(fromData) && typeof fromData.text === 'string' && fromData.text.trim()) return fromData.text;
  if (library) {
    // The clause the preferred quick fix would insert, filled with this contract's names and numbering.
    try {
      const insert = clauseFixActions(f, library).find((a) => a.kind === 'insert-clause');
      if (insert?.text.trim()) return insert.text.trim();
    } catch {
      // a malformed fix plan must not take the report down
    }
  }
  const fromRule = (rule as (Rule & { suggestedClause?: unknown }) | undefined)?.suggestedClause;
  return typeof fromRule === 'string' && fromRule.trim() ? fromRule : undefined;
}

function screeningRows(file: ReportFile, input: ReportFileInput): ReportScreeningRow[] {
  const rows: ReportScreeningRow[] = [];
  const seen = new Set<string>();
  const key = (name: string, start?: number) => `${normaliseText(name)}@${start ?? ''}`;
  const fromFinding = (f: ReportFinding, status: ReportScreeningRow['status']) => {
    if (!f.match && !SCREENING_RULES.has(f.rule)) return;
    seen.add(key(f.text, f.span.start));
    rows.push({
      fileIndex: file.index,
      path: file.path,
      name: f.text,
      range: f.range,
      findingId: f.id,
      severity: f.severity,
      ...(f.match ? { match: f.match } : {}),
      ...(f.decision ? { decision: f.decision } : {}),
      status,
    });
  };
  for (const f of file.findings) fromFinding(f, 'reported');
  for (const f of file.suppressed) fromFinding(f, 'suppressed');
  const candidates: ScreeningCandidateInput[] = input.review.screening ?? [];
  for (const c of candidates) {
    if (seen.has(key(c.name, c.span?.start))) continue;
    seen.add(key(c.name, c.span?.start));
    rows.push({
      fileIndex: file.index,
      path: file.path,
      name: c.name,
      ...(c.range ? { range: c.range } : {}),
      ...(c.match ? { match: c.match } : {}),
      ...(c.decision ? { decision: c.decision } : {}),
      status: 'not-reported',
    });
  }
  return rows;
}


function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const normaliseText = (s: string) => s.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
const unique = <T>(xs: T[]) => [...new Set(xs)];

export function zeroCounts(): SeverityCounts {
  return { error: 0, warning: 0, info: 0 };
}

function addCounts(into: SeverityCounts, c: SeverityCounts): void {
  for (const s of ['error', 'warning', 'info'] as Severity[]) into[s] += c[s];
}

export const STATUS_LABEL: Record<CheckStatus, string> = {
  pass: 'Pass',
  attention: 'Needs attention',
  fail: 'Fail',
  off: 'Not run (disabled)',
  broken: 'Could not run',
};

export const SEVERITY_LABEL: Record<Severity, string> = { error: 'Error', warning: 'Warning', info: 'Note' };
