import { describeShared } from '../helpers/sharedData';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { chainJson } from '../../../src/core/chain';
import { buildReport } from '../../../src/core/report/build';
import { renderHtml } from '../../../src/core/report/html';
import { renderJson } from '../../../src/core/report/json';
import { renderMarkdown } from '../../../src/core/report/markdown';
import { renderSarif } from '../../../src/core/report/sarif';
import { review } from '../chain/helpers';
import { REPO, sampleReportInput } from './fixtures';

const CHAIN = ['1-prime-production-agreement.contract.md', '2-studio-subcontract.contract.md', '3-work-order.contract.txt'].map((f) => ({
  path: `samples/chain/${f}`,
  format: f.endsWith('.md') ? ('markdown' as const) : ('plaintext' as const),
  text: readFileSync(resolve(REPO, 'samples', 'chain', f), 'utf8'),
}));

describeShared('report: the "Contract chain" section and SARIF chain findings', () => {
  const chain = chainJson(review(CHAIN));
  const report = buildReport({ ...sampleReportInput(), chain });

  it('lists each contract of the chain and its findings in Markdown and HTML', () => {
    const md = renderMarkdown(report);
    const section = md.slice(md.indexOf('## Contract chain'), md.indexOf('## Basis of this report'));
    assert.match(section, /\| samples\/chain\/2-studio-subcontract\.contract\.md \| Golden Lantern Animation Co\., Ltd\. \| Harbour Crane Animation Studio Ltd\. \| no consent clause \| missing \|/);
    assert.match(section, /April 26 Children's Animation Film Studio \(matches SEK STUDIO\)/);
    for (const rule of ['Subcontract without recorded consent', 'Sanctioned party down the contract chain']) assert.ok(section.includes(rule), rule);
    const html = renderHtml(report);
    assert.match(html, /<section id="chain" aria-labelledby="chain-h">/);
    assert.ok(html.indexOf('id="chain"') < html.indexOf('id="basis"'));
    assert.equal(JSON.parse(renderJson(report)).chain.links.length, 3);
  });

  it('escapes party names in the HTML section', () => {
    const hostile = structuredClone(chain);
    hostile.parties[0].name = '<img src=x onerror=alert(1)>';
    const html = renderHtml(buildReport({ ...sampleReportInput(), chain: hostile }));
    assert.ok(!html.includes('<img src=x'), 'no raw markup');
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });

  it('carries the chain findings in SARIF, which still validates', () => {
    const sarif = JSON.parse(renderSarif(report));
    const run = sarif.runs[0];
    const mine = run.results.filter((r: { ruleId: string }) => r.ruleId.startsWith('chain-'));
    assert.deepEqual(mine.map((r: { ruleId: string }) => r.ruleId), chain.findings.map((f) => f.rule));
    for (const r of mine) {
      assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
      assert.match(r.locations[0].physicalLocation.artifactLocation.uri, /^samples\/chain\//);
    }
    const requireFromRepo = createRequire(resolve(REPO, 'package.json'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv = require('ajv-draft-04');
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('ajv-formats')(ajv);
    const validate = ajv.compile(requireFromRepo('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'));
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
  });

  it('has no chain section when the producer linked nothing', () => {
    assert.ok(!renderMarkdown(buildReport(sampleReportInput())).includes('## Contract chain'));
  });
});
