import { describeShared } from '../helpers/sharedData';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from '../helpers/sharedData';

// The committed docs/rules pages and the bundled clause module must be what the generators write.
describeShared('generated files are up to date', () => {
  it('docs/rules/*.md match scripts/gen-rule-docs.mjs', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'scripts/gen-rule-docs.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr || r.stdout);
  });

  it('src/core/fixes/bundled.ts matches clauses/*.md (scripts/gen-clauses.mjs)', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'scripts/gen-clauses.mjs'), '--check'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr || r.stdout);
  });
});
