import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkContracts } from '../src/cli/checkRun';

import { TOOL } from '../src/cli/version';
import { DEFAULT_CONFIG } from '../src/core/config/checkConfig';
import { buildReport } from '../src/core/report/build';
import { renderReport, REPORT_FORMATS } from '../src/core/report/render';
import { machineSpeed, machineSpeedLine, measure, median, type BenchLine } from './harness';

// Compliance report speed over every contract in ../shared/data/contracts (≈141 files, 8.8 MB):
// 1. the CLI end to end (`clauseguard report … --format html --output FILE`, a fresh process each run),
//    against `clauseguard check --format json` on the same files as the baseline (same reading and checking);
// 2. in-process, building the report and rendering each format from already-checked results, against
//    JSON.stringify of the same results as the baseline.

export const title = 'Compliance report (issue 7)';

const REPO = resolve(__dirname, '..', '..');
const CONTRACTS = resolve(REPO, '..', 'shared', 'data', 'contracts');

function cliEntry(): string {
  const dist = join(REPO, 'dist', 'cli.js');
  return existsSync(dist) ? dist : join(REPO, 'out', 'src', 'cli', 'main.js');
}

function timeProcess(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [cliEntry(), ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    times.push(performance.now() - t0);
    if (r.status !== 0 && r.status !== 1) throw new Error(`clauseguard ${args[0]} failed (${r.status}): ${r.stderr}`);
  }
  return median(times);
}

export async function run(): Promise<BenchLine[]> {
  if (!existsSync(CONTRACTS)) return [{ name: 'report over ../shared/data/contracts', medianMs: 0, note: `skipped: ${CONTRACTS} not found` }];
  const out = mkdtempSync(join(tmpdir(), 'cg-report-bench-'));
  try {
    const lines: BenchLine[] = [];
    const speedBefore = machineSpeed();
    const baselineCli = timeProcess(['check', '--format', 'json', CONTRACTS], 3);
    const reportCli = timeProcess(['report', '--format', 'html', '--force', '--output', join(out, 'r.html'), CONTRACTS], 3);
    lines.push({
      name: 'CLI: clauseguard report --format html over all contracts (fresh process)',
      medianMs: reportCli,
      baselineMs: baselineCli,
      ratio: reportCli / baselineCli,
      target: '< 5000 ms',
      pass: reportCli < 5000,
      note: `baseline: clauseguard check --format json on the same files; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} CPUs`,
    });

    const run = await checkContracts([CONTRACTS], REPO, { extraListPaths: [], partyScreening: false, stopOnListProblems: false });
    const checked = run.checked ?? [];
    const input = {
      tool: TOOL,
      generatedAt: '2026-01-01T00:00:00Z',
      reviewer: 'bench',
      lists: run.lists,
      config: DEFAULT_CONFIG,
      files: checked.map((c) => ({ path: c.path, sha256: c.sha256, review: c.review })),
    };
    const findings = checked.reduce((n, c) => n + c.review.findings.length, 0);
    const baseline = measure(() => JSON.stringify(checked.map((c) => c.review.findings)), 10, 2);
    const report = buildReport(input);
    const build = measure(() => buildReport(input), 10, 2);
    lines.push({ name: `build the report model (${checked.length} files, ${findings} findings)`, medianMs: build, baselineMs: baseline, ratio: build / baseline, note: 'baseline: JSON.stringify of the findings' });
    for (const format of REPORT_FORMATS) {
      const ms = measure(() => renderReport(report, format), 10, 2);
      lines.push({ name: `render ${format}`, medianMs: ms, baselineMs: baseline, ratio: ms / baseline });
    }
    lines.push(machineSpeedLine(speedBefore, machineSpeed()));
    return lines;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
