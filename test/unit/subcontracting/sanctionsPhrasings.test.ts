import * as assert from 'node:assert/strict';
import { BUNDLED_CLAUSE_FILES } from '../../../src/core/fixes/bundled';
import { loadClauseLibrary } from '../../../src/core/fixes/library';
import { applyFixAction, clauseFixActions } from '../../../src/core/fixes/quickFix';
import { createSourceDocument, type ContractFormat } from '../../../src/core/document/sourceDocument';
import { checkDocument } from '../../../src/core/index';
import { sanctionsClauseMissing } from '../../../src/core/rules/sanctionsClause/sanctionsMissing';
import { sanctionsClauseWeak } from '../../../src/core/rules/sanctionsClause/sanctionsWeak';

// Issue 14: the ways real contracts write a sanctions or export-control clause, in Markdown and plain text.
function build(format: ContractFormat, clause: string): string {
  return format === 'markdown'
    ? `# Services Agreement\n\n## 1. Services\n\nThe Supplier shall provide the Services.\n\n## 2. Payment\n\nThe Customer shall pay within 30 days.\n\n## 3. Compliance\n\n${clause}\n`
    : `SERVICES AGREEMENT\n\n1. SERVICES. The Supplier shall provide the Services.\n\n2. PAYMENT. The Customer shall pay within 30 days.\n\n3. COMPLIANCE. ${clause}\n`;
}

function run(format: ContractFormat, clause: string) {
  const doc = createSourceDocument(format === 'markdown' ? 'c.md' : 'c.txt', build(format, clause), format);
  const { findings } = checkDocument(doc, { rules: [sanctionsClauseMissing, sanctionsClauseWeak] });
  return { missing: findings.filter((f) => f.rule === sanctionsClauseMissing.id), weak: findings.filter((f) => f.rule === sanctionsClauseWeak.id) };
}

/** Each is a sanctions clause (partial): [name, clause, parts it must be seen to cover]. */
const CLAUSES: [string, string, string[]][] = [
  ['mutual restricted-party and embargoed-country representation', 'Each party represents that it is not named on any U.S. government list of restricted parties and is not located in an embargoed country.', ['representation', 'jurisdictions']],
  ['supplier warranty: not a target of sanctions, complies with export-control and sanctions laws', 'The Supplier warrants that it is not the target of sanctions and that it complies with all export control and sanctions laws.', ['representation']],
  ['prohibited or restricted parties, SDN', 'The Customer is not listed on any United States list of prohibited or restricted parties, such as the Specially Designated Nationals and Blocked Persons List.', []],
  ['OFAC by name', 'The Supplier shall not deal with any person on a list maintained by OFAC.', ['covenant']],
  ['EU, UK and UN sanctions', 'Neither party shall act in breach of EU sanctions, UK sanctions or UN sanctions.', ['covenant']],
  ['denied parties and the Entity List', 'The Customer shall not transfer the Software to any denied party or to any entity on the Entity List.', ['covenant']],
  ['sanctioned countries', 'The Supplier shall not perform any of the Services in a sanctioned country or territory.', ['covenant', 'jurisdictions']],
  ['export control and trade laws', 'Each party shall comply with all export control and trade laws that apply to it.', ['covenant']],
  ['anti-boycott', 'Each party agrees to comply with all applicable laws, including the U.S. anti-boycott regulations.', ['covenant']],
  ['export covenant on products', 'The Customer shall not export or re-export the Products to any country without the licences United States law requires.', ['covenant']],
  ['owned 50% or more by a sanctioned person, with notice and termination', 'The Supplier represents that it is not owned 50% or more by any sanctioned person, shall notify the Customer if this changes, and the Customer may then terminate.', ['representation', 'owners', 'notice', 'termination']],
];

/** Not sanctions clauses: false friends. */
const NOT_CLAUSES: [string, string][] = [
  ['embargoes in force majeure', 'Neither party is liable for delay caused by war, embargoes or other causes beyond its reasonable control.'],
  ['disciplinary sanctions', 'Breach of the code of conduct may lead to disciplinary sanctions.'],
  ['export duties and fees', 'The Customer shall pay all import and export duties, fees and taxes.'],
  ['exporting data', 'The Customer may export its data from the Service at any time.'],
  ['commercial re-export bar', 'The Distributor shall not re-export the Products without the Supplier’s consent.'],
  ['a list of services with bullets', 'Services include: • Export controls • Denied party screening • Monthly reports • Customs documentation'],
];

describe('sanctions clause phrasings (issue 14)', () => {
  for (const format of ['markdown', 'plaintext'] as const) {
    describe(format, () => {
      for (const [name, clause, parts] of CLAUSES) {
        it(`is a sanctions clause: ${name}`, () => {
          const r = run(format, clause);
          assert.deepEqual(r.missing.map((f) => f.message), [], 'never "no sanctions clause" when there is one');
          assert.equal(r.weak.length, 1);
          const present = r.weak[0].data?.present as string[];
          for (const p of parts) assert.ok(present.includes(p), `${p} in ${present.join(', ')}`);
          // The message names exactly what is missing, and the finding sits on the clause.
          const missing = r.weak[0].data?.missing as string[];
          assert.ok(missing.length > 0 && missing.every((m) => !present.includes(m)));
          assert.equal(r.weak[0].text.replace(/\s+/g, ' '), clause);
          if (missing.includes('owners')) assert.match(r.weak[0].message, /owners of 50% or more/);
          if (missing.includes('flow-down')) assert.match(r.weak[0].message, /flow-down of the clause to subcontractors/);
        });
      }
      for (const [name, clause] of NOT_CLAUSES) {
        it(`is not a sanctions clause: ${name}`, () => {
          const r = run(format, clause);
          assert.equal(r.weak.length, 0, r.weak.map((f) => f.text).join('\n'));
          assert.equal(r.missing.length, 1);
          assert.match(r.missing[0].message, /Add a sanctions representation and covenant as Section 4, after Section 3 “(?:Compliance|COMPLIANCE)”\.$/);
        });
      }
      it('a list of laws after a promise to comply belongs to the promise ("These laws include … anti-boycott …")', () => {
        const r = run(format, 'Each party agrees to comply with all applicable laws. These laws include the U.S. anti-boycott regulations and the export control laws of the United States.');
        assert.equal(r.missing.length, 0);
        assert.equal(r.weak[0].text.replace(/\s+/g, ' '), 'These laws include the U.S. anti-boycott regulations and the export control laws of the United States.');
      });

      it('mutual clauses are marked mutual, one-sided ones not', () => {
        assert.equal(run(format, CLAUSES[0][1]).weak[0].data?.mutual, true);
        assert.equal(run(format, CLAUSES[1][1]).weak[0].data?.mutual, false);
      });
    });
  }
});

describe('the bundled sanctions clause completes a contract', () => {
  const library = loadClauseLibrary(BUNDLED_CLAUSE_FILES);
  for (const format of ['markdown', 'plaintext'] as const) {
    for (const [name, clause] of [['no clause', 'Each party shall keep proper books.'], ['an export covenant', CLAUSES[9][1]]] as const) {
      it(`${format}, ${name}: after the quick fix neither sanctions rule reports`, () => {
        const text = build(format, clause);
        const doc = createSourceDocument(format === 'markdown' ? 'c.md' : 'c.txt', text, format);
        const finding = checkDocument(doc, { rules: [sanctionsClauseMissing, sanctionsClauseWeak] }).findings[0];
        const action = clauseFixActions(finding, library).find((a) => a.kind !== 'edit-words');
        assert.ok(action, 'a clause insertion is offered');
        const fixed = applyFixAction(text, action);
        const after = checkDocument(createSourceDocument(doc.uri, fixed, format), { rules: [sanctionsClauseMissing, sanctionsClauseWeak] }).findings;
        assert.deepEqual(after.map((f) => f.message), []);
      });
    }
  }
});
