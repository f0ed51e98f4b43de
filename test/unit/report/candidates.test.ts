import { describeShared } from '../helpers/sharedData';
import assert from 'node:assert/strict';
import { buildReport } from '../../../src/core/report/build';
import { partyCandidates } from '../../../src/core/report/candidates';
import { checkDocument } from '../../../src/core/index';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { readSample, sampleReportInput, sdnEntity } from './fixtures';

describeShared('report screening candidates', () => {
  it('lists every party of the contract once, with its best match when there is one', () => {
    const s = readSample('animation-production-agreement.md');
    const model = checkDocument(s.doc).model;
    const asked: string[] = [];
    const rows = partyCandidates(model, (name) => {
      asked.push(name);
      return name.startsWith('Golden') ? { score: 0.52, name: 'GOLDEN STAR CO', entity: { ...sdnEntity('24752'), aliases: [], addresses: [], countries: [], identifiers: [], type: 'organization' }, explanation: 'golden' } : undefined;
    });
    const parties = [...new Set(model.parties.map((p) => p.name.replace(/\s+/g, ' ').trim()))];
    assert.ok(parties.includes('Brightwater Pictures LLC') && parties.some((p) => p.startsWith('Golden Lantern')), parties.join(', '));
    assert.deepEqual(asked, parties);
    assert.deepEqual(rows.map((r) => r.name), parties);
    const golden = rows.find((r) => r.name.startsWith('Golden'))!;
    assert.equal(golden.match?.entity.id, 'ofac-sdn:24752');
    assert.equal(s.text.slice(golden.span!.start, golden.span!.end).replace(/\s+/g, ' '), golden.name);
    assert.equal(rows.find((r) => r.name === 'Brightwater Pictures LLC')?.match, undefined);
  });

  it('skips redactions that are not names, and repeats', () => {
    const text = 'SERVICES AGREEMENT between [ * * * ] and Acme Widgets Inc. and Acme  Widgets Inc.\n';
    const model = checkDocument(createSourceDocument('x.txt', text)).model;
    const at = (name: string, from = 0) => ({ start: text.indexOf(name, from), end: text.indexOf(name, from) + name.length });
    const parties = [
      { name: '[ * * * ]', nameSpan: at('[ * * * ]'), source: 'preamble' as const },
      { name: 'Acme Widgets Inc.', nameSpan: at('Acme Widgets Inc.'), source: 'preamble' as const },
      { name: 'Acme  Widgets Inc.', nameSpan: at('Acme  Widgets Inc.'), source: 'signature' as const },
    ];
    const rows = partyCandidates({ ...model, parties }, () => undefined);
    assert.deepEqual(rows.map((r) => r.name), ['Acme Widgets Inc.']);
  });

  it('shows names below the threshold after the reported and suppressed matches of the same contract', () => {
    const input = sampleReportInput();
    const rows = buildReport(input).screening.filter((r) => r.fileIndex === 0);
    const order = rows.map((r) => r.status);
    assert.deepEqual(order, [...order].sort((a, b) => ['reported', 'suppressed', 'not-reported'].indexOf(a) - ['reported', 'suppressed', 'not-reported'].indexOf(b)));
  });
});
