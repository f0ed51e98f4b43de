import { UsageError } from './args';
import { chainCommand } from './commands/chain';
import { checkCommand, CHECK_USAGE } from './commands/check';
import { configCommand } from './commands/config';
import { decideCommand } from './commands/decide';
import { decisionsCommand } from './commands/decisions';
import { outlineCommand } from './commands/outline';
import { reportCommand } from './commands/report';
import { screenCommand } from './commands/screen';
import { endQuietlyOnClosedPipe, EXIT, processIO, type CliIO } from './io';
import { TOOL } from './version';

/** For bin/clauseguard.js. */
export { endQuietlyOnClosedPipe } from './io';

type Command = (argv: readonly string[], io: CliIO) => number | Promise<number>;

/** Subcommands. Each lives in src/cli/commands/<name>.ts. */
const COMMANDS: Record<string, { run: Command; summary: string }> = {
  check: { run: checkCommand, summary: 'check contracts and list findings (exit 1 on errors)' },
  config: { run: configCommand, summary: 'show the effective configuration for a contract and where each value came from' },
  decide: { run: decideCommand, summary: 'record a reviewer’s decision on a finding (not a match / confirmed match)' },
  decisions: { run: decisionsCommand, summary: 'list the decisions recorded for a project' },
  chain: { run: chainCommand, summary: 'follow the work down the chain of contracts and subcontracts' },
  outline: { run: outlineCommand, summary: 'print the clause tree, parties and defined terms of a contract' },
  report: { run: reportCommand, summary: 'write a compliance report (html, md, json, sarif, csv)' },
  screen: { run: screenCommand, summary: 'search the sanctions lists for a name (exit 1 on a match)' },
};

export const USAGE = () => `ClauseGuard ${TOOL.version} — contract review from the command line

Usage: clauseguard <command> [options]

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(9)} ${c.summary}`)
  .join('\n')}

Run "clauseguard <command> --help" for a command's options.

${CHECK_USAGE}
`;

export async function main(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(USAGE());
    return name ? EXIT.ok : EXIT.usage;
  }
  if (name === '--version') {
    io.out(TOOL.version + '\n');
    return EXIT.ok;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.err(`clauseguard: unknown command "${name}". Commands: ${Object.keys(COMMANDS).join(', ')}.\n`);
    return EXIT.usage;
  }
  try {
    return await command.run(rest, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`clauseguard ${name}: ${e.message}\nRun "clauseguard ${name} --help" for usage.\n`);
      return EXIT.usage;
    }
    io.err(`clauseguard ${name}: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return EXIT.usage;
  }
}

// Run when started directly (node dist/cli.js); bin/clauseguard.js calls main() itself.
if (require.main === module) {
  endQuietlyOnClosedPipe();
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
