import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { formatLines, type BenchModule } from './harness';

// Runs every bench/*.bench.ts module (compiled to out/bench) in one process and prints medians,
// baselines and ratios. Usage: npm run bench [-- filter]
async function main(): Promise<void> {
  const filter = process.argv[2];
  const files = readdirSync(__dirname).filter((f) => f.endsWith('.bench.js') && (!filter || f.includes(filter))).sort();
  console.log(`ClauseGuard benchmarks · node ${process.version} · ${new Date().toISOString()}`);
  let missed = 0;
  for (const f of files) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const mod = require(join(__dirname, f)) as BenchModule;
    const lines = await mod.run();
    missed += lines.filter((l) => l.pass === false).length;
    console.log('\n' + formatLines(mod.title, lines));
  }
  console.log(`\n${missed === 0 ? 'all targets met' : `${missed} target(s) missed`}`);
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
