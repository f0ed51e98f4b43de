import { describeShared } from '../helpers/sharedData';
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { buildContractModel } from '../../../src/core/model/buildModel';
import { escapeRe, matchesAfterLabel } from '../../../src/core/rules/support/performer';

const CONTRACTS = resolve(__dirname, '../../../../..', 'shared', 'data', 'contracts');

describeShared('matchesAfterLabel (the fast form of text.match(/\\blabel…/gi))', () => {
  const REST = '(?:\\s+(?:and|or)\\s+its\\s+\\w+)?\\s+(?:shall|will|must)\\s+(?:\\w+\\s+){0,3}?(?:provide|perform|deliver)\\w*(?:\\s+[^\\s.;]+){0,2}';
  const reference = (text: string, label: string) => text.match(new RegExp(`\\b${escapeRe(label)}${REST}`, 'gi')) ?? [];

  it('finds exactly what the global case-insensitive expression finds, on odd text', () => {
    const text = 'THE SUPPLIER SHALL PROVIDE x. the supplier will deliver y; Supplier\u0130 shall provide; subSupplier shall provide z. Supplier and its affiliates must perform the work. Supplier Supplier shall provide w';
    for (const label of ['Supplier', 'supplier', 'SUPPLIER', 'Sup', 'Suppl.ier', 'Supplier\u0130', 'É']) assert.deepEqual(matchesAfterLabel(text, label, REST), reference(text, label), label);
  });

  it('agrees on the parties of real contracts', function () {
    this.timeout(60_000);
    const files = ['markdown', 'cuad'].flatMap((d) =>
      readdirSync(join(CONTRACTS, d))
        .filter((f) => /\.(md|txt)$/.test(f) && !/README|SOURCES/.test(f))
        .sort()
        .slice(0, 12)
        .map((f) => join(CONTRACTS, d, f)),
    );
    let labels = 0;
    for (const f of files) {
      const model = buildContractModel(createSourceDocument(f, readFileSync(f, 'utf8')));
      for (const party of model.parties) {
        for (const label of [party.role, party.name].filter((x): x is string => !!x)) {
          labels++;
          assert.deepEqual(matchesAfterLabel(model.plain.text, label, REST), reference(model.plain.text, label), `${f}: ${label}`);
        }
      }
    }
    assert.ok(labels > 30, `${labels} labels compared`);
  });
});
