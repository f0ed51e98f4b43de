import * as assert from 'node:assert/strict';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { checkDocument } from '../../../src/core/index';
import { allRules } from '../../../src/core/rules/registry';

// Odd input reaches the clause rules as text: they must report, never throw (ruleErrors stays empty).
const RULES = allRules.filter((r) => /^subcontracting-|^sanctions-clause-/.test(r.id));
const CASES: Record<string, string> = {
  empty: '',
  'only whitespace and CRLF': ' \r\n\t\r\n',
  'one sentence without full stops, repeated': 'The Supplier may subcontract and may '.repeat(5000) + 'without',
  'provisos without end': 'Supplier shall not assign obligations to any third party, provided that '.repeat(2000),
  'control characters, BOM, RTL override, astral letters': '\u202e\u0000\uFEFF𝕊𝕦𝕓𝕔𝕠𝕟𝕥𝕣𝕒𝕔𝕥 '.repeat(2000) + ' shall not subcontract',
  'thousands of quoted defined terms': '("X") '.repeat(10000),
  'unclosed emphasis and HTML': '**The Supplier shall not <span class="x">subcontract without _consent',
  'lone surrogates': 'The Supplier \ud800 shall not \udc00 subcontract without the Customer\u2019s prior written consent.',
};

describe('clause rules on bad input', () => {
  for (const [name, text] of Object.entries(CASES)) {
    for (const format of ['markdown', 'plaintext'] as const) {
      it(`${name} (${format})`, () => {
        const r = checkDocument(createSourceDocument(`bad.${format === 'markdown' ? 'md' : 'txt'}`, text, format), { rules: RULES });
        assert.deepEqual(r.ruleErrors, []);
        for (const f of r.findings) {
          assert.ok(f.span.start >= 0 && f.span.end <= text.length && f.span.start <= f.span.end);
          assert.ok(f.message.length > 20);
        }
      });
    }
  }
});
