/**
 * Benchmark helpers: every figure is a median over repeated runs, reported next to a baseline
 * measured in the same process (so the ratio holds across machines). Never used in unit tests.
 */
export interface BenchLine {
  name: string;
  medianMs: number;
  baselineMs?: number;
  /** medianMs / baselineMs */
  ratio?: number;
  target?: string;
  pass?: boolean;
  note?: string;
}

export function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Runs fn `iterations` times after `warmup` runs; returns the median in ms. */
export function measure(fn: () => unknown, iterations = 15, warmup = 3): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

export async function measureAsync(fn: () => Promise<unknown>, iterations = 10, warmup = 2): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** A fixed CPU-bound loop (about 80 ms on this machine when idle): read absolute times through it. */
export function machineSpeed(): number {
  return measure(
    () => {
      let x = 0;
      for (let i = 0; i < 1e8; i++) x += i;
      return x;
    },
    3,
    1,
  );
}

/** The reference line, from speeds measured before and after a bench. */
export function machineSpeedLine(before: number, after: number): BenchLine {
  return {
    name: 'machine speed reference: 1e8-step loop (before / after)',
    medianMs: Math.max(before, after),
    note: `${before.toFixed(0)} / ${after.toFixed(0)} ms; about 80 ms on an idle machine — larger means other processes were competing (or the machine ran slower), so read the absolute targets through the ratios`,
  };
}

/** A bench module: bench/<area>.bench.ts exporting `run`. bench/index.ts runs them all. */
export type BenchModule = { title: string; run: () => Promise<BenchLine[]> | BenchLine[] };

export function formatLines(title: string, lines: BenchLine[]): string {
  const out = [`## ${title}`];
  for (const l of lines) {
    const parts = [`${l.name}: median ${l.medianMs.toFixed(2)} ms`];
    if (l.baselineMs !== undefined) parts.push(`baseline ${l.baselineMs.toFixed(2)} ms`);
    if (l.ratio !== undefined) parts.push(`ratio ${l.ratio.toFixed(2)}×`);
    if (l.target) parts.push(`target ${l.target}`);
    if (l.pass !== undefined) parts.push(l.pass ? 'PASS' : 'MISS');
    if (l.note) parts.push(l.note);
    out.push('- ' + parts.join(' · '));
  }
  return out.join('\n');
}
