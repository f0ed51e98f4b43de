import { describeShared } from '../helpers/sharedData';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { evaluateContract } from '../../../src/core/rules/support/evaluate';
import { REPO, SHARED_DATA, sharedDataAvailable } from '../helpers/sharedData';

interface Label {
  file: string;
  expected: 'missing' | 'weak' | 'ok';
  decidingSentence: string;
  note: string;
}

// Regression fixture: contracts read and labelled by hand (test/fixtures/subcontracting/labels.json).
// Misreadings must stay at or below 1 in 20, as issue 5 asks.
describeShared('subcontracting rules on hand-labelled real contracts', function () {
  this.timeout(120000);
  const verdicts = new Map<string, ReturnType<typeof evaluateContract>>();
  const verdict = (file: string) => {
    let v = verdicts.get(file);
    if (!v) {
      v = evaluateContract(createSourceDocument(file, readFileSync(join(SHARED_DATA, 'contracts', file), 'utf8')));
      verdicts.set(file, v);
    }
    return v;
  };
  const labels = (JSON.parse(readFileSync(join(REPO, 'test/fixtures/subcontracting/labels.json'), 'utf8')) as { labels: Label[] }).labels;

  it('has at least 30 labels, each with a reason', () => {
    assert.ok(labels.length >= 30, `${labels.length} labels`);
    for (const l of labels) assert.ok(['missing', 'weak', 'ok'].includes(l.expected) && l.note, l.file);
  });

  it('misreads at most 1 contract in 20', function () {
    if (!sharedDataAvailable()) this.skip();
    const wrong: string[] = [];
    for (const l of labels) {
      const got = verdict(l.file);
      if (got.result !== l.expected) wrong.push(`${l.file}: expected ${l.expected}, got ${got.result} (${got.decidingSentence ?? got.message ?? ''})`);
    }
    assert.ok(wrong.length * 20 <= labels.length, `${wrong.length} of ${labels.length} misread:\n${wrong.join('\n')}`);
  });

  it('quotes the deciding sentence for labelled weak clauses', function () {
    if (!sharedDataAvailable()) this.skip();
    // The label's sentence (first words) must be the one the rule decided on, for most weak labels.
    const weak = labels.filter((l) => l.expected === 'weak');
    let same = 0;
    for (const l of weak) {
      const got = verdict(l.file);
      const head = l.decidingSentence.replace(/\.\.\..*$/, '').split(/\s+/).slice(0, 5).join(' ').replace(/’/g, "'");
      if ((got.decidingSentence ?? '').replace(/’/g, "'").includes(head)) same++;
    }
    assert.ok(same >= weak.length * 0.8, `${same} of ${weak.length} deciding sentences match the label`);
  });
});
