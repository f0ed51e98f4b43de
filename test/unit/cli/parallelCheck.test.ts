import { describeShared } from '../helpers/sharedData';
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_CONFIG } from '../../../src/core/index';
import { collectContractFiles, InputError, type FoundFile } from '../../../src/node/contractFiles';
import { startCheckRun, threadsFor, type PlannedFile } from '../../../src/node/parallelCheck';

const REPO = resolve(__dirname, '../../../..');
const CUAD = resolve(REPO, '..', 'shared', 'data', 'contracts', 'cuad');

describeShared('checking many files (worker threads)', function () {
  this.timeout(120_000);

  it('uses one thread on small machines and for a few files, one per CPU (at most 4) otherwise', () => {
    assert.equal(threadsFor(140, {}, 2), 1, '2 CPUs: measured no faster with threads');
    assert.equal(threadsFor(140, {}, 8), 4);
    assert.equal(threadsFor(20, {}, 8), 1, 'a few files are not worth a thread');
    assert.equal(threadsFor(30, {}, 8), 2);
    assert.equal(threadsFor(3, { CLAUSEGUARD_THREADS: '2' }, 2), 2, 'CLAUSEGUARD_THREADS overrides');
    assert.equal(threadsFor(140, { CLAUSEGUARD_THREADS: 'lots' }, 2), 1, 'a value that is not a number is ignored');
  });

  it('gives the same results, in the same order, on two threads as in one', async () => {
    const files = [
      ...collectContractFiles([join(REPO, 'samples')], REPO),
      ...readdirSync(CUAD)
        .filter((f) => f.endsWith('.txt'))
        .sort()
        .slice(0, 8)
        .map((f) => ({ path: join(CUAD, f), explicit: true })),
    ];
    const results = [];
    for (const threads of [1, 2]) {
      const run = await startCheckRun([], threads);
      try {
        assert.deepEqual(run.problems, []);
        results.push((await run.check(files.map(planned), { displayRoot: REPO, partyScreening: true })).filter((c) => c !== null));
      } finally {
        await run.close();
      }
    }
    const [one, two] = results.map((r) => r.map((c) => ({ ...c, review: { ...c.review, timings: undefined } })));
    assert.ok(one.length >= 10, `${one.length} contracts checked`);
    assert.ok(one.some((c) => c.review.findings.some((f) => f.rule === 'sanctioned-party')), 'the animation sample is flagged');
    assert.deepEqual(two, one);
  });

  it('reports an unreadable file by name from a worker thread, as in one thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-parallel-'));
    writeFileSync(join(dir, 'a.contract.md'), '# Agreement\n\n1. The Supplier shall not subcontract.\n');
    writeFileSync(join(dir, 'b.contract.md'), Buffer.from([0x41, 0x00, 0x42]));
    const files = collectContractFiles([dir], dir);
    for (const threads of [1, 2]) {
      const run = await startCheckRun([], threads);
      try {
        await assert.rejects(run.check(files.map(planned), { displayRoot: dir, partyScreening: false }), (e: unknown) => e instanceof InputError && /b\.contract\.md$/.test(e.path) && /binary/.test(e.reason));
      } finally {
        await run.close();
      }
    }
  });

  it('ends with an error, not a wait, when a checking thread stops before the files are checked', async () => {
    const files = readdirSync(CUAD)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .slice(0, 6)
      .map((f) => ({ path: join(CUAD, f), explicit: true }));
    const run = await startCheckRun([], 2);
    const checking = run.check(files.map(planned), { displayRoot: REPO, partyScreening: false });
    await run.close(); // stops the threads under the running check
    await assert.rejects(checking, /checking thread stopped .*CLAUSEGUARD_THREADS=1/);
  });
});

/** A file checked with the default configuration and no decisions, as a project without .clauseguard/ would be. */
function planned(file: FoundFile): PlannedFile {
  return { file, plan: { config: DEFAULT_CONFIG, decisions: [], always: file.explicit || /\.contract\./.test(file.path) } };
}
