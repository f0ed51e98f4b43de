import * as assert from 'node:assert/strict';
import { buildReport } from '../../../src/core/report/build';
import { proseHtml } from '../../../src/core/report/prose';
import { renderReport } from '../../../src/core/report/render';
import { allRules } from '../../../src/core/rules/registry';
import { isClauseGuardOutput, looksLikeContract } from '../../../src/core/document/contractDetection';
import { sharedDataAvailable } from '../helpers/sharedData';
import { sampleReportInput } from './fixtures';

describe('report: stale lists stated in every format, rule prose rendered', () => {
  before(function () {
    if (!sharedDataAvailable()) this.skip(); // needs ../shared (the real list files behind the fixtures)
  });

  it('a list older than maxListAgeDays is named at the top of HTML and Markdown, and in JSON, SARIF and CSV', () => {
    const input = sampleReportInput(); // SDN of 2024-05-03, report of 2026-11-28
    const report = buildReport({ ...input, maxListAgeDays: 90 });
    assert.ok(report.listsOutOfDate, 'stale lists reported');
    const sdn = report.listsOutOfDate.lists.find((l) => l.id === 'ofac-sdn');
    assert.equal(sdn?.ageDays, 939);
    const html = renderReport(report, 'html');
    assert.ok(html.indexOf('Sanctions lists out of date') < html.indexOf('<table class="summary"'), 'before the summary table');
    assert.match(html, /role="alert"><strong>⚠ Sanctions lists out of date\.<\/strong> OFAC Specially Designated Nationals \(SDN\) list is dated 2024-05-03 \(939 days old\)/);
    const md = renderReport(report, 'md');
    assert.ok(md.indexOf('Sanctions lists out of date') < md.indexOf('| Contract | Overall'), md.slice(0, 800));
    assert.equal(JSON.parse(renderReport(report, 'json')).report.listsOutOfDate.maxAgeDays, 90);
    const sarif = JSON.parse(renderReport(report, 'sarif'));
    assert.match(sarif.runs[0].invocations[0].toolConfigurationNotifications[0].message.text, /out of date.*2024-05-03/);
    const csv = renderReport(report, 'csv').split('\r\n');
    assert.ok(csv[0].endsWith(',lists_out_of_date'));
    assert.ok(csv.slice(1).filter(Boolean).every((row) => row.includes('939 days old')), 'every row says so');
  });

  it('no warning when the lists are recent enough or the check is off', () => {
    assert.equal(buildReport({ ...sampleReportInput(), maxListAgeDays: 5000 }).listsOutOfDate, undefined);
    assert.equal(buildReport({ ...sampleReportInput(), maxListAgeDays: 0 }).listsOutOfDate, undefined);
  });

  it('the Markdown export is marked as ClauseGuard output and is never taken for a contract', () => {
    const md = renderReport(buildReport(sampleReportInput()), 'md');
    assert.ok(isClauseGuardOutput(md));
    assert.equal(looksLikeContract(md), false);
  });
});

describe('rule prose as HTML', () => {
  it('code, emphasis and strong become HTML; no raw backticks or asterisks stay in any rule rationale', () => {
    assert.equal(proseHtml('transferring *obligations* does count, but `subcontracting-consent-weak` **then** reports').value, 'transferring <em>obligations</em> does count, but <code>subcontracting-consent-weak</code> <strong>then</strong> reports');
    for (const r of allRules) {
      const out = proseHtml(r.rationale).value + proseHtml(r.description).value;
      assert.ok(!/[`*]/.test(out), `${r.id}: ${out}`);
    }
  });

  it('escapes HTML in the text', () => {
    assert.equal(proseHtml('<script>x</script> & *a*').value, '&lt;script&gt;x&lt;/script&gt; &amp; <em>a</em>');
  });
});
