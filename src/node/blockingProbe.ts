import { performance } from 'node:perf_hooks';

export interface BlockingStats {
  /** Longest stretch the extension host's event loop was blocked, ms (timer lateness). */
  maxBlockMs: number;
  /** Stretches over 50 ms. */
  blocksOver50ms: number;
  /** Timer ticks observed. */
  samples: number;
  /** Event-loop utilisation since the last reset (0..1). */
  utilization: number;
  sinceMs: number;
  /** Recent stretches over 16 ms: wall-clock time (ms since epoch) at which each ended, and its length. */
  blocks: { at: number; ms: number }[];
}

/**
 * Timer-drift probe: a 10 ms timer that notes how late it fires. Lateness = time the extension host's
 * thread was busy with something else. Started on demand (debug command or CLAUSEGUARD_BLOCKING_PROBE=1),
 * so users never pay for it.
 */
export class BlockingProbe {
  private timer: NodeJS.Timeout | undefined;
  private expected = 0;
  private stats = { maxBlockMs: 0, blocksOver50ms: 0, samples: 0 };
  private blocks: { at: number; ms: number }[] = [];
  private elu = performance.eventLoopUtilization();
  private since = performance.now();
  private static readonly INTERVAL = 10;

  get running(): boolean {
    return this.timer !== undefined;
  }

  start(): void {
    if (this.timer) return;
    this.reset();
    const tick = () => {
      const now = performance.now();
      const late = now - this.expected;
      this.stats.samples++;
      if (late > this.stats.maxBlockMs) this.stats.maxBlockMs = late;
      if (late > 50) this.stats.blocksOver50ms++;
      if (late > 16) {
        this.blocks.push({ at: Date.now(), ms: Math.round(late * 10) / 10 });
        if (this.blocks.length > 2000) this.blocks.splice(0, 1000);
      }
      this.expected = now + BlockingProbe.INTERVAL;
      this.timer = setTimeout(tick, BlockingProbe.INTERVAL);
      this.timer.unref?.();
    };
    this.expected = performance.now() + BlockingProbe.INTERVAL;
    this.timer = setTimeout(tick, BlockingProbe.INTERVAL);
    this.timer.unref?.();
  }

  reset(): void {
    this.stats = { maxBlockMs: 0, blocksOver50ms: 0, samples: 0 };
    this.blocks = [];
    this.elu = performance.eventLoopUtilization();
    this.since = performance.now();
  }

  read(): BlockingStats {
    const elu = performance.eventLoopUtilization(this.elu);
    return { ...this.stats, maxBlockMs: Math.round(this.stats.maxBlockMs * 10) / 10, utilization: Math.round(elu.utilization * 1000) / 1000, sinceMs: Math.round(performance.now() - this.since), blocks: [...this.blocks] };
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
