import * as assert from 'node:assert/strict';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { checkDocument, exampleRange, firstSentence } from '../../../src/core/index';
import { allRules } from '../../../src/core/rules/registry';
import { loadTestScreener } from '../helpers/screener';

const CLAUSE_RULE = /^(?:subcontracting-consent|sanctions-clause)-/;


// Every rule's documented examples are tests: 'fail' examples must produce a finding of that rule,
// 'pass' examples none. The same examples generate docs/rules/<id>.md.
describe('rule examples (metadata = tests = documentation)', () => {
  const services = { screener: loadTestScreener() };
  for (const rule of allRules) {
    describe(rule.id, () => {
      it('has complete metadata', () => {
        if (CLAUSE_RULE.test(rule.id)) {
          for (const ex of rule.examples.filter((e) => e.expect === 'fail')) assert.ok(ex.coveredText !== undefined && ex.firstSentence, `${ex.title}: coveredText and firstSentence`);
        }
        assert.match(rule.id, /^[a-z]+(-[a-z]+)*$/);
        assert.ok(rule.title && rule.description && rule.rationale, 'title, description and rationale');
        assert.ok(rule.examples.some((e) => e.expect === 'pass'), 'at least one passing example');
        assert.ok(rule.examples.some((e) => e.expect === 'fail'), 'at least one failing example');
      });
      for (const ex of rule.examples) {
        it(`${ex.expect}: ${ex.title} (${ex.format})`, () => {
          const doc = createSourceDocument(`example.${ex.format === 'markdown' ? 'md' : 'txt'}`, ex.text, ex.format);
          const result = checkDocument(doc, { rules: [rule], services });
          assert.deepEqual(result.ruleErrors, []);
          const mine = result.findings.filter((f) => f.rule === rule.id);
          if (ex.expect === 'pass') assert.equal(mine.length, 0, mine.map((f) => f.message).join('\n'));
          else {
            assert.ok(mine.length > 0, 'expected a finding');
            if (ex.messageIncludes) assert.ok(mine.some((f) => f.message.includes(ex.messageIncludes!)), mine.map((f) => f.message).join('\n'));
            // As strong as remark-lint's examples: the exact ranges and the exact first sentence of each message.
            assert.ok(ex.findings?.length, 'a failing example states its findings: range and first sentence');
            assert.deepEqual(
              mine.map((f) => ({ range: exampleRange(f.range), firstSentence: firstSentence(f.message) })),
              ex.findings,
            );
            // Range and first sentence stated exactly (the clause rules must state both).
            if (ex.coveredText !== undefined) assert.equal(ex.text.slice(mine[0].span.start, mine[0].span.end), ex.coveredText);
            if (ex.firstSentence !== undefined) assert.equal(firstSentence(mine[0].message), ex.firstSentence);
          }
        });
      }
    });
  }
});
