import { describeShared } from '../helpers/sharedData';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { buildReport } from '../../../src/core/report/build';
import { artifactLocation, renderSarif } from '../../../src/core/report/sarif';
import { hostileReportInput, REPO, sampleReportInput } from './fixtures';

// The official SARIF 2.1.0 JSON schema (draft-04), as shipped in @microsoft/jest-sarif.
const requireFromRepo = createRequire(resolve(REPO, 'package.json'));
const schema = requireFromRepo('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const Ajv = require('ajv-draft-04');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const addFormats = require('ajv-formats');

function validator() {
  // unicodeRegExp: the schema's "language" pattern is not valid with the u flag; it is valid JavaScript otherwise.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

describeShared('report SARIF 2.1.0 export', () => {
  const validate = validator();
  const report = buildReport(sampleReportInput());
  const sarif = JSON.parse(renderSarif(report));

  it('validates against the official SARIF 2.1.0 schema', () => {
    assert.equal(sarif.version, '2.1.0');
    assert.ok(validate(sarif), JSON.stringify(validate.errors, null, 2));
    const hostile = JSON.parse(renderSarif(buildReport(hostileReportInput())));
    assert.ok(validate(hostile), JSON.stringify(validate.errors, null, 2));
  });

  it('the schema check can fail: a result without a message is rejected', () => {
    const broken = structuredClone(sarif);
    delete broken.runs[0].results[0].message;
    assert.equal(validate(broken), false);
  });

  it('has one result per finding, suppressed ones with their justification', () => {
    const results = sarif.runs[0].results;
    const expected = report.files.flatMap((f) => [...f.findings, ...f.suppressed]);
    assert.equal(results.length, expected.length);
    const suppressed = results.filter((r: { suppressions?: unknown[] }) => r.suppressions);
    assert.equal(suppressed.length, report.totals.suppressed);
    assert.deepEqual(suppressed.map((r: { suppressions: { kind: string }[] }) => r.suppressions[0].kind).sort(), ['external', 'inSource']);
    const sek = results.find((r: { locations: { physicalLocation: { region: { snippet: { text: string } } } }[] }) => r.locations[0].physicalLocation.region.snippet.text === 'Sek Studio');
    assert.equal(sek.level, 'error');
    assert.equal(sek.properties.match.entity.id, 'ofac-sdn:34022');
    assert.equal(sek.properties.decision.verdict, 'confirmed-match');
    const x = report.files[0].findings.find((f) => f.text === 'Sek Studio')!;
    assert.deepEqual(sek.locations[0].physicalLocation.region, {
      startLine: x.range.start.line + 1,
      startColumn: x.range.start.character + 1,
      endLine: x.range.end.line + 1,
      endColumn: x.range.end.character + 1,
      snippet: { text: 'Sek Studio' },
    });
  });

  it('describes every rule and every file with its SHA-256', () => {
    const run = sarif.runs[0];
    for (const c of report.checks) assert.ok(run.tool.driver.rules.some((r: { id: string; help: { text: string } }) => r.id === c.id && r.help.text.includes(c.rationale)));
    assert.deepEqual(run.artifacts.map((a: { hashes: Record<string, string> }) => a.hashes['sha-256']), report.files.map((f) => f.sha256));
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.properties.lists, report.lists);
  });

  it('encodes paths with spaces, commas and accents as URI references', () => {
    assert.deepEqual(artifactLocation({ path: 'cuad/LECLANCHÉ S.A. - JOINT DEVELOPMENT, AGREEMENT.txt' }), {
      uri: 'cuad/LECLANCH%C3%89%20S.A.%20-%20JOINT%20DEVELOPMENT%2C%20AGREEMENT.txt',
      uriBaseId: '%SRCROOT%',
    });
    assert.deepEqual(artifactLocation({ path: '/work/a b.md' }), { uri: 'file:///work/a%20b.md' });
    assert.deepEqual(artifactLocation({ path: 'C:\\Contracts\\a b.md' }), { uri: 'file:///C:/Contracts/a%20b.md' });
  });
});
