import * as assert from 'node:assert/strict';
import { chainRules } from '../../../src/core/rules/chain';
import { allRules } from '../../../src/core/rules/registry';
import { reviewChain } from '../../../src/core/chain';
import { factsOf } from './helpers';

// Every chain rule's documented examples are tests, as for the per-contract rules.
describe('chain rule examples (metadata = tests = documentation)', () => {
  for (const rule of chainRules) {
    describe(rule.id, () => {
      it('has complete metadata and an id no per-contract rule uses', () => {
        assert.match(rule.id, /^chain(-[a-z]+)+$/);
        assert.ok(rule.title && rule.description && rule.rationale);
        assert.ok(rule.examples.some((e) => e.expect === 'pass') && rule.examples.some((e) => e.expect === 'fail'));
        assert.ok(!allRules.some((r) => r.id === rule.id));
      });
      for (const ex of rule.examples) {
        it(`${ex.expect}: ${ex.title}`, () => {
          const r = reviewChain(factsOf(ex.contracts), { consents: ex.consents, rules: [rule] });
          assert.deepEqual(r.ruleErrors, []);
          if (ex.expect === 'pass') assert.deepEqual(r.findings.map((f) => f.message), []);
          else {
            assert.ok(r.findings.length > 0, 'expected a finding');
            if (ex.messageIncludes) assert.ok(r.findings.some((f) => f.message.includes(ex.messageIncludes!)), r.findings.map((f) => f.message).join('\n'));
          }
        });
      }
    });
  }
});
