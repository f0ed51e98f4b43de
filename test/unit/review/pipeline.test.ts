import * as assert from 'node:assert/strict';
import { createDecision, createReviewer, createSourceDocument, DEFAULT_CONFIG, type Finding, type Rule } from '../../../src/core/index';

// A stand-in screening rule: the pipeline's order and policies are what is under test, not the matcher.
const listed: Rule = {
  id: 'sanctioned-party',
  title: 'Listed party',
  description: 'test',
  rationale: 'test',
  defaultSeverity: 'warning',
  tags: ['sanctions'],
  examples: [],
  check: ({ model }) => {
    const at = model.doc.text.indexOf('Sek Studio');
    if (at < 0) return [];
    return [{ span: { start: at, end: at + 10 }, message: '“Sek Studio” may be SEK STUDIO.', severity: 'info', match: { score: 0.75, name: 'SEK STUDIO', entity: { id: 'ofac-sdn:34022', list: 'ofac-sdn', primaryName: 'SEK STUDIO', type: 'organization', programs: ['DPRK3'] } } }];
  },
};
const clause: Rule = { ...listed, id: 'clause-rule', tags: ['clauses'], defaultSeverity: 'error', check: ({ model }) => [{ span: { start: model.doc.text.indexOf('Payment'), end: model.doc.text.indexOf('Payment') + 7 }, message: 'A clause finding.' }] };

const TEXT = '# Agreement\n\n<!-- clauseguard-disable-file -->\n\n1. Payment is due in 30 days.\n\n2. The Supplier may engage Sek Studio for colouring.\n';
const doc = () => createSourceDocument('a.md', TEXT, 'markdown');

describe('the review pipeline (src/core/review/pipeline.ts)', () => {
  it('an inline comment hides clause findings but never a screening finding, and says why', () => {
    const r = createReviewer({ rules: [listed, clause] }).review(doc());
    assert.deepEqual(r.findings.map((f) => f.rule), ['sanctioned-party']);
    assert.deepEqual(r.suppressed.map((s) => [s.finding.rule, s.suppression.kind]), [['clause-rule', 'inline']]);
    assert.equal(r.directiveProblems.length, 1);
    assert.match(r.directiveProblems[0].message, /cannot switch off sanctions screening \(sanctioned-party\)/);
  });

  it('the firm’s configuration can allow it; --no-inline-config ignores every comment and says so', () => {
    const allowed = createReviewer({ rules: [listed, clause], config: { ...DEFAULT_CONFIG, allowInlineScreeningDisable: true } }).review(doc());
    assert.deepEqual(allowed.findings, []);
    assert.equal(allowed.suppressed.length, 2);
    const ignored = createReviewer({ rules: [listed, clause], config: { ...DEFAULT_CONFIG, inlineDirectives: false } }).review(doc());
    assert.equal(ignored.findings.length, 2);
    assert.match(ignored.directiveProblems[0].message, /is ignored: inline comments are turned off/);
  });

  it('a comment that covers nothing is reported', () => {
    const r = createReviewer({ rules: [listed] }).review(createSourceDocument('a.md', '# Agreement\n\n<!-- clauseguard-disable-next-line clause-rule -->\nNothing here.\n', 'markdown'));
    assert.match(r.directiveProblems.map((p) => p.message).join('\n'), /"clause-rule" .* is not a ClauseGuard rule id or tag/);
    const r2 = createReviewer({ rules: [listed, clause] }).review(createSourceDocument('a.md', '# Agreement\n\n<!-- clauseguard-disable-next-line clause-rule -->\nNothing here.\n\n1. Payment.\n', 'markdown'));
    assert.match(r2.directiveProblems[0].message, /switches nothing off/);
  });

  it('a confirmed match becomes an error and says so; "not a match" moves it to suppressed; both survive serialisation', () => {
    const reviewer = createReviewer({ rules: [listed] });
    const plain = reviewer.review(doc());
    const f: Finding = plain.findings[0];
    assert.equal(f.severity, 'info');
    const base = { file: 'a.md', text: TEXT, finding: f, reviewer: 'R <r@example.com>', date: '2026-12-01T10:00:00Z', listVersion: { id: 'ofac-sdn', date: '2024-05-03', sha256: 'a'.repeat(64) }, clause: '2' };
    const confirmed = reviewer.review(doc(), { decisions: [createDecision({ ...base, verdict: 'confirmed-match', reason: 'Same studio.' })] });
    assert.equal(confirmed.findings[0].severity, 'error');
    assert.match(confirmed.findings[0].message, /a reviewer confirmed the match\. .*Confirmed match: Same studio\. \(R <r@example\.com>, 2026-12-01/);
    assert.equal(confirmed.findings[0].decision?.state, 'applies');
    const dismissed = reviewer.review(doc(), { decisions: [createDecision({ ...base, verdict: 'not-a-match', reason: 'A Swedish firm.' })] });
    assert.deepEqual(dismissed.findings, []);
    assert.equal(dismissed.suppressed[0].suppression.kind, 'decision');
    assert.deepEqual(structuredClone(confirmed), confirmed, 'plain data: what the check worker posts is what the pipeline made');
  });

  it('the reviewer object is frozen, and re-reviewing the same text with new decisions reuses the rules’ findings', () => {
    let runs = 0;
    const counting: Rule = { ...listed, check: (ctx) => (runs++, listed.check(ctx)) };
    const reviewer = createReviewer({ rules: [counting] });
    assert.ok(Object.isFrozen(reviewer));
    reviewer.review(doc());
    reviewer.review(doc(), { decisions: [] });
    assert.equal(runs, 1);
    reviewer.review(createSourceDocument('a.md', TEXT + '\nMore.\n', 'markdown'));
    assert.equal(runs, 2);
  });
});
