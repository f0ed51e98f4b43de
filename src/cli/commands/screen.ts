import type { ScreeningMatch } from '../../core/index';
import { oneOf, parseArgs, UsageError } from '../args';
import { EXIT, type CliIO } from '../io';
import { loadCheckServices } from '../../node/contractCheck';

export const SCREEN_USAGE = `Usage: clauseguard screen NAME [--format text|json] [--limit N] [--min-score S] [--weak] [--lists PATH]...

Searches the loaded sanctions lists (the bundled OFAC SDN, OFAC non-SDN and UN snapshot, plus --lists files)
for a person or organisation name and prints the best matches with their score (0..1) and why they matched.
--weak also searches weak a.k.a.s (OFAC does not expect them to be screened).
Exit status: 0 no match at or above the minimum score, 1 at least one match, 2 usage error or unreadable list.`;

/** JSON shape of one match (stable: CLI JSON v1). */
export function matchJson(m: ScreeningMatch) {
  const e = m.entity;
  return {
    score: m.score,
    name: m.name,
    nameKind: m.nameKind,
    entity: {
      id: e.id,
      list: e.list,
      primaryName: e.primaryName,
      type: e.type,
      programs: e.programs,
      aliases: e.aliases.map((a) => ({ name: a.name, quality: a.quality, ...(a.kind ? { kind: a.kind } : {}) })),
      addresses: e.addresses,
      countries: e.countries,
      identifiers: e.identifiers,
      ...(e.listedOn ? { listedOn: e.listedOn } : {}),
      ...(e.remarks ? { remarks: e.remarks } : {}),
    },
    ...(m.list ? { listInfo: { name: m.list.name, date: m.list.date, sha256: m.list.sha256 } } : {}),
    explanation: m.explanation,
  };
}

export function screenCommand(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, { values: ['format', 'limit', 'min-score'], repeatable: ['lists'], booleans: ['weak', 'help'] });
  if (args.flags.has('help')) {
    io.out(SCREEN_USAGE + '\n');
    return EXIT.ok;
  }
  const query = args.positional.join(' ').trim();
  if (!query) throw new UsageError('give the name to search for, e.g. clauseguard screen "SEK Studio"');
  if (query.length > 500) throw new UsageError('the name is longer than 500 characters');
  const format = oneOf('format', args.values.format, ['text', 'json'] as const, 'text');
  const limit = args.values.limit === undefined ? 10 : Number(args.values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new UsageError('--limit must be a whole number from 1 to 1000');
  const minScore = args.values['min-score'] === undefined ? 0.5 : Number(args.values['min-score']);
  if (!(minScore >= 0 && minScore <= 1)) throw new UsageError('--min-score must be a number from 0 to 1');

  const loaded = loadCheckServices(args.lists.lists ?? []);
  for (const p of loaded.problems) io.err(`clauseguard screen: could not load a list: ${p}\n`);
  if (loaded.problems.length) return EXIT.usage;
  const matches = loaded.reviewer.search(query, { limit, minScore, includeWeak: args.flags.has('weak') });

  if (format === 'json') {
    io.out(JSON.stringify({ query, lists: loaded.lists, matches: matches.map(matchJson) }, null, 2) + '\n');
  } else {
    io.out(`Screening "${query}" against ${loaded.lists.map((l) => `${l.name} (${l.date}, ${l.entries.toLocaleString('en')} entries)`).join('; ')}\n\n`);
    if (!matches.length) io.out(`No listed name scores ${minScore} or more.\n`);
    for (const m of matches) {
      const e = m.entity;
      io.out(`${Math.round(m.score * 100).toString().padStart(3)}  ${e.primaryName}  [${e.id}; ${e.type}${e.programs.length ? '; ' + e.programs.join(', ') : ''}]\n`);
      if (m.name !== e.primaryName) io.out(`     matched ${m.nameKind}: ${m.name}\n`);
      if (e.addresses.length) io.out(`     address: ${e.addresses.slice(0, 2).join(' | ')}${e.addresses.length > 2 ? ` (+${e.addresses.length - 2})` : ''}\n`);
      io.out(`     why: ${m.explanation}\n`);
    }
  }
  return matches.length ? EXIT.findings : EXIT.ok;
}
