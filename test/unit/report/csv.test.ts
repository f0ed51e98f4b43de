import { describeShared } from '../helpers/sharedData';
import assert from 'node:assert/strict';
import { buildReport } from '../../../src/core/report/build';
import { CSV_COLUMNS, renderCsv } from '../../../src/core/report/csv';
import { hostileReportInput, sampleReportInput } from './fixtures';

/** An independent RFC 4180 parser (quoted fields, doubled quotes, CRLF records). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else if (c === '"') throw new Error(`quote inside an unquoted field at ${i}`);
    else field += c;
  }
  if (field !== '' || row.length) throw new Error('last record not ended by CRLF');
  return rows;
}

/** Importers strip the one leading ' that defuses spreadsheet formulas. */
const unguard = (v: string) => (v.startsWith("'") ? v.slice(1) : v);

describeShared('report CSV export', () => {
  for (const [name, make] of [
    ['sample contracts', sampleReportInput],
    ['hostile contract (quotes, commas, line breaks, formulas)', hostileReportInput],
  ] as const) {
    it(`parses back to the same findings: ${name}`, () => {
      const report = buildReport(make());
      const rows = parseCsv(renderCsv(report));
      assert.deepEqual(rows[0], [...CSV_COLUMNS]);
      const col = (r: string[], c: (typeof CSV_COLUMNS)[number]) => unguard(r[CSV_COLUMNS.indexOf(c)]);
      const expected = report.files.flatMap((f) => [...f.findings.map((x) => ({ f, x, status: 'open' })), ...f.suppressed.map((x) => ({ f, x, status: 'suppressed' }))]);
      assert.equal(rows.length - 1, expected.length);
      rows.slice(1).forEach((r, i) => {
        const { f, x, status } = expected[i];
        assert.equal(r.length, CSV_COLUMNS.length);
        assert.deepEqual(
          [col(r, 'finding_id'), col(r, 'file'), col(r, 'file_sha256'), col(r, 'status'), col(r, 'rule'), col(r, 'severity'), col(r, 'message'), col(r, 'text'), col(r, 'clause')],
          [x.id, f.path, f.sha256, status, x.rule, x.severity, x.message, x.text, x.clause?.label ?? ''],
        );
        assert.deepEqual(
          [col(r, 'line'), col(r, 'column'), col(r, 'end_line'), col(r, 'end_column')].map(Number),
          [x.range.start.line + 1, x.range.start.character + 1, x.range.end.line + 1, x.range.end.character + 1],
        );
        assert.equal(col(r, 'match_entity_id'), x.match?.entity.id ?? '');
        assert.equal(col(r, 'decision_reason'), x.decision?.reason ?? '');
      });
    });
  }

  it('defuses cells that a spreadsheet would run as a formula', () => {
    const csv = renderCsv(buildReport(hostileReportInput()));
    for (const r of parseCsv(csv).slice(1)) for (const cell of r) assert.ok(!/^[=+\-@]/.test(cell), cell);
  });
});
