import { resolve } from 'node:path';
import { chainJson, contractFactsFromText, createReviewer, formatFromFileName, reviewChain, renderReport, REPORT_FORMATS, type ComplianceReport, type ReportFormat } from '../../core/index';
import { notLoadedList, reportTargetProblem, writeReportFile } from '../reportOutput';
import { InputError } from '../../node/contractFiles';
import { reviewerNameSync } from '../../node/reviewerName';
import { oneOf, parseArgs, UsageError } from '../args';
import { checkContracts, DecisionsUnreadable } from '../checkRun';
import { flagLayer, REVIEW_FLAGS, reviewOptions } from '../reviewFlags';
import { EXIT, type CliIO } from '../io';
import { TOOL } from '../version';

export const REPORT_USAGE = `Usage: clauseguard report [--format html|md|json|sarif|csv] [--output FILE [--force]] [--reviewer NAME]
                          [--config FILE] [--decisions FILE] [--no-decisions] [--no-inline-config]
                          [--lists PATH]... [--accept-smaller-list] PATH...

Writes a compliance report for contracts (.md, .markdown, .txt files, or folders of them):
  html   a self-contained page (open it in a browser; print it to PDF)
  md     Markdown      json   the "check --format json" schema plus report fields
  sarif  SARIF 2.1.0 (GitHub code scanning and other viewers)      csv   one row per finding
--format defaults to the --output file's ending, else md. Without --output the report goes to standard output.
Each contract is reviewed with its project's configuration and decisions (the nearest .clauseguard/ folder
above it), exactly as "clauseguard check" and the editor review it.
--reviewer defaults to reviewer.name in .clauseguard/config.json, else git's "user.name <user.email>", else the
operating-system user. --decisions FILE uses that decisions file instead of each project's.
--output never replaces a file the report reads; an existing file only with --force.
Exit status: 0 report written, 2 usage error, unreadable input, or a list that could not be loaded
(the report is still written and names the list).`;

/** `clauseguard report`: check the given contracts and write one report. */
export async function reportCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'output', 'reviewer', 'decisions', 'config'], repeatable: ['lists'], booleans: ['help', 'force', 'accept-smaller-list', ...REVIEW_FLAGS] });
  if (args.flags.has('help')) {
    io.out(REPORT_USAGE + '\n');
    return EXIT.ok;
  }
  if (args.positional.length === 0) throw new UsageError('give at least one file or folder to report on');
  const output = args.values.output;
  const format: ReportFormat = oneOf('format', args.values.format, REPORT_FORMATS, (output && formatFromFileName(output)) || 'md');
  const refused = output && reportTargetProblem({ output, cwd: io.cwd, inputs: [...args.positional, ...(args.lists.lists ?? []), args.values.decisions ?? '.clauseguard/decisions.json'], force: args.flags.has('force') });
  if (refused) {
    io.err(`clauseguard: ${refused}\n`);
    return EXIT.usage;
  }

  let listOrFileProblems = false;
  let report: ComplianceReport;
  try {
    // Paths are relative to the caller's folder (io.cwd), which tests and embedders set.
    const run = await checkContracts(
      args.positional.map((p) => resolve(io.cwd, p)),
      io.cwd,
      { ...reviewOptions(args, io.cwd), extraListPaths: args.lists.lists ?? [], flagLayer: flagLayer(args), partyScreening: true, stopOnListProblems: false, acceptSmallerList: args.flags.has('accept-smaller-list') },
    );
    for (const p of run.configProblems) io.err(`clauseguard: warning: ${p}\n`);
    for (const p of run.listProblems) io.err(`clauseguard: cannot load sanctions list ${p}\n`);
    for (const f of run.failed) io.err(`clauseguard: ${f.path}: not checked: ${f.reason}\n`);
    listOrFileProblems = run.listProblems.length + run.failed.length > 0;
    // A previous report written into the folder under review is not a contract.
    const target = output ? resolve(io.cwd, output) : undefined;
    const checked = (run.checked ?? []).filter((c) => resolve(io.cwd, c.path) !== target);
    const firstRoot = checked.length ? run.projects.get(checked[0].path)?.root : undefined;
    const reviewer = createReviewer({ lists: [...run.lists, ...run.listProblems.map(notLoadedList)], config: run.config.check });
    report = reviewer.report({
      tool: TOOL,
      generatedAt: new Date(),
      reviewer: args.values.reviewer ?? reviewerNameSync(run.config.reviewer, firstRoot ?? io.cwd),
      files: checked.map((c) => ({ path: c.path, sha256: c.sha256, review: c.review })),
      // The "Contract chain" section: the checks may have run on worker threads, so each model is rebuilt from its text.
      chain: chainJson(reviewChain(checked.map((c) => contractFactsFromText(c.path, c.text, c.review.findings)), { config: run.config.check })),
    });
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`clauseguard: ${e.path}: ${e.reason}\n`);
      return EXIT.usage;
    }
    if (e instanceof DecisionsUnreadable) {
      io.err(`clauseguard: ${e.reason} (run with --no-decisions to report without them)\n`);
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
