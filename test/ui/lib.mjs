// Shared by the UI tests: timed steps that count passes and failures and keep a screenshot of each failure.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { REPO } from '../../scripts/lib/code-server.mjs';

export const SHOTS = join(REPO, 'test-results', 'screenshots');
mkdirSync(SHOTS, { recursive: true });

/** @param {string} prefix names failure screenshots, e.g. "report" → report-failure-1.png */
export function uiSteps(prefix) {
  const t0 = Date.now();
  const state = { passed: 0, failed: 0, page: undefined };
  const lap = (m) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
  async function check(name, fn) {
    try {
      const detail = await fn();
      state.passed++;
      lap(`✔ ${name}${detail ? ': ' + detail : ''}`);
    } catch (e) {
      state.failed++;
      lap(`✖ ${name}: ${String(e?.message ?? e).split('\n')[0]}`);
      await state.page?.screenshot({ path: join(SHOTS, `${prefix}-failure-${state.failed}.png`) }).catch(() => {});
    }
  }
  /** Prints the closing line scripts/test-all.mjs reads and returns the exit code. */
  function finish(label = 'UI') {
    console.log(`screenshots in ${SHOTS}`);
    console.log(`${label}: ${state.passed} passed, ${state.failed} failed`);
    return state.failed === 0 && state.passed > 0 ? 0 : 1;
  }
  return { check, lap, state, finish };
}
