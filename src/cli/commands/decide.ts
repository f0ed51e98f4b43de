import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { backupName, clauseKeyAt, clauseLookup, createDecision, parseDecisionsFile, serializeDecisions, upsertDecision, type Finding, type Verdict } from '../../core/index';
import { writeFileAtomicSync } from '../../node/atomicWrite';
import { InputError } from '../../node/contractFiles';
import { decisionPath } from '../../node/project';
import { reviewerNameSync } from '../../node/reviewerName';
import { oneOf, parseArgs, UsageError } from '../args';
import { checkContracts, DecisionsUnreadable } from '../checkRun';
import { EXIT, type CliIO } from '../io';

export const DECIDE_USAGE = `Usage: clauseguard decide FILE --rule RULE --line L [--character C]
                          --verdict not-a-match|confirmed-match --reason TEXT [--reviewer NAME]
                          [--config FILE] [--lists PATH]...

Records a reviewer's decision on a finding, exactly as the editor's "Mark as not a match…" and
"Mark as confirmed match…" do: in .clauseguard/decisions.json of the contract's project (the nearest
.clauseguard/ folder above it, else a new one in the contract's folder), with who, when, why, the
list version and the words around the match. L and C are 1-based, as "clauseguard check" prints them.
"not-a-match" hides the finding from check, report and the editor (it is listed as suppressed);
"confirmed-match" keeps it and makes it an error.
--reviewer defaults to reviewer.name in .clauseguard/config.json, else git's "user.name <user.email>".
Exit status: 0 recorded, 2 usage error, no such finding, or an unreadable decisions file.`;

export async function decideCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['rule', 'line', 'character', 'verdict', 'reason', 'reviewer', 'config'], repeatable: ['lists'], booleans: ['help'] });
  if (args.flags.has('help')) {
    io.out(DECIDE_USAGE + '\n');
    return EXIT.ok;
  }
  if (args.positional.length !== 1) throw new UsageError('give exactly one contract file');
  const rule = args.values.rule;
  if (!rule) throw new UsageError('--rule is required (the rule id "clauseguard check" prints in brackets)');
  const line = positive('line', args.values.line, true)!;
  const character = positive('character', args.values.character, false);
  if (!args.values.verdict) throw new UsageError('--verdict is required: not-a-match or confirmed-match');
  const verdict: Verdict = oneOf('verdict', args.values.verdict, ['not-a-match', 'confirmed-match'] as const, 'not-a-match');
  const reason = args.values.reason?.trim();
  if (!reason) throw new UsageError('--reason is required: say why this is (or is not) the listed party; it is part of the audit trail');

  let run;
  try {
    run = await checkContracts(args.positional, io.cwd, {
      ...(args.values.config ? { configFile: args.values.config } : {}),
      extraListPaths: args.lists.lists ?? [],
      partyScreening: false,
      stopOnListProblems: true,
    });
  } catch (e) {
    if (e instanceof InputError) return fail(io, `${e.path}: ${e.reason}`);
    if (e instanceof DecisionsUnreadable) return fail(io, `${e.reason}. Fix or move that file first: ClauseGuard does not write over a decisions file it cannot read.`);
    throw e;
  }
  if (!run.checked) return fail(io, `cannot load sanctions list ${run.listProblems[0]}`);
  const contract = run.checked[0];
  if (!contract) return fail(io, `${args.positional[0]} could not be checked`);
  const project = run.projects.get(contract.path)!;
  const candidates: Finding[] = [...contract.review.findings, ...contract.review.suppressed.filter((s) => s.suppression.kind === 'decision').map((s) => s.finding)].filter(
    (f) => f.rule === rule && f.range.start.line + 1 === line && (character === undefined || f.range.start.character + 1 === character),
  );
  if (!candidates.length) {
    const here = contract.review.findings.filter((f) => f.range.start.line + 1 === line).map((f) => `[${f.rule}] at ${line}:${f.range.start.character + 1}`);
    return fail(io, `${contract.path}:${line}: no ${rule} finding starts on this line${here.length ? ` (there is ${here.join(', ')})` : ''}. Run "clauseguard check ${contract.path}" to see the findings and their lines.`);
  }
  if (candidates.length > 1) {
    return fail(io, `${contract.path}:${line}: ${candidates.length} ${rule} findings start on this line; say which with --character (${candidates.map((f) => `${f.range.start.character + 1} for “${f.text}”`).join(', ')}).`);
  }
  const finding = candidates[0];
  const list = finding.match ? run.lists.find((l) => l.id === finding.match!.entity.list) : undefined;
  const clause = clauseKeyAt(clauseLookup(contract.review.clauses), finding.span.start);
  const decision = createDecision({
    ...(clause ? { clause } : {}),
    file: decisionPath(project, resolve(io.cwd, contract.path)),
    text: contract.text,
    finding: { ...finding, decision: undefined },
    verdict,
    reason,
    reviewer: args.values.reviewer ?? reviewerNameSync(run.config.reviewer, project.root),
    date: new Date().toISOString(),
    listVersion: list ? { id: list.id, date: list.date, sha256: list.sha256 } : { id: finding.match?.entity.list ?? 'none', date: '', sha256: '' },
  });

  // Re-read just before writing: keep every other decision, and back up a file that was damaged.
  const file = project.decisionsFile;
  const existing = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const parsed = existing === undefined ? { decisions: [], problems: [], fatal: false } : parseDecisionsFile(existing);
  if (parsed.fatal) return fail(io, `${relative(io.cwd, file) || file}: ${parsed.problems[0]}`);
  if (existing !== undefined && parsed.problems.length) {
    const backup = join(dirname(file), backupName(new Date()));
    copyFileSync(file, backup);
    io.err(`clauseguard: ${relative(io.cwd, file)} had entries that could not be read; copied it to ${relative(io.cwd, backup)} first.\n`);
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomicSync(file, serializeDecisions(upsertDecision(parsed.decisions, decision)));
  io.out(`Recorded “${verdict}” for “${finding.text}” (${finding.match ? `${finding.match.entity.primaryName} [${finding.match.entity.id}]` : rule}) in ${relative(io.cwd, file) || file}, by ${decision.reviewer}.\n`);
  return EXIT.ok;
}

function positive(name: string, v: string | undefined, required: boolean): number | undefined {
  if (v === undefined) {
    if (required) throw new UsageError(`--${name} is required (1-based, as "clauseguard check" prints it)`);
    return undefined;
  }
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number from 1 (got "${v}")`);
  return n;
}

function fail(io: CliIO, message: string): number {
  io.err(`clauseguard decide: ${message}\n`);
  return EXIT.usage;
}
