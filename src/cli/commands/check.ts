import { findingJsonV1, suppressionCounts, toReviewerDecision, type ListInfo, type SuppressedFinding } from '../../core/index';
import { InputError } from '../../node/contractFiles';
import type { CheckedContract } from '../../node/contractCheck';
import { oneOf, parseArgs, UsageError } from '../args';
import { checkContracts, DecisionsUnreadable, type CheckedContracts } from '../checkRun';
import { flagLayer, REVIEW_FLAGS, reviewOptions } from '../reviewFlags';
import { EXIT, type CliIO } from '../io';
import { escapeLine } from '../terminalText';
import { TOOL } from '../version';

export const CHECK_USAGE = `Usage: clauseguard check [--format text|json] [--lists PATH]... [--accept-smaller-list] [--config FILE]
                         [--no-decisions] [--no-inline-config] [--timings] PATH...

Checks contracts (.md, .markdown, .txt files, or folders of them; in folders, only files that read like
a contract or are named *.contract.md / *.contract.txt; the others are named as skipped). Each file is
checked with the configuration and reviewers' decisions of its project: the nearest .clauseguard/ folder
above it (config.json, decisions.json).
  --config FILE          use this configuration file for every contract
  --no-decisions         ignore recorded decisions (show every finding)
  --no-inline-config     ignore clauseguard-disable comments in the contracts
  --accept-smaller-list  accept a --lists file that has lost more than 5% of the entries of the bundled list
  --timings              add parse and rule times to text output (JSON output always has them)
Exit status: 0 no error-severity findings, 1 error findings, 2 usage error, a list that could not be
loaded, or a file that could not be read (the other files are still checked).`;

export async function checkCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'config'], repeatable: ['lists'], booleans: ['timings', 'help', 'accept-smaller-list', ...REVIEW_FLAGS] });
  if (args.flags.has('help')) {
    io.out(CHECK_USAGE + '\n');
    return EXIT.ok;
  }
  const format = oneOf('format', args.values.format, ['text', 'json'] as const, 'text');
  if (args.positional.length === 0) throw new UsageError('give at least one file or folder to check');
  let run: CheckedContracts;
  try {
    run = await checkContracts(args.positional, io.cwd, {
      ...reviewOptions(args, io.cwd),
      extraListPaths: args.lists.lists ?? [],
      flagLayer: flagLayer(args),
      partyScreening: false,
      stopOnListProblems: true,
      acceptSmallerList: args.flags.has('accept-smaller-list'),
    });
  } catch (e) {
    if (e instanceof InputError) {
      io.err(escapeLine(`clauseguard: ${e.path}: ${e.reason}`) + '\n');
      return EXIT.usage;
    }
    if (e instanceof DecisionsUnreadable) {
      io.err(`clauseguard: ${e.reason} (run with --no-decisions to check without them)\n`);
      return EXIT.usage;
    }
    throw e;
  }
  for (const p of run.configProblems) io.err(`clauseguard: warning: ${p}\n`);
  if (!run.checked) {
    // A list the user asked for could not be read: checking without it would screen less than they think.
    for (const p of run.listProblems) io.err(escapeLine(`clauseguard: cannot load sanctions list ${p}`) + '\n');
    return EXIT.usage;
  }
  const checked = run.checked;
  for (const w of run.warnings) io.err(escapeLine(`clauseguard: warning: ${w.path}: ${w.reason}`) + '\n');
  for (const f of run.failed) io.err(escapeLine(`clauseguard: ${f.path}: ${f.reason} (not checked)`) + '\n');
  if (format === 'json') io.out(JSON.stringify({ ...toJsonV1(checked, run.lists), skipped: run.skipped, failed: run.failed }, null, 2) + '\n');
  else io.out(toText(checked, args.flags.has('timings'), run));
  // A file that could not be read was not checked: the run must not look clean.
  if (run.failed.length) return EXIT.usage;
  const hasError = checked.some((c) => c.review.findings.some((f) => f.severity === 'error'));
  return hasError ? EXIT.findings : EXIT.ok;
}

/** CLI JSON output, version 1: later versions add fields but never rename these. */
export function toJsonV1(checked: readonly CheckedContract[], lists: readonly ListInfo[], includeTimings = true, skipped: readonly string[] = []) {
  return {
    tool: TOOL,
    lists: lists.map((l) => ({ id: l.id, name: l.name, date: l.date, entries: l.entries, sha256: l.sha256 })),
    files: checked.map(({ path, sha256, review }) => ({
      path,
      sha256,
      findings: review.findings.map((f) => ({ ...findingJsonV1(f), ...(f.decision ? { decision: toReviewerDecision(f.decision.decision, f.decision.state === 'stale') } : {}) })),
      suppressed: review.suppressed.map(suppressedJson),
      ...(review.directiveProblems.length ? { inlineCommentProblems: review.directiveProblems.map((p) => ({ line: p.line, message: p.message })) } : {}),
      ...(review.ruleErrors.length ? { ruleErrors: review.ruleErrors } : {}),
      ...(includeTimings ? { timings: { parseMs: round(review.timings.parseMs), rulesMs: round(review.timings.rulesMs) } } : {}),
    })),
    ...(skipped.length ? { skipped: skipped.map((path) => ({ path, reason: 'does not read like a contract' })) } : {}),
  };
}

/** A suppressed finding: the finding as in `findings`, with why it is suppressed (the report's shape). */
function suppressedJson(s: SuppressedFinding) {
  return { ...findingJsonV1(s.finding), suppression: s.suppression };
}

function toText(checked: readonly CheckedContract[], timings: boolean, notes: Pick<CheckedContracts, 'skipped' | 'failed'> = { skipped: [], failed: [] }): string {
  const lines: string[] = [];
  const counts = { error: 0, warning: 0, info: 0 };
  for (const contract of checked) {
    const review = contract.review;
    for (const f of review.findings) {
      counts[f.severity]++;
      // 1-based line:column for people and terminals that make them clickable.
      lines.push(`${contract.path}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} [${f.rule}] ${f.message}`);
    }
    for (const p of review.directiveProblems) lines.push(`${contract.path}:${p.line + 1}:1: warning [inline-comment] ${p.message}`);
    for (const e of review.ruleErrors) lines.push(`${contract.path}: internal error in rule ${e.rule}: ${e.message}`);
    if (timings) lines.push(`${contract.path}: parsed in ${round(review.timings.parseMs)} ms, rules in ${round(review.timings.rulesMs)} ms`);
  }
  for (const s of notes.skipped) lines.push(`${s.path}: skipped: ${s.reason}`);
  const s = suppressionCounts(checked.map((c) => c.review));
  const hidden = s.inline + s.decision + s.other;
  const suppressed = hidden ? `; ${hidden} suppressed (${[s.decision ? `${s.decision} by reviewers' decisions` : '', s.inline ? `${s.inline} by inline comments` : '', s.other ? `${s.other} other` : ''].filter(Boolean).join(', ')})` : '';
  const extra = [notes.failed.length ? `${notes.failed.length} file(s) could not be read` : '', notes.skipped.length ? `${notes.skipped.length} skipped as not a contract` : ''].filter(Boolean);
  lines.push(`${checked.length} file(s) checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info${suppressed}.${extra.length ? ` ${extra.join('; ')}.` : ''}`);
  // Each line escaped on its own: a file name holding a newline or an escape sequence cannot fake a line.
  return lines.map(escapeLine).join('\n') + '\n';
}

const round = (ms: number) => Math.round(ms * 100) / 100;
