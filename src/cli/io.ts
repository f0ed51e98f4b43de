import { escapeForTerminal } from './terminalText';

/** Where a command writes; tests pass buffers, main() passes the process streams. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

/** On a terminal, control characters from contracts and file names are shown escaped (see terminalText.ts). */
const forStream = (stream: NodeJS.WriteStream) => (t: string) => {
  stream.write(stream.isTTY ? escapeForTerminal(t) : t);
};

export const processIO: CliIO = {
  out: forStream(process.stdout),
  err: forStream(process.stderr),
  cwd: process.cwd(),
};

/**
 * `clauseguard check … | head` closes the pipe early: that is the reader's choice, not an error.
 * End quietly (status 0 as far as the writer knows, as other command-line tools do) instead of dying
 * with an EPIPE stack trace.
 */
export function endQuietlyOnClosedPipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
}

/** Exit codes, the stable interface for CI pipelines. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
