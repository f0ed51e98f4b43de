import { resolve } from 'node:path';
import { oneOf, parseArgs } from '../args';
import { ProjectFinder } from '../../node/project';
import { EXIT, type CliIO } from '../io';

export const DECISIONS_USAGE = `Usage: clauseguard decisions [PATH] [--format text|json] [--config FILE]

Lists the reviewers' decisions recorded in the project of PATH (a contract or a folder; default: the
current folder): the nearest .clauseguard/decisions.json above it.
Exit status: 0 listed (also when there are none), 2 usage error or an unreadable decisions file.`;

export function decisionsCommand(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, { values: ['format', 'config'], booleans: ['help'] });
  if (args.flags.has('help')) {
    io.out(DECISIONS_USAGE + '\n');
    return EXIT.ok;
  }
  const format = oneOf('format', args.values.format, ['text', 'json'] as const, 'text');
  const target = resolve(io.cwd, args.positional[0] ?? '.');
  // A folder's project is found from the folder itself; a file's from its folder.
  const project = new ProjectFinder(args.values.config ? { configFile: resolve(io.cwd, args.values.config) } : {}).forFile(resolve(target, 'x'));
  if (project.decisionsFatal) {
    io.err(`clauseguard decisions: ${project.decisionsFatal}\n`);
    return EXIT.usage;
  }
  for (const p of project.problems) io.err(`clauseguard decisions: warning: ${p}\n`);
  if (format === 'json') {
    io.out(JSON.stringify({ file: project.decisionsFile, decisions: project.decisions }, null, 2) + '\n');
    return EXIT.ok;
  }
  if (!project.decisions.length) {
    io.out(`No decisions recorded in ${project.decisionsFile}.\n`);
    return EXIT.ok;
  }
  io.out(`${project.decisions.length} decision(s) in ${project.decisionsFile}:\n`);
  for (const d of project.decisions) {
    io.out(`${d.file}: ${d.verdict} “${d.matchedText}” — ${d.entry.primaryName || d.entityId} [${d.entityId}]\n    ${d.reason} (${d.reviewer}, ${d.date.slice(0, 10)}; list ${d.listVersion.id} of ${d.listVersion.date || 'unknown date'})\n    context: ${d.context}\n`);
  }
  return EXIT.ok;
}
