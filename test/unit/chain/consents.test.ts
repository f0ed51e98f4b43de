import * as assert from 'node:assert/strict';
import { parseConsentsFile, withConsent } from '../../../src/core/chain';

describe('consents file (.clauseguard/consents.json)', () => {
  const decision = { contract: 'chain/sub.md', subcontractor: 'Harbour Crane Animation Studio Ltd.', verdict: 'consent-given' as const, reason: 'Producer’s letter of 2 March 2025', reviewer: 'Dana', date: '2025-03-02T10:00:00.000Z' };

  it('reads valid entries and skips, with a message, those without a reason or with another verdict', () => {
    const text = JSON.stringify({ consents: [decision, { ...decision, reason: '  ' }, { ...decision, verdict: 'maybe' }, { contract: 'x.md' }] });
    const parsed = parseConsentsFile(text);
    assert.deepEqual(parsed.consents, [decision]);
    assert.equal(parsed.problems.length, 3);
    assert.match(parsed.problems[0], /consent 2 skipped: no reason/);
    assert.match(parsed.problems[2], /no subcontractor, reason/);
  });

  it('says when the file is not JSON or not the expected shape', () => {
    assert.equal(parseConsentsFile('{').fatal, true);
    assert.equal(parseConsentsFile('{"decisions": []}').fatal, true);
  });

  it('appends a decision to a new or an existing file and reads it back', () => {
    const first = withConsent(undefined, decision);
    const second = withConsent(first, { ...decision, subcontractor: 'Bluefin Inbetween Works LLC' });
    assert.deepEqual(parseConsentsFile(second).consents.map((c) => c.subcontractor), ['Harbour Crane Animation Studio Ltd.', 'Bluefin Inbetween Works LLC']);
    assert.throws(() => withConsent('"text"', decision), /consents/);
  });
});
