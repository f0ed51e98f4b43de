import { describeShared } from '../helpers/sharedData';
import assert from 'node:assert/strict';
import { clauseLookup } from '../../../src/core/index';
import { DEFAULT_CONFIG } from '../../../src/core/config/checkConfig';
import { buildReport } from '../../../src/core/report/build';
import { CONFIRMED, INLINE_DIRECTIVE, NOT_A_MATCH, realLists, REVIEWER, sampleReportInput } from './fixtures';

describeShared('report model', () => {
  const input = sampleReportInput();
  const report = buildReport(input);

  it('keeps every file with its hash, in the given order, and every finding the engine reported', () => {
    assert.deepEqual(
      report.files.map((f) => [f.path, f.sha256]),
      input.files.map((f) => [f.path, f.sha256]),
    );
    for (const [i, f] of report.files.entries()) {
      const engine = input.files[i].review.findings;
      assert.deepEqual(
        f.findings.map((x) => [x.rule, x.severity, x.message, x.text, x.span.start]),
        engine.map((x) => [x.rule, x.severity, x.message, x.text, x.span.start]),
      );
    }
    assert.equal(report.totals.findings, input.files.reduce((n, f) => n + f.review.findings.length, 0));
  });

  it('records the reviewer, date, tool and every list with date, entries and hash', () => {
    assert.equal(report.reviewer, REVIEWER);
    assert.equal(report.generatedAt, '2026-11-28T09:30:00.000Z');
    assert.deepEqual(report.lists, realLists());
    assert.equal(report.lists[0].entries, 14965, 'SDN 2024-05-03 has 14,965 entries (SOURCES.md)');
  });

  it('grades each contract per check: fail on errors, needs attention on warnings, pass when clean', () => {
    const animation = report.files[0];
    const clean = report.files.find((f) => f.path.endsWith('design-services-agreement.contract.md'))!;
    assert.equal(animation.status, 'fail');
    const missing = animation.checks.find((c) => c.rule === 'subcontracting-consent-missing')!;
    assert.equal(missing.status, 'fail');
    assert.equal(missing.counts.error, animation.findings.filter((f) => f.rule === missing.rule && f.severity === 'error').length);
    // sanctioned-party is not a registered rule yet in every build: it still gets a column.
    assert.equal(animation.checks.find((c) => c.rule === 'sanctioned-party')?.status, 'fail');
    assert.equal(clean.findings.length, 0, 'the sample README says the design contract has no findings');
    assert.equal(clean.status, 'pass');
    assert.ok(clean.checks.every((c) => c.status === 'pass'));
  });

  it('gives each finding its clause number and the rule’s rationale', () => {
    const sek = report.files[0].findings.find((f) => f.text === 'Sek Studio')!;
    // The innermost clause as the document model sees it: "2.2" (or "2" while numbered paragraphs are not clauses).
    const clause = clauseLookup(input.files[0].review.clauses).clauseAt(sek.span.start)!;
    assert.equal(sek.clause?.id, clause.id);
    assert.ok(sek.clause!.label.startsWith(clause.number ?? ''), sek.clause!.label);
    assert.match(sek.clause!.label, /Services/, 'the clause or its titled parent names it');
    assert.ok(report.checks.every((c) => c.rationale.length > 20));
  });

  it('suggests the clause the quick fix would insert, filled in with this contract’s parties', () => {
    const missing = report.files[0].findings.find((f) => f.rule === 'subcontracting-consent-missing');
    assert.ok(missing, 'the animation sample has no consent clause');
    assert.match(missing.suggestedClause ?? '', /Studio shall not subcontract/);
    assert.match(missing.suggestedClause ?? '', /prior written consent of the Producer/);
    const check = report.checks.find((c) => c.id === 'subcontracting-consent-missing')!;
    assert.match(check.suggestedClause ?? '', /prior written consent/, 'the check shows a library clause once');
    assert.ok(!/\{\{/.test(check.suggestedClause!), 'placeholders are filled');
  });

    it('attaches recorded decisions to matches and lists suppressed findings with the reason', () => {
    const sek = report.files[0].findings.find((f) => f.text === 'Sek Studio')!;
    assert.deepEqual(sek.decision, CONFIRMED);
    const sup = report.files[0].suppressed;
    const decided = sup.find((s) => s.suppression.kind === 'decision');
    assert.equal(decided?.text, 'Golden Lantern Animation Co., Ltd.');
    assert.deepEqual(decided?.decision, NOT_A_MATCH);
    const inline = sup.find((s) => s.suppression.kind === 'inline');
    assert.ok(inline, 'the inline disable comment suppressed the sanctions-clause finding');
    assert.equal(inline.rule, 'sanctions-clause-missing');
    assert.equal(inline.suppression.kind === 'inline' && inline.suppression.comment, INLINE_DIRECTIVE);
    assert.equal(report.totals.suppressed, sup.length + report.files[1].suppressed.length + report.files[2].suppressed.length);
  });

  it('lists every screened name with its best match, decision and status', () => {
    const rows = report.screening.filter((r) => r.fileIndex === 0);
    assert.deepEqual(
      rows.map((r) => [r.name, r.status, r.match?.entity.id, r.decision?.verdict]),
      [
        ['Sek Studio', 'reported', 'ofac-sdn:34022', 'confirmed-match'],
        ['Golden Lantern Animation Co., Ltd.', 'suppressed', 'ofac-sdn:24752', 'not-a-match'],
        ['Brightwater Pictures LLC', 'not-reported', undefined, undefined],
      ],
    );
  });

  it('reports settings that change results: disabled checks, overrides and score bands', () => {
    const config = { ...DEFAULT_CONFIG, ruleSeverity: { 'subcontracting-consent-weak': 'off' as const, 'sanctions-clause-missing': 'error' as const }, screeningBands: { error: 0.95, warning: 0.85, info: 0.75 } };
    const r = buildReport(sampleReportInput(config));
    assert.deepEqual(r.settings.disabledRules, ['subcontracting-consent-weak']);
    assert.deepEqual(r.settings.overrides.map((o) => `${o.key}=${o.setting}`), ['sanctions-clause-missing=error', 'subcontracting-consent-weak=off']);
    assert.deepEqual(r.settings.screeningBands, { error: 0.95, warning: 0.85, info: 0.75 });
    assert.ok(r.files.every((f) => f.checks.find((c) => c.rule === 'subcontracting-consent-weak')?.status === 'off'));
    assert.ok(r.files.every((f) => !f.findings.some((x) => x.rule === 'subcontracting-consent-weak')));
  });

  it('marks a check that crashed as not run, without failing the contract on its own', () => {
    const i = sampleReportInput();
    const clean = i.files[2];
    clean.review = { ...clean.review, ruleErrors: [{ rule: 'subcontracting-consent-weak', message: 'boom' }] };
    const r = buildReport(i);
    assert.equal(r.files[2].checks.find((c) => c.rule === 'subcontracting-consent-weak')?.status, 'broken');
    assert.equal(r.files[2].status, 'attention');
  });

  it('is deterministic and JSON-safe', () => {
    assert.deepEqual(JSON.parse(JSON.stringify(buildReport(input))), JSON.parse(JSON.stringify(report)));
  });
});
