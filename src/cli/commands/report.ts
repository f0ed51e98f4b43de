import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { relative, resolve, sep } from 'node:path';
import { BUNDLED_CLAUSE_FILES } from '../../core/clauses/bundled';
import { loadClauseLibrary } from '../../core/clauses/library';
import { DEFAULT_CONFIG } from '../../core/config';
import { applyDecisions, DECISIONS_PATH, parseDecisionsFile, toReviewerDecision, type Decision } from '../../core/decisions';
import type { Finding } from '../../core/types';
import { buildReport, formatFromFileName, renderReport, REPORT_FORMATS, type ReportFormat } from '../../core/report/render';
import type { ComplianceReport } from '../../core/report/types';
import { InputError } from '../../node/contractFiles';
import { clausesOf, type CheckedContract } from '../../node/contractCheck';
import { oneOf, parseArgs, UsageError } from '../args';
import { EXIT, type CliIO } from '../io';
import { notLoadedList, reportTargetProblem, writeReportFile } from '../reportOutput';
import { checkContracts } from '../services';
import { TOOL } from '../version';

export const REPORT_USAGE = `Usage: clauseguard report [--format html|md|json|sarif|csv] [--output FILE [--force]] [--reviewer NAME]
                          [--decisions FILE] [--lists PATH]... [--accept-smaller-list] PATH...

Writes a compliance report for contracts (.md, .markdown, .txt files, or folders of them):
  html   a self-contained page (open it in a browser; print it to PDF)
  md     Markdown      json   the "check --format json" schema plus report fields
  sarif  SARIF 2.1.0 (GitHub code scanning and other viewers)      csv   one row per finding
--format defaults to the --output file's ending, else md. Without --output the report goes to standard output.
--reviewer defaults to git's user.name, else the operating-system user.
--decisions defaults to .clauseguard/decisions.json in the current folder, when there is one.
--output never replaces a file the report reads; an existing file only with --force.
Exit status: 0 report written, 2 usage error, unreadable input, or a list that could not be loaded
(the report is still written and names the list).`;

/** `clauseguard report`: check the given contracts and write one report. */
export async function reportCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'output', 'reviewer', 'decisions'], repeatable: ['lists'], booleans: ['help', 'force', 'accept-smaller-list'] });
  if (args.flags.has('help')) {
    io.out(REPORT_USAGE + '\n');
    return EXIT.ok;
  }
  if (args.positional.length === 0) throw new UsageError('give at least one file or folder to report on');
  const output = args.values.output;
  const format: ReportFormat = oneOf('format', args.values.format, REPORT_FORMATS, (output && formatFromFileName(output)) || 'md');
  const refused = output && reportTargetProblem({ output, cwd: io.cwd, inputs: [...args.positional, ...(args.lists.lists ?? []), args.values.decisions ?? DECISIONS_PATH], force: args.flags.has('force') });
  if (refused) {
    io.err(`clauseguard: ${refused}\n`);
    return EXIT.usage;
  }

  let decisions: Decision[];
  let listOrFileProblems = false;
  let report: ComplianceReport;
  try {
    decisions = readDecisions(args.values.decisions, io.cwd, io);
    // Paths are relative to the caller's folder (io.cwd), which tests and embedders set.
    const run = await checkContracts(
      args.positional.map((p) => resolve(io.cwd, p)),
      args.lists.lists ?? [],
      io.cwd,
      { partyScreening: true, stopOnListProblems: false, acceptSmallerList: args.flags.has('accept-smaller-list') },
    );
    for (const p of run.problems) io.err(`clauseguard: ${p}\n`);
    for (const f of run.failed) io.err(`clauseguard: ${f.path}: not checked: ${f.reason}\n`);
    listOrFileProblems = run.problems.length + run.failed.length > 0;
    // A previous report written into the folder under review is not a contract.
    const target = output ? resolve(io.cwd, output) : undefined;
    const checked = (run.checked ?? []).filter((c) => resolve(io.cwd, c.path) !== target);
    report = buildReport({
      tool: TOOL,
      generatedAt: new Date(),
      reviewer: args.values.reviewer ?? defaultReviewer(io.cwd),
      lists: [...run.lists, ...run.problems.map(notLoadedList)],
      config: DEFAULT_CONFIG,
      clauseLibrary: loadClauseLibrary(BUNDLED_CLAUSE_FILES),
      files: checked.map((c) => ({
        path: c.path,
        sha256: c.sha256,
        result: withDecisions(c, decisions, io.cwd),
        clauses: clausesOf(c),
        ...(c.screening ? { screening: c.screening } : {}),
      })),
    });
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`clauseguard: ${e.path}: ${e.reason}\n`);
      return EXIT.usage;
    }
    throw e;
  }

  const text = renderReport(report, format);
  // A list that failed to load or a file not read: the report says so, and the run does not end as clean.
  const done = listOrFileProblems ? EXIT.usage : EXIT.ok;
  if (!output) {
    io.out(text);
    return done;
  }
  try {
    writeReportFile(io.cwd, output, text);
  } catch (e) {
    io.err(`clauseguard: cannot write the report to ${output}: ${(e as Error).message}\n`);
    return EXIT.usage;
  }
  const t = report.totals;
  io.err(`clauseguard: wrote ${format} report on ${t.files} contract(s) (${t.byStatus.fail} fail, ${t.byStatus.attention} need attention, ${t.byStatus.pass} pass) to ${output}\n`);
  return done;
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
 * Reads `.clauseguard/decisions.json` (or --decisions FILE). A named file that is missing, or a file
 * that cannot be read at all, is an error; skipped entries are reported as warnings.
 */
function readDecisions(path: string | undefined, cwd: string, io: CliIO): Decision[] {
  const file = path ? resolve(cwd, path) : resolve(cwd, DECISIONS_PATH);
  if (!path && !existsSync(file)) return [];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(path ?? file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message);
  }
  const parsed = parseDecisionsFile(text);
  if (parsed.fatal) throw new InputError(path ?? file, parsed.problems[0] ?? 'cannot be read');
  for (const p of parsed.problems) io.err(`clauseguard: ${p}\n`);
  return parsed.decisions;
}

/**
 * Applies the decisions recorded for this contract, as the editor does: "not a match" findings move to
 * `suppressed`; every decided finding carries its decision (marked when it no longer applies).
 */
function withDecisions(contract: CheckedContract, decisions: readonly Decision[], cwd: string): CheckedContract['result'] {
  const result = contract.result;
  const rel = relative(cwd, resolve(cwd, contract.path)).split(sep).join('/');
  const mine = decisions.filter((d) => d.file === rel);
  if (!mine.length) return result;
  const outcome = applyDecisions(contract.text, result.findings, mine);
  const decided = (f: Finding): Finding => {
    const s = outcome.status.get(f);
    return s ? { ...f, data: { ...f.data, decision: toReviewerDecision(s.decision, s.state === 'stale') } } : f;
  };
  return { ...result, findings: outcome.findings.map(decided), suppressed: [...result.suppressed, ...outcome.suppressed] };
}
