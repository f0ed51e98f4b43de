import * as assert from 'node:assert/strict';
import { LineIndex } from '../../../src/core/document/positions';
import {
  applyDecisions,
  backupName,
  createDecision,
  fingerprintAt,
  parseDecisionsFile,
  serializeDecisions,
  upsertDecision,
  type Decision,
} from '../../../src/core/decisions';
import type { Finding, FindingMatch } from '../../../src/core/types';

const ENTITY: FindingMatch['entity'] = { id: 'ofac-sdn:36093', list: 'ofac-sdn', primaryName: 'MANSUDAE OVERSEAS PROJECT GROUP OF COMPANIES', type: 'Entity', programs: ['DPRK2'] };
const LIST = { id: 'ofac-sdn', date: '2024-05-03', sha256: 'a'.repeat(64) };

/** A synthetic sanctioned-party finding on the first occurrence of `name` (from `from`). */
function findingOn(text: string, name: string, entity = ENTITY, from = 0): Finding {
  const start = text.indexOf(name, from);
  assert.ok(start >= 0, `${name} is in the text`);
  const span = { start, end: start + name.length };
  return { rule: 'sanctioned-party', severity: 'error', message: `“${name}” may be a sanctioned party`, text: name, span, range: new LineIndex(text).rangeOf(span), match: { score: 0.93, name: 'MANSUDAE ART STUDIO', entity } };
}

const CONTRACT = [
  '# Animation Production Agreement',
  '',
  'This Agreement is made between Bright Frame Ltd (the "Studio") and Mansudae Art Studio of Pyongyang (the "Producer").',
  '',
  '## 5. Payment',
  '',
  'The Studio shall pay the Producer within 30 days.',
].join('\n');

function decide(text: string, f: Finding, verdict: Decision['verdict'] = 'not-a-match', clause = '1'): Decision {
  return createDecision({ file: 'contracts/a.md', text, finding: f, verdict, reason: 'Different company: registered in Lyon, see KYC file 42.', reviewer: 'Ada Lovelace <ada@example.com>', date: '2026-11-28T10:00:00.000Z', listVersion: LIST, clause });
}

describe('reviewer decisions', () => {
  it('records the audit fields and a readable context', () => {
    const f = findingOn(CONTRACT, 'Mansudae Art Studio');
    const d = decide(CONTRACT, f);
    assert.equal(d.entityId, 'ofac-sdn:36093');
    assert.equal(d.matchedText, 'Mansudae Art Studio');
    assert.equal(d.reviewer, 'Ada Lovelace <ada@example.com>');
    assert.deepEqual(d.listVersion, LIST);
    assert.deepEqual(d.entry.programs, ['DPRK2']);
    assert.match(d.context, /^bright frame ltd the studio and \[Mansudae Art Studio\] of pyongyang the producer/);
    assert.throws(() => createDecision({ ...{ file: 'a', text: CONTRACT, finding: f, verdict: 'not-a-match', reviewer: 'x', date: 'd', listVersion: LIST }, reason: '   ' }), /needs a reason/);
  });

  it('a not-a-match decision hides the finding and keeps it as suppressed with the decision', () => {
    const f = findingOn(CONTRACT, 'Mansudae Art Studio');
    const out = applyDecisions(CONTRACT, [f], [decide(CONTRACT, f)]);
    assert.deepEqual(out.findings, []);
    assert.equal(out.suppressed.length, 1);
    const s = out.suppressed[0].suppression;
    assert.equal(s.kind, 'decision');
    assert.equal(s.kind === 'decision' && s.decision.reviewer, 'Ada Lovelace <ada@example.com>');
    assert.equal(out.status.get(f)?.state, 'applies');
  });

  it('a confirmed match stays shown, with its decision', () => {
    const f = findingOn(CONTRACT, 'Mansudae Art Studio');
    const out = applyDecisions(CONTRACT, [f], [decide(CONTRACT, f, 'confirmed-match')]);
    assert.deepEqual(out.findings, [f]);
    assert.equal(out.status.get(f)?.decision.verdict, 'confirmed-match');
  });

  it('survives edits elsewhere in the file, including lines inserted above', () => {
    const d = decide(CONTRACT, findingOn(CONTRACT, 'Mansudae Art Studio'));
    const edited = '> Draft 2, for discussion.\n\n' + CONTRACT.replace('within 30 days', 'within 45 days of invoice');
    const f2 = findingOn(edited, 'Mansudae Art Studio');
    assert.equal(fingerprintAt(edited, f2.span).fingerprint, d.fingerprint);
    const out = applyDecisions(edited, [f2], [d]);
    assert.equal(out.status.get(f2)?.state, 'applies');
    assert.deepEqual(out.findings, []);
  });

  it('follows the same text when the words right around it change', () => {
    const d = decide(CONTRACT, findingOn(CONTRACT, 'Mansudae Art Studio'));
    const edited = CONTRACT.replace('and Mansudae Art Studio of Pyongyang', 'and, as producer, Mansudae Art Studio, a company of Pyongyang');
    const f2 = findingOn(edited, 'Mansudae Art Studio');
    assert.notEqual(fingerprintAt(edited, f2.span).fingerprint, d.fingerprint);
    assert.equal(applyDecisions(edited, [f2], [d], () => '1').status.get(f2)?.state, 'applies', 'same clause: the decision follows its words');
  });

  it('stays with its mention: the same name with other words around it in another clause is a new finding', () => {
    const d = decide(CONTRACT, findingOn(CONTRACT, 'Mansudae Art Studio'));
    const edited = CONTRACT.replace('and Mansudae Art Studio of Pyongyang', 'and, as producer, Mansudae Art Studio, a company of Pyongyang');
    const f2 = findingOn(edited, 'Mansudae Art Studio');
    const out = applyDecisions(edited, [f2], [d], () => '7.2');
    assert.equal(out.status.get(f2), undefined);
    assert.deepEqual(out.findings, [f2], 'shown, for a reviewer to decide again');
  });

  it('no longer applies, and says why, when the matched text changes', () => {
    const d = decide(CONTRACT, findingOn(CONTRACT, 'Mansudae Art Studio'));
    const edited = CONTRACT.replace('Mansudae Art Studio', 'Mansudae Arts Studios');
    const f2 = findingOn(edited, 'Mansudae Arts Studios');
    const out = applyDecisions(edited, [f2], [d]);
    const s = out.status.get(f2);
    assert.equal(s?.state, 'stale');
    assert.match(s?.state === 'stale' ? s.because : '', /matched text changed from “Mansudae Art Studio” to “Mansudae Arts Studios”/);
    assert.deepEqual(out.findings, [f2], 'the finding returns');
  });

  it('no longer applies when the list entry changes (programmes or name)', () => {
    const d = decide(CONTRACT, findingOn(CONTRACT, 'Mansudae Art Studio'));
    const f2 = findingOn(CONTRACT, 'Mansudae Art Studio', { ...ENTITY, programs: ['DPRK2', 'DPRK3'] });
    const s = applyDecisions(CONTRACT, [f2], [d]).status.get(f2);
    assert.equal(s?.state, 'stale');
    assert.match(s?.state === 'stale' ? s.because : '', /programmes are now DPRK2, DPRK3 \(were DPRK2\)/);
  });

  it('does not apply to another entity, and pairs one decision with one occurrence', () => {
    const text = CONTRACT + '\n\nNotices to Mansudae Art Studio go to its Pyongyang office.';
    const first = findingOn(text, 'Mansudae Art Studio');
    const second = findingOn(text, 'Mansudae Art Studio', ENTITY, first.span.end);
    const other = findingOn(text, 'Mansudae Art Studio', { ...ENTITY, id: 'un:KPe.050' });
    const d = decide(text, second);
    const out = applyDecisions(text, [first, second, other], [d]);
    assert.equal(out.status.get(second)?.state, 'applies');
    assert.equal(out.status.has(first), false);
    assert.equal(out.status.has(other), false);
    assert.deepEqual(out.findings, [first, other]);
  });
});

describe('the decisions file', () => {
  const f = findingOn(CONTRACT, 'Mansudae Art Studio');
  const d1 = decide(CONTRACT, f);
  const d2 = { ...decide(CONTRACT, f, 'confirmed-match'), id: 'zzz', file: 'b.md' };

  it('round-trips, pretty-printed, in a stable order whatever the insertion order', () => {
    const a = serializeDecisions([d2, d1]);
    const b = serializeDecisions(upsertDecision([d1], d2));
    assert.equal(a, b);
    assert.ok(a.endsWith('\n'));
    assert.match(a, /^\{\n {2}"version": 1,\n {2}"decisions": \[\n {4}\{\n {6}"id": /);
    const parsed = parseDecisionsFile(a);
    assert.deepEqual(parsed.problems, []);
    assert.deepEqual(parsed.decisions, [d2, d1], "sorted by file: b.md before contracts/a.md");
  });

  it('replaces a decision with the same id instead of duplicating it', () => {
    const changed = { ...d1, reason: 'Updated reason' };
    const all = upsertDecision([d1, d2], changed);
    assert.equal(all.length, 2);
    assert.equal(all.find((x) => x.id === d1.id)?.reason, 'Updated reason');
  });

  it('gives a clear, located error for corrupt JSON', () => {
    const p = parseDecisionsFile('{\n  "version": 1,\n  "decisions": [\n    {"id": "x",}\n  ]\n}');
    assert.equal(p.fatal, true);
    assert.match(p.problems[0], /decisions\.json is not valid JSON \(problem at line 4/);
    assert.match(p.problems[0], /No decision was applied/);
  });

  it('skips hand-edited entries with a reason per entry and keeps the valid ones', () => {
    const text = serializeDecisions([d1]).replace('"verdict": "not-a-match"', '"verdict": "maybe"');
    const both = JSON.parse(text);
    both.decisions.push(JSON.parse(serializeDecisions([d2])).decisions[0]);
    const p = parseDecisionsFile(JSON.stringify(both));
    assert.equal(p.fatal, false);
    assert.deepEqual(p.decisions.map((x) => x.id), ['zzz']);
    assert.match(p.problems[0], /decision 1 was skipped because its "verdict" is "maybe"/);
  });

  it('rejects a wrong shape or version, and reads an empty file as no decisions', () => {
    assert.equal(parseDecisionsFile('[]').fatal, true);
    assert.match(parseDecisionsFile('{"version": 2, "decisions": []}').problems[0], /format version 2/);
    assert.deepEqual(parseDecisionsFile('  \n'), { decisions: [], problems: [], fatal: false });
  });

  it('names backups with a sortable UTC timestamp', () => {
    assert.equal(backupName(new Date('2026-11-28T17:05:09.123Z')), 'decisions.json.bak-20261128T170509Z');
  });
});
