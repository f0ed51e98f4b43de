import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { DEFAULT_CONFIG } from '../../core/config';
import { buildReport, formatFromFileName, renderReport, REPORT_FORMATS, type ReportFormat } from '../../core/report/render';
import type { ComplianceReport, ReviewerDecision } from '../../core/report/types';
import { InputError } from '../../node/contractFiles';
import { oneOf, parseArgs, UsageError } from '../args';
import { EXIT, type CliIO } from '../io';
import { loadServices } from '../services';
import { TOOL } from '../version';
import { checkPaths } from './check';

export const REPORT_USAGE = `Usage: clauseguard report [--format html|md|json|sarif|csv] [--output FILE] [--reviewer NAME]
                          [--decisions FILE] [--lists PATH]... PATH...

Writes a compliance report for contracts (.md, .markdown, .txt files, or folders of them):
  html   a self-contained page (open it in a browser; print it to PDF)
  md     Markdown      json   the "check --format json" schema plus report fields
  sarif  SARIF 2.1.0 (GitHub code scanning and other viewers)      csv   one row per finding
--format defaults to the --output file's ending, else md. Without --output the report goes to standard output.
--reviewer defaults to git's user.name, else the operating-system user.
--decisions defaults to .clauseguard/decisions.json in the current folder, when there is one.
Exit status: 0 report written, 2 usage error or unreadable input.`;

/** `clauseguard report`: check the given contracts and write one report. */
export function reportCommand(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, { values: ['format', 'output', 'reviewer', 'decisions'], repeatable: ['lists'], booleans: ['help'] });
  if (args.flags.has('help')) {
    io.out(REPORT_USAGE + '\n');
    return EXIT.ok;
  }
  if (args.positional.length === 0) throw new UsageError('give at least one file or folder to report on');
  const output = args.values.output;
  const format: ReportFormat = oneOf('format', args.values.format, REPORT_FORMATS, (output && formatFromFileName(output)) || 'md');

  const loaded = loadServices(args.lists.lists ?? []);
  for (const p of loaded.problems) io.err(`clauseguard: ${p}\n`);
  let decisions: ReviewerDecision[];
  try {
    decisions = readDecisions(args.values.decisions, io.cwd);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`clauseguard: ${e.path}: ${e.reason}\n`);
      return EXIT.usage;
    }
    throw e;
  }

  let report: ComplianceReport;
  try {
    const checked = checkPaths(args.positional, loaded, io.cwd);
    report = buildReport({
      tool: TOOL,
      generatedAt: new Date(),
      reviewer: args.values.reviewer ?? defaultReviewer(io.cwd),
      lists: loaded.lists,
      config: DEFAULT_CONFIG,
      decisions,
      files: checked.map(({ contract, result }) => ({ path: contract.path, sha256: contract.sha256, result })),
    });
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`clauseguard: ${e.path}: ${e.reason}\n`);
      return EXIT.usage;
    }
    throw e;
  }

  const text = renderReport(report, format);
  if (!output) {
    io.out(text);
    return EXIT.ok;
  }
  const target = resolve(io.cwd, output);
  try {
    writeFileSync(target, text, 'utf8');
  } catch (e) {
    io.err(`clauseguard: cannot write the report to ${output}: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  const t = report.totals;
  io.err(`clauseguard: wrote ${format} report on ${t.files} contract(s) (${t.byStatus.fail} fail, ${t.byStatus.attention} need attention, ${t.byStatus.pass} pass) to ${output}\n`);
  return EXIT.ok;
}

/** git's user.name, else the OS user; empty when neither is known. */
function defaultReviewer(cwd: string): string | undefined {
  const fromEnv = process.env.CLAUSEGUARD_REVIEWER?.trim();
  if (fromEnv) return fromEnv;
  try {
    const git = spawnSync('git', ['config', 'user.name'], { cwd, encoding: 'utf8', timeout: 2000 });
    const name = git.status === 0 ? git.stdout.trim() : '';
    if (name) return name;
  } catch {
    // no git: fall through
  }
  try {
    return userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads decisions from `.clauseguard/decisions.json` ({version: 1, decisions: [...]}) for the report's
 * screening section. A named file that is missing or unreadable is an error; the default file is optional.
 */
function readDecisions(path: string | undefined, cwd: string): ReviewerDecision[] {
  const file = path ? resolve(cwd, path) : resolve(cwd, '.clauseguard', 'decisions.json');
  if (!path && !existsSync(file)) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `is not valid JSON (${(e as Error).message}); fix or remove it`;
    throw new InputError(path ?? file, reason);
  }
  const items = Array.isArray(raw) ? raw : isRecord(raw) && Array.isArray(raw.decisions) ? raw.decisions : undefined;
  if (!items) throw new InputError(path ?? file, 'is not a decisions file: expected {"version": 1, "decisions": [...]}');
  const out: ReviewerDecision[] = [];
  for (const d of items) {
    if (!isRecord(d) || typeof d.entityId !== 'string' || (d.verdict !== 'not-a-match' && d.verdict !== 'confirmed-match')) continue;
    const lv = d.listVersion;
    out.push({
      entityId: d.entityId,
      verdict: d.verdict,
      reason: typeof d.reason === 'string' ? d.reason : '',
      reviewer: typeof d.reviewer === 'string' ? d.reviewer : 'unknown',
      date: typeof d.date === 'string' ? d.date : '',
      ...(typeof d.matchedText === 'string' ? { matchedText: d.matchedText } : {}),
      ...(typeof lv === 'string' ? { listVersion: lv } : isRecord(lv) && typeof lv.id === 'string' ? { listVersion: `${lv.id} ${String(lv.date ?? '')}`.trim() } : {}),
    });
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
