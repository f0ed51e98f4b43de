import { InputError, readContract } from '../../node/contractFiles';
import { oneOf, parseArgs, UsageError } from '../args';
import { EXIT, type CliIO } from '../io';
import { buildContractModel, type Clause, clauseLabel, type ContractModel, type Span } from '../../core/index';

export const OUTLINE_USAGE = `Usage: clauseguard outline [--format text|json] FILE

Prints what ClauseGuard reads in a contract: the clause tree (numbers, titles, 0-based line:character
ranges), the parties with their defined roles, and the defined terms with how often each is used.
Useful to see why a rule did or did not find a clause.`;

export function outlineCommand(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, { values: ['format'], booleans: ['help'] });
  if (args.flags.has('help')) {
    io.out(OUTLINE_USAGE + '\n');
    return EXIT.ok;
  }
  const format = oneOf('format', args.values.format, ['text', 'json'] as const, 'text');
  if (args.positional.length !== 1) throw new UsageError('give exactly one contract file');
  let model: ContractModel;
  try {
    model = buildContractModel(readContract(args.positional[0], io.cwd).doc);
  } catch (e) {
    if (e instanceof InputError) {
      io.err(`clauseguard: ${e.path}: ${e.reason}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  io.out(format === 'json' ? JSON.stringify(outlineJson(model), null, 2) + '\n' : outlineText(model));
  return EXIT.ok;
}

const range = (model: ContractModel, span: Span) => model.doc.lines.rangeOf(span);
const at = (model: ContractModel, span: Span) => {
  const r = range(model, span);
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
};

export function outlineJson(model: ContractModel) {
  const clause = (c: Clause): unknown => ({
    id: c.id,
    label: clauseLabel(c),
    number: c.number,
    title: c.title,
    marker: c.marker,
    level: c.level,
    heading: c.headingText,
    headingRange: range(model, c.headingSpan),
    range: range(model, c.span),
    children: c.children.map(clause),
  });
  return {
    file: model.doc.uri,
    format: model.doc.format,
    title: model.title?.text,
    clauses: model.clauses.map(clause),
    parties: model.parties.map((p) => ({ name: p.name, role: p.role, description: p.description, source: p.source, range: range(model, p.nameSpan) })),
    definedTerms: model.definedTerms.map((t) => ({ term: t.term, range: range(model, t.termSpan), uses: t.uses.length, definition: t.definition })),
    counts: { clauses: model.allClauses.length, sentences: model.sentences.length, paragraphs: model.paragraphs.length },
  };
}

export function outlineText(model: ContractModel): string {
  const out: string[] = [`${model.doc.uri}${model.title ? ` — ${model.title.text}` : ''}`, ''];
  out.push(`Clauses (${model.allClauses.length}):`);
  const walk = (list: Clause[], depth: number) => {
    for (const c of list) {
      out.push(`${'  '.repeat(depth)}${clauseLabel(c)}  [${c.marker}] ${at(model, c.span)}`);
      walk(c.children, depth + 1);
    }
  };
  walk(model.clauses, 1);
  out.push('', `Parties (${model.parties.length}):`);
  for (const p of model.parties) out.push(`  ${p.name}${p.role ? ` ("${p.role}")` : ''}${p.description ? ` — ${p.description}` : ''} [${p.source}] ${at(model, p.nameSpan)}`);
  out.push('', `Defined terms (${model.definedTerms.length}):`);
  for (const t of model.definedTerms) out.push(`  "${t.term}" ${at(model, t.termSpan)}, used ${t.uses.length}×`);
  out.push('', `${model.sentences.length} sentences in ${model.paragraphs.length} paragraphs.`, '');
  return out.join('\n');
}
