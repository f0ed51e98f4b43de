import type { ListInfo } from '../../core/screening/types';
import { findingJsonV1 } from '../../core/findingJson';
import { InputError } from '../../node/contractFiles';
import type { CheckedContract } from '../../node/contractCheck';
import { oneOf, parseArgs, UsageError } from '../args';
import { EXIT, type CliIO } from '../io';
import { escapeLine } from '../terminalText';
import { checkContracts, type CheckedContracts } from '../services';
import { TOOL } from '../version';

export const CHECK_USAGE = `Usage: clauseguard check [--format text|json] [--lists PATH]... [--accept-smaller-list] [--timings] PATH...

Checks contracts (.md, .markdown, .txt files, or folders of them; in folders, only files that read like
a contract or are named *.contract.md / *.contract.txt; the others are named as skipped). --timings adds
parse and rule times to text output (JSON output always has them). A --lists file that has lost more than
5% of the entries of the bundled list of the same id is refused unless --accept-smaller-list is given.
Exit status: 0 no error-severity findings, 1 error findings, 2 usage error, a list that could not be
loaded, or a file that could not be read (the other files are still checked).`;

export async function checkCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format'], repeatable: ['lists'], booleans: ['timings', 'help', 'accept-smaller-list'] });
  if (args.flags.has('help')) {
    io.out(CHECK_USAGE + '\n');
    return EXIT.ok;
  }
  const format = oneOf('format', args.values.format, ['text', 'json'] as const, 'text');
  if (args.positional.length === 0) throw new UsageError('give at least one file or folder to check');
  let run: CheckedContracts;
  try {
    run = await checkContracts(args.positional, args.lists.lists ?? [], io.cwd, { partyScreening: false, stopOnListProblems: true, acceptSmallerList: args.flags.has('accept-smaller-list') });
  } catch (e) {
    if (e instanceof InputError) {
      io.err(escapeLine(`clauseguard: ${e.path}: ${e.reason}`) + '\n');
      return EXIT.usage;
    }
    throw e;
  }
  if (!run.checked) {
    // A list the user asked for could not be read: checking without it would screen less than they think.
    for (const p of run.problems) io.err(escapeLine(`clauseguard: cannot load sanctions list ${p}`) + '\n');
    return EXIT.usage;
  }
  const checked = run.checked;
  const timings = args.flags.has('timings');
  for (const w of run.warnings) io.err(escapeLine(`clauseguard: warning: ${w.path}: ${w.reason}`) + '\n');
  for (const f of run.failed) io.err(escapeLine(`clauseguard: ${f.path}: ${f.reason} (not checked)`) + '\n');
  if (format === 'json') io.out(JSON.stringify({ ...toJsonV1(checked, run.lists), skipped: run.skipped, failed: run.failed }, null, 2) + '\n');
  else io.out(toText(checked, timings, run));
  // A file that could not be read was not checked: the run must not look clean.
  if (run.failed.length) return EXIT.usage;
  const hasError = checked.some((c) => c.result.findings.some((f) => f.severity === 'error'));
  return hasError ? EXIT.findings : EXIT.ok;
}

/** CLI JSON output, version 1: later versions add fields but never rename these. */
export function toJsonV1(checked: readonly CheckedContract[], lists: readonly ListInfo[], includeTimings = true) {
  return {
    tool: TOOL,
    lists: lists.map((l) => ({ id: l.id, name: l.name, date: l.date, entries: l.entries, sha256: l.sha256 })),
    files: checked.map(({ path, sha256, result }) => ({
      path,
      sha256,
      findings: result.findings.map(findingJsonV1),
      ...(result.ruleErrors.length ? { ruleErrors: result.ruleErrors } : {}),
      ...(includeTimings ? { timings: { parseMs: round(result.timings.parseMs), rulesMs: round(result.timings.rulesMs) } } : {}),
    })),
  };
}

function toText(checked: readonly CheckedContract[], timings: boolean, notes: Pick<CheckedContracts, 'skipped' | 'failed'> = { skipped: [], failed: [] }): string {
  const lines: string[] = [];
  let counts = { error: 0, warning: 0, info: 0 };
  for (const contract of checked) {
    const result = contract.result;
    for (const f of result.findings) {
      counts[f.severity]++;
      // 1-based line:column for people and terminals that make them clickable.
      lines.push(`${contract.path}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} [${f.rule}] ${f.message}`);
    }
    for (const e of result.ruleErrors) lines.push(`${contract.path}: internal error in rule ${e.rule}: ${e.message}`);
    if (timings) lines.push(`${contract.path}: parsed in ${round(result.timings.parseMs)} ms, rules in ${round(result.timings.rulesMs)} ms`);
  }
  counts = counts satisfies Record<string, number>;
  for (const s of notes.skipped) lines.push(`${s.path}: skipped: ${s.reason}`);
  const extra = [notes.failed.length ? `${notes.failed.length} file(s) could not be read` : '', notes.skipped.length ? `${notes.skipped.length} skipped as not a contract` : ''].filter(Boolean);
  lines.push(`${checked.length} file(s) checked: ${counts.error} error(s), ${counts.warning} warning(s), ${counts.info} info.${extra.length ? ` ${extra.join('; ')}.` : ''}`);
  // Each line escaped on its own: a file name holding a newline or an escape sequence cannot fake a line.
  return lines.map(escapeLine).join('\n') + '\n';
}

const round = (ms: number) => Math.round(ms * 100) / 100;
