import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../../node/contractFiles';
import { oneOf, parseArgs, UsageError } from '../args';
import { EXIT, type CliIO } from '../io';
import { checkContracts, DecisionsUnreadable, type CheckedContracts } from '../checkRun';
import { chainDot, chainJson, chainMermaid, chainText, type ConsentDecision, CONSENTS_PATH, contractFactsFromText, parseConsentsFile, reviewChain } from '../../core/index';

export const CHAIN_USAGE = `Usage: clauseguard chain [--format text|json|mermaid|dot] [--consents FILE] [--lists PATH]... PATH...

Follows the work from the customer at the top down every tier of subcontractors across the given
contracts (files, or folders of them): parties are linked by name as the screening folds names, and the
chain rules report subcontracts without recorded consent, terms not flowed down, sanctioned parties and
sanctioned places down the chain.
  text     the chains as trees, then the findings      json      parties, links and findings
  mermaid  a Mermaid flowchart                          dot       Graphviz DOT
--consents defaults to ${CONSENTS_PATH} in the current folder, when there is one.
Exit status: 0 no error-severity chain findings, 1 error findings, 2 usage error or unreadable input.`;

export async function chainCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const args = parseArgs(argv, { values: ['format', 'consents'], repeatable: ['lists'], booleans: ['help'] });
  if (args.flags.has('help')) {
    io.out(CHAIN_USAGE + '\n');
    return EXIT.ok;
  }
  const format = oneOf('format', args.values.format, ['text', 'json', 'mermaid', 'dot'] as const, 'text');
  if (args.positional.length === 0) throw new UsageError('give at least one file or folder');
  let run: CheckedContracts;
  let consents: ConsentDecision[];
  try {
    consents = readConsents(args.values.consents, io);
    run = await checkContracts(args.positional, io.cwd, { extraListPaths: args.lists.lists ?? [], partyScreening: false, stopOnListProblems: true });
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`clauseguard: ${e.path}: ${e.reason}\n`);
      return EXIT.usage;
    }
    if (e instanceof DecisionsUnreadable) {
      io.err(`clauseguard: ${e.reason}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  if (!run.checked) {
    for (const p of run.listProblems) io.err(`clauseguard: cannot load sanctions list ${p}\n`);
    return EXIT.usage;
  }
  // The checks ran on worker threads, which keep no model: rebuild it from the same text.
  const facts = run.checked.map((c) => contractFactsFromText(c.path, c.text, c.review.findings));
  const review = reviewChain(facts, { consents, config: run.config.check });
  for (const e of review.ruleErrors) io.err(`clauseguard: internal error in chain rule ${e.rule}: ${e.message}\n`);
  if (format === 'json') io.out(JSON.stringify(chainJson(review), null, 2) + '\n');
  else if (format === 'mermaid') io.out(chainMermaid(review));
  else if (format === 'dot') io.out(chainDot(review));
  else io.out(chainText(review));
  return review.findings.some((f) => f.severity === 'error') ? EXIT.findings : EXIT.ok;
}

function readConsents(path: string | undefined, io: CliIO): ConsentDecision[] {
  const file = resolve(io.cwd, path ?? CONSENTS_PATH);
  if (!path && !existsSync(file)) return [];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(path ?? file, (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message);
  }
  const parsed = parseConsentsFile(text);
  if (parsed.fatal) throw new InputError(path ?? file, parsed.problems[0]);
  for (const p of parsed.problems) io.err(`clauseguard: ${path ?? CONSENTS_PATH}: ${p}\n`);
  return parsed.consents;
}
