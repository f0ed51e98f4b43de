import * as assert from 'node:assert/strict';
import { screenCommand } from '../../../src/cli/commands/screen';
import type { CliIO } from '../../../src/cli/io';

function run(argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const io: CliIO = { out: (t) => void (out += t), err: (t) => void (err += t), cwd: process.cwd() };
  const code = screenCommand(argv, io);
  return { code, out, err };
}

describe('clauseguard screen', function () {
  this.timeout(60_000);

  it('prints JSON with the query, the lists and explained matches', () => {
    const r = run(['SEK', 'Studio', '--format', 'json', '--limit', '3']);
    assert.equal(r.code, 1);
    const json = JSON.parse(r.out);
    assert.equal(json.query, 'SEK Studio');
    assert.deepEqual(json.lists.map((l: { id: string }) => l.id), ['ofac-sdn', 'ofac-cons', 'un']);
    const [first] = json.matches;
    assert.equal(first.entity.id, 'ofac-sdn:34022');
    assert.equal(first.score, 1);
    assert.deepEqual(first.entity.programs, ['DPRK3']);
    assert.match(first.explanation, /sek, studio/);
    assert.ok(json.matches.length <= 3);
  });

  it('exits 0 when nothing matches, and 2 on bad flags', () => {
    assert.equal(run(['Zyxwvutsr Qponmlk']).code, 0);
    assert.throws(() => run(['x', '--limit', '0']), /--limit/);
    assert.throws(() => run([]), /give the name/);
  });
});
