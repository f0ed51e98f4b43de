/** Where a command writes; tests pass buffers, main() passes the process streams. */
export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  cwd: string;
}

export const processIO: CliIO = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  cwd: process.cwd(),
};

/** Exit codes, the stable interface for CI pipelines. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;
