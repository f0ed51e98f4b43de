import { describeShared } from '../helpers/sharedData';
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_CLAUSE_FILES } from '../../../src/core/fixes/bundled';
import { loadClauseLibrary } from '../../../src/core/fixes/library';
import { applyFixAction, clauseFixActions } from '../../../src/core/fixes/quickFix';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { checkDocument } from '../../../src/core/index';
import { allRules } from '../../../src/core/rules/registry';

// Applies each quick fix to real contracts and to our own fixtures, checks the inserted text, then
// re-runs the rules and expects the finding gone. Nothing outside the inserted text may change.
const CONTRACTS = join(__dirname, '../../../../../shared/data/contracts');
const FIXTURES = join(__dirname, '../../../../test/fixtures/subcontracting');
const library = loadClauseLibrary(BUNDLED_CLAUSE_FILES);
const MY_RULES = ['subcontracting-consent-missing', 'subcontracting-consent-weak', 'sanctions-clause-missing'];

function check(uri: string, text: string) {
  return checkDocument(createSourceDocument(uri, text), { rules: allRules.filter((r) => MY_RULES.includes(r.id)) });
}

/** The text outside the insertions is byte-identical. */
function assertOnlyInserted(before: string, after: string, pieces: { offset: number; text: string }[]): void {
  let rebuilt = after;
  for (const p of [...pieces].sort((a, b) => a.offset - b.offset).reverse()) {
    const shifted = p.offset + pieces.filter((q) => q.offset < p.offset).reduce((n, q) => n + q.text.length, 0);
    assert.equal(rebuilt.slice(shifted, shifted + p.text.length), p.text);
    rebuilt = rebuilt.slice(0, shifted) + rebuilt.slice(shifted + p.text.length);
  }
  assert.equal(rebuilt, before);
}

function fixAndRecheck(uri: string, text: string, rule: string): { after: string; inserted: string } {
  const finding = check(uri, text).findings.find((f) => f.rule === rule);
  assert.ok(finding, `expected a ${rule} finding in ${uri}`);
  const actions = clauseFixActions(finding, library);
  assert.ok(actions.length > 0, 'quick fixes offered');
  const action = actions[0];
  const after = applyFixAction(text, action);
  assertOnlyInserted(text, after, [{ offset: action.offset, text: action.text }, ...(action.alsoInsert ?? [])]);
  const again = check(uri, after).findings.filter((f) => f.rule === rule);
  assert.deepEqual(again.map((f) => f.message), [], `finding gone after "${action.title}"`);
  return { after, inserted: action.text };
}

describeShared('clause quick fixes on real contracts', () => {
  it('Markdown (Common Paper CSA): weak assignment clause → strict subcontracting clause, Provider/Customer names', () => {
    const text = readFileSync(join(CONTRACTS, 'markdown/commonpaper/CSA.md'), 'utf8');
    const { inserted } = fixAndRecheck('CSA.md', text, 'subcontracting-consent-weak');
    assert.match(inserted, /Provider shall not subcontract/);
    assert.match(inserted, /prior written consent of Customer/);
  });

  it('plain text (CUAD consulting agreement): missing clause inserted with the contract’s party names', () => {
    const file = 'cuad/SPHERE3DCORP_06_24_2020-EX-10.12-CONSULTING AGREEMENT.txt';
    const text = readFileSync(join(CONTRACTS, file), 'utf8');
    const { inserted } = fixAndRecheck(file, text, 'subcontracting-consent-missing');
    assert.match(inserted, /Consultant shall not subcontract/);
    assert.match(inserted, /Company/);
  });

  it('plain text with CRLF (CUAD): sanctions clause inserted, line endings kept', () => {
    const file = 'cuad/KIROMICBIOPHARMA,INC_05_11_2020-EX-10.23-CONSULTING AGREEMENT.txt';
    const text = readFileSync(join(CONTRACTS, file), 'utf8').replace(/\r?\n/g, '\r\n');
    const { inserted } = fixAndRecheck(file, text, 'sanctions-clause-missing');
    assert.ok(!/[^\r]\n/.test(inserted), 'only CRLF line breaks');
    assert.match(inserted, /50% or more/);
  });
});

describeShared('clause quick fixes: numbering, position and names (fixtures)', () => {
  it('Markdown "## 12.3 Assignment" → "## 12.4 Subcontracting" after the last sub-clause, Studio/Producer', () => {
    const text = readFileSync(join(FIXTURES, 'numbered-studio.md'), 'utf8');
    const { after, inserted } = fixAndRecheck('numbered-studio.md', text, 'subcontracting-consent-missing');
    assert.match(inserted, /^\n\n### 12\.4 Subcontracting\n\nNotwithstanding any other provision of this Agreement, the Studio shall not subcontract/);
    assert.match(inserted, /prior written consent of the Producer/);
    assert.ok(after.indexOf('### 12.4 Subcontracting') > after.indexOf('### 12.3 Assignment'));
    assert.ok(after.indexOf('### 12.4 Subcontracting') < after.indexOf('## 13. Notices'));
  });

  it('plain text "(c)" sub-clauses → "(d)" continues the lettering', () => {
    const text = readFileSync(join(FIXTURES, 'lettered-supplier.txt'), 'utf8');
    const { inserted } = fixAndRecheck('lettered-supplier.txt', text, 'subcontracting-consent-missing');
    assert.match(inserted, /^\n\n\(d\) Subcontracting\. Notwithstanding any other provision of this Agreement, the Supplier shall not subcontract/);
  });

  it('plain text ALL-CAPS numbered headings → "13. SANCTIONS."', () => {
    const text = readFileSync(join(FIXTURES, 'caps-headings.txt'), 'utf8');
    const { inserted } = fixAndRecheck('caps-headings.txt', text, 'sanctions-clause-missing');
    assert.match(inserted, /^\n\n13\. SANCTIONS\. Each party represents/);
  });
});
