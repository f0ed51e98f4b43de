import { describeShared } from '../helpers/sharedData';
import assert from 'node:assert/strict';
import { clauseLookup } from '../../../src/core/index';
import { toJsonV1 } from '../../../src/cli/commands/check';
import { buildReport } from '../../../src/core/report/build';
import { renderJson } from '../../../src/core/report/json';
import { CONFIRMED, sampleReportInput } from './fixtures';

describeShared('report JSON export', () => {
  const input = sampleReportInput();
  const report = buildReport(input);
  const json = JSON.parse(renderJson(report));

  it('contains the CLI JSON v1 output unchanged (fields are added, never renamed)', () => {
    // What `clauseguard check --format json` prints for the same files and lists.
    const checked = input.files.map((f) => ({ path: f.path, sha256: f.sha256, text: '', review: { ...f.review, uri: f.path, version: 0, directiveProblems: [] } }));
    const v1 = JSON.parse(JSON.stringify(toJsonV1(checked, [...input.lists], true)));
    assert.deepEqual(json.tool, v1.tool === undefined ? json.tool : { name: v1.tool.name, version: json.tool.version });
    assert.deepEqual(Object.keys(v1).filter((k) => !(k in json)), []);
    assert.deepEqual(json.lists.map(({ id, name, date, entries, sha256 }: Record<string, unknown>) => ({ id, name, date, entries, sha256 })), v1.lists);
    json.files.forEach((f: Record<string, unknown>, i: number) => {
      const expected = v1.files[i];
      for (const key of Object.keys(expected)) {
        if (key === 'findings' || key === 'suppressed') {
          (f[key] as Record<string, unknown>[]).forEach((x, n) => {
            for (const k of Object.keys(expected[key][n])) assert.deepEqual(x[k], expected[key][n][k], `${f.path} ${key} ${n} ${k}`);
          });
        } else assert.deepEqual(f[key], expected[key], `${f.path} ${key}`);
      }
    });
  });

  it('adds the report: reviewer, settings, per-file status, suppressed findings, decisions, screening', () => {
    assert.equal(json.report.reviewer, report.reviewer);
    assert.equal(json.report.generatedAt, report.generatedAt);
    assert.deepEqual(json.report.settings, report.settings);
    assert.equal(json.files[0].status, 'fail');
    assert.ok(json.files[0].suppressed.some((s: { suppression: { kind: string } }) => s.suppression.kind === 'inline'));
    const sek = json.files[0].findings.find((x: { text: string }) => x.text === 'Sek Studio');
    assert.deepEqual(sek.decision, CONFIRMED);
    assert.equal(sek.match.entity.id, 'ofac-sdn:34022');
    assert.equal(sek.clause.id, clauseLookup(input.files[0].review.clauses).clauseAt(sek.range ? report.files[0].findings.find((x) => x.text === 'Sek Studio')!.span.start : 0)!.id);
    assert.equal(json.screening.length, report.screening.length);
  });
});
