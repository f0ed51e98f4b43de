import { resolve } from 'node:path';
import { describeOrigins, resolveConfig } from '../../core/index';
import { oneOf, parseArgs } from '../args';
import { ProjectFinder } from '../../node/project';
import { EXIT, type CliIO } from '../io';

export const CONFIG_USAGE = `Usage: clauseguard config [PATH] [--format text|json] [--config FILE]

Shows the configuration "clauseguard check" uses for PATH (a contract or folder; default: the current
folder) and where each value came from: the defaults or .clauseguard/config.json (the nearest above it).`;

export function configCommand(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, { values: ['format', 'config'], booleans: ['help'] });
  if (args.flags.has('help')) {
    io.out(CONFIG_USAGE + '\n');
    return EXIT.ok;
  }
  const format = oneOf('format', args.values.format, ['text', 'json'] as const, 'text');
  const target = resolve(io.cwd, args.positional[0] ?? '.');
  const project = new ProjectFinder(args.values.config ? { configFile: resolve(io.cwd, args.values.config) } : {}).forFile(resolve(target, 'x'));
  const resolved = resolveConfig([project.layer]);
  const problems = [...project.problems, ...resolved.problems];
  if (format === 'json') io.out(JSON.stringify({ project: project.root, configFile: project.configFile ?? null, config: resolved.config, origins: resolved.origins, problems }, null, 2) + '\n');
  else {
    io.out(`Project folder: ${project.root}\nConfiguration file: ${project.configFile ?? '(none: defaults)'}\n\n${describeOrigins(resolved.origins)}\n`);
    for (const p of problems) io.out(`\nProblem: ${p}`);
    if (problems.length) io.out('\n');
  }
  return problems.length ? EXIT.usage : EXIT.ok;
}
