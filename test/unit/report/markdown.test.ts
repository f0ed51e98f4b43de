import { describeShared } from '../helpers/sharedData';
import assert from 'node:assert/strict';
import { buildReport } from '../../../src/core/report/build';
import { escapeMarkdown, renderMarkdown } from '../../../src/core/report/markdown';
import { CONFIRMED, hostileReportInput, NOT_A_MATCH, sampleReportInput } from './fixtures';

describeShared('report Markdown export', () => {
  const report = buildReport(sampleReportInput());
  const md = renderMarkdown(report);

  it('has the summary, basis, findings, screening and appendix sections', () => {
    for (const h of ['# ClauseGuard compliance report', '## Summary', '## Basis of this report', '## Findings by contract', '## Findings by check', '## Sanctions screening', '## Appendix: suppressed findings'])
      assert.ok(md.includes(`\n${h}\n`) || md.startsWith(`${h}\n`), h);
  });

  it('lists every finding, every list version and every file hash', () => {
    for (const f of report.files) {
      assert.ok(md.includes(f.sha256));
      for (const x of f.findings) assert.ok(md.includes(escapeMarkdown(x.message).replace(/\n/g, ' ')), x.message);
    }
    for (const l of report.lists) assert.ok(md.includes(`| ${escapeMarkdown(l.id)} | ${escapeMarkdown(l.date)} | ${l.entries} | ${l.sha256} |`), l.id);
  });

  it('shows decisions and suppressed findings', () => {
    assert.ok(md.includes(escapeMarkdown(CONFIRMED.reason)));
    const appendix = md.slice(md.indexOf('## Appendix'));
    assert.ok(appendix.includes(escapeMarkdown(NOT_A_MATCH.reason)));
    assert.ok(appendix.includes('clauseguard\\-disable\\-file') || appendix.includes('clauseguard-disable-file'));
  });

  it('keeps every table row well-formed and contract markup inert', () => {
    const hostile = renderMarkdown(buildReport(hostileReportInput()));
    assert.ok(!/(^|[^\\])<(script|img|svg|iframe)\b/im.test(hostile), 'every < from the contract is escaped');
    assert.ok(hostile.includes('\\<script\\>'));
    // Every row of a table has as many unescaped pipes as its header row.
    const cells = (line: string) => line.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length;
    let header: number | undefined;
    for (const line of hostile.split('\n')) {
      if (!line.startsWith('|')) {
        header = undefined;
        continue;
      }
      header ??= cells(line);
      assert.equal(cells(line), header, line);
    }
  });
});
