import { describeShared } from '../helpers/sharedData';
import * as assert from 'node:assert/strict';
import { buildContractModel } from '../../../src/core/model/buildModel';
import { sharedDataAvailable } from '../helpers/sharedData';
import { corpusFiles, loadContract } from './corpus';
import { assertSpansSliceBack } from './spans';

describeShared('the model of every real contract in the shared corpus', function () {
  before(function () {
    if (!sharedDataAvailable()) this.skip();
  });
  const files = sharedDataAvailable() ? corpusFiles() : [];

  it('covers the whole corpus (121 CUAD text contracts and 20 Markdown agreements)', () => {
    assert.equal(files.filter((f) => f.endsWith('.txt')).length, 121);
    assert.equal(files.filter((f) => f.endsWith('.md')).length, 20);
  });

  for (const file of files) {
    it(file, () => {
      const model = buildContractModel(loadContract(file));
      assertSpansSliceBack(model, file);
      // A non-trivial clause tree: several clauses, and either nesting or a long list of sections.
      const depth = Math.max(0, ...model.allClauses.map((c) => c.level));
      assert.ok(model.allClauses.length >= 4, `${file}: only ${model.allClauses.length} clauses`);
      assert.ok(depth >= 2 || model.clauses.length >= 8, `${file}: flat tree of ${model.clauses.length} clauses`);
      assert.ok(model.sentences.length >= 20, `${file}: only ${model.sentences.length} sentences`);
    });
  }
});
