import { describeShared } from '../helpers/sharedData';
import { proseHtml } from '../../../src/core/report/prose';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { buildReport } from '../../../src/core/report/build';
import { escapeHtml } from '../../../src/core/report/escape';
import { renderHtml } from '../../../src/core/report/html';
import { CONFIRMED, hostileReportInput, INLINE_DIRECTIVE, NOT_A_MATCH, PAYLOADS, sampleReportInput } from './fixtures';

describeShared('report HTML export', () => {
  const report = buildReport(sampleReportInput());
  const page = renderHtml(report);

  it('shows every finding with its clause, quoted text and rationale', () => {
    for (const f of report.files) {
      for (const x of f.findings) {
        assert.ok(page.includes(`id="${x.id}"`), x.id);
        assert.ok(page.includes(escapeHtml(x.message)), x.message);
        assert.ok(page.includes(escapeHtml(x.text.slice(0, 200))), x.text);
      }
    }
    assert.match(page, /Clause 2(\.2)? (\(under 2 )?Services/);
    const withFindings = report.checks.filter((c) => report.files.some((f) => f.findings.some((x) => x.rule === c.id)));
    assert.ok(withFindings.length >= 2);
    // Rationales are rendered from their Markdown (no raw backticks or asterisks).
    for (const c of withFindings) assert.ok(page.includes(proseHtml(c.rationale).value), c.id);
  });

  it('shows the suggested clause of each check and of each finding', () => {
    for (const c of report.checks.filter((k) => k.suggestedClause && report.files.some((f) => f.findings.some((x) => x.rule === k.id))))
      assert.ok(page.includes(escapeHtml(c.suggestedClause!)), c.id);
    for (const x of report.files.flatMap((f) => f.findings).filter((y) => y.suggestedClause)) assert.ok(page.includes(escapeHtml(x.suggestedClause!)), x.id);
  });

    it('shows every list with its date, entry count and hash, and each file’s hash', () => {
    for (const l of report.lists) {
      assert.ok(page.includes(escapeHtml(l.name)));
      assert.ok(page.includes(`<td>${l.date}</td>`));
      assert.ok(page.includes(l.entries.toLocaleString('en-US')));
      assert.ok(page.includes(l.sha256));
    }
    for (const f of report.files) assert.ok(page.includes(f.sha256));
  });

  it('shows decisions and the appendix of suppressed findings', () => {
    assert.ok(page.includes(escapeHtml(CONFIRMED.reason)));
    assert.ok(page.includes(escapeHtml(NOT_A_MATCH.reason)));
    const appendix = page.slice(page.indexOf('id="appendix"'));
    assert.ok(appendix.includes(escapeHtml(INLINE_DIRECTIVE)));
    assert.ok(appendix.includes('Golden Lantern Animation Co., Ltd.'));
    assert.ok(appendix.includes('sanctions terms are in the master agreement'));
  });

  it('is self-contained: no script, no remote resource, a CSP whose style hash matches the inline sheet', () => {
    assert.ok(!/<script/i.test(page));
    assert.ok(!/\b(src|href)="(https?:)?\/\//i.test(page));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)?.[1]?.replace(/&#39;/g, "'");
    assert.ok(csp, 'CSP meta');
    assert.match(csp, /default-src 'none'/);
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('script-src'));
    const style = /<style>([\s\S]*?)<\/style>/.exec(page)![1];
    const hash = createHash('sha256').update(style, 'utf8').digest('base64');
    assert.ok(csp.includes(`'sha256-${hash}'`), 'style hash');
    assert.ok(!/ style="/.test(page), 'no inline style attributes (the CSP would block them)');
  });

  it('the panel variant carries a nonce on its only script and style, and open buttons', () => {
    const panel = renderHtml(report, { panel: { nonce: 'N0nce', cspSource: 'vscode-webview://x', scriptUri: 'vscode-webview://x/report.js', styleUri: 'vscode-webview://x/report.css' } });
    assert.match(panel.replace(/&#39;/g, "'"), /script-src 'nonce-N0nce'/);
    assert.deepEqual(panel.match(/<script[^>]*>/g), ['<script nonce="N0nce" src="vscode-webview://x/report.js">']);
    assert.ok(panel.includes('data-open="f0-0"'));
    assert.ok(panel.includes('data-export="sarif"'));
  });

  it('escapes hostile markup in names, clauses, paths, decisions, comments and settings', () => {
    const hostile = renderHtml(buildReport(hostileReportInput()));
    for (const p of PAYLOADS) assert.ok(!hostile.includes(p), `raw payload ${p}`);
    assert.ok(!/<(script|img|svg|iframe)\b/i.test(hostile), 'no active element from the contract');
    assert.ok(!/<a href="javascript/i.test(hostile));
    assert.ok(hostile.includes(escapeHtml(PAYLOADS[0])));
    assert.ok(hostile.includes(escapeHtml(PAYLOADS[1])));
  });
});
