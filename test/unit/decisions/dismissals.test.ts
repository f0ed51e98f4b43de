import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyDismissals, createDismissal, innermostClause, parseDismissals, serializeDismissals } from '../../../src/core/decisions/dismissals';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { checkDocument } from '../../../src/core/index';
import { clauseLabel } from '../../../src/core/model/numbering';
import { REPO } from '../helpers/sharedData';

// Dismissals on the animation sample contract (Pyongyang in clause 2.3; a second place added at the end of
// clause 6): one finding, one clause, the whole file; they survive edits elsewhere, and the file round-trips.
const FILE = 'animation-production-agreement.md';
const text = readFileSync(join(REPO, 'samples', FILE), 'utf8').replace('## 7. General', 'Work may also be done in Tehran, Iran.\n\n## 7. General');
const base = { file: FILE, text, reason: 'Approved by the general counsel, memo 12', reviewer: 'Dana Whitfield', date: '2026-12-01T10:00:00.000Z' };

function review(t: string) {
  const r = checkDocument(createSourceDocument(FILE, t, 'markdown'));
  const clauseOf = (f: { span: { start: number } }) => {
    const c = innermostClause(r.model.clauses, f.span.start);
    return c && clauseLabel(c);
  };
  return { findings: r.findings, clauseOf };
}

describe('dismissals (.clauseguard/dismissals.json)', () => {
  const { findings, clauseOf } = review(text);
  const places = findings.filter((f) => f.rule === 'sanctioned-jurisdiction');
  const pyongyang = places[0];

  it('the sample names two sanctioned places, in different clauses', () => {
    assert.equal(places.length, 2, JSON.stringify(findings.map((f) => [f.rule, f.text])));
    assert.equal(clauseOf(places[0]), '2.3');
    assert.notEqual(clauseOf(places[1]), '2.3');
  });

  it('a finding dismissal hides that finding only, and still applies after an edit elsewhere', () => {
    const d = createDismissal({ ...base, finding: pyongyang!, scope: 'finding' });
    const out = applyDismissals(text, findings, [d], clauseOf);
    assert.equal(out.dismissed.get(pyongyang!), d);
    assert.equal(out.shown.length, findings.length - 1);
    const edited = text.replace('# ', '# Amended ');
    assert.notEqual(edited, text);
    const again = review(edited);
    const pyongyang2 = again.findings.find((f) => f.rule === 'sanctioned-jurisdiction')!;
    assert.equal(applyDismissals(edited, again.findings, [d], again.clauseOf).dismissed.get(pyongyang2)?.id, d.id);
  });

  it('a clause dismissal covers its rule in that clause, not in other clauses or other rules', () => {
    const d = createDismissal({ ...base, finding: pyongyang!, scope: 'clause', clause: clauseOf(pyongyang!) });
    const out = applyDismissals(text, findings, [d], clauseOf);
    for (const f of findings) assert.equal(out.dismissed.has(f), f.rule === pyongyang!.rule && clauseOf(f) === d.clause, `${f.rule} in ${clauseOf(f)}`);
    assert.throws(() => createDismissal({ ...base, finding: pyongyang!, scope: 'clause' }), /not inside a numbered or titled clause/);
  });

  it('a file dismissal covers every finding of its rule in that file', () => {
    const d = createDismissal({ ...base, finding: pyongyang!, scope: 'file' });
    const out = applyDismissals(text, findings, [d], clauseOf);
    assert.deepEqual([...out.dismissed.keys()], places);
    assert.ok(out.shown.some((f) => f.rule === 'subcontracting-consent-missing'));
  });

  it('needs a reason, and the file round-trips; bad entries are skipped with a reason', () => {
    assert.throws(() => createDismissal({ ...base, reason: '  ', finding: pyongyang!, scope: 'file' }), /needs a reason/);
    const all = [createDismissal({ ...base, finding: pyongyang!, scope: 'file' }), createDismissal({ ...base, finding: pyongyang!, scope: 'finding' })];
    const parsed = parseDismissals(serializeDismissals(all));
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(new Set(parsed.dismissals.map((d) => d.id)), new Set(all.map((d) => d.id)));
    const bad = parseDismissals(JSON.stringify({ version: 1, dismissals: [{ ...all[0], scope: 'everywhere' }, all[1]] }));
    assert.equal(bad.dismissals.length, 1);
    assert.match(bad.problems[0], /dismissal 1 was skipped because its "scope" is "everywhere"/);
    assert.match(parseDismissals('{oops').problems[0], /not valid JSON/);
  });
});
