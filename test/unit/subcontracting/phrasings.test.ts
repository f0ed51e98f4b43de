import * as assert from 'node:assert/strict';
import { createSourceDocument, type ContractFormat } from '../../../src/core/document/sourceDocument';
import { checkDocument } from '../../../src/core/index';
import { subcontractingConsentMissing } from '../../../src/core/rules/subcontracting/consentMissing';
import { subcontractingConsentWeak } from '../../../src/core/rules/subcontracting/consentWeak';

// Every phrasing from issue 5, in Markdown and plain text: numbered and unnumbered sections, wrapped
// lines, ALL CAPS and emphasis inside the clause.
const RESTRICTIONS: [string, string][] = [
  ['subcontract', 'The Studio shall not subcontract any of the Services without the Producer’s prior written consent.'],
  ['sub-contract', 'The Studio shall not sub-contract any of the Services without the Producer’s prior written consent.'],
  ['sublet', 'The Studio shall not sublet any part of the Works without the Producer’s prior written consent.'],
  ['delegate duties', 'The Studio shall not delegate any of its duties under this Agreement without the Producer’s prior written consent.'],
  ['delegate performance', 'The Studio shall not delegate the performance of the Services without the prior written consent of the Producer.'],
  ['assign obligations', 'The Studio may not assign any of its obligations under this Agreement without the Producer’s prior written consent.'],
  ['engage any third party to perform', 'The Studio shall not engage any third party to perform the Services without the Producer’s prior written consent.'],
  ['outsource', 'The Studio shall not outsource any of the Services without the Producer’s prior written consent.'],
  ['appoint a Subcontractor', 'The Studio shall not appoint a Subcontractor without the Producer’s prior written approval.'],
  ['use subcontractors (authorization)', 'The Studio may use subcontractors only with the prior written authorization of the Producer.'],
  ['approved in writing in advance', 'The Studio may use only subcontractors approved in writing in advance by the Producer.'],
  ['mutual "Neither party"', 'Neither party shall subcontract or delegate any of its obligations without the prior written consent of the other party.'],
];

const NOT_RESTRICTIONS: [string, string][] = [
  ['"shall not be required to obtain consent"', 'The Studio shall not be required to obtain the Producer’s consent to subcontract any of the Services.'],
  ['"nothing prevents"', 'Nothing in this Agreement prevents the Studio from subcontracting any of the Services.'],
  ['"may subcontract without consent"', 'The Studio may subcontract any of the Services without the consent of the Producer.'],
  ['restriction binding only the other party', 'The Producer shall not subcontract any of its obligations without the Studio’s prior written consent.'],
  ['assignment of "this Agreement" only', 'The Studio may not assign this Agreement without the Producer’s prior written consent.'],
  ['assignment of "rights" only', 'The Studio may not assign its rights under this Agreement without the Producer’s prior written consent.'],
  ['notice only', 'The Studio may subcontract any of the Services on written notice to the Producer.'],
];

const PREAMBLE = 'This Agreement is made between Pixel Forge Ltd., a company incorporated in England (the "Studio"), and Northlight Pictures LLC, a Delaware limited liability company (the "Producer").';
const SERVICES = 'The Studio shall produce and deliver the animated episodes described in Schedule A.';

function wrap(s: string, width = 48): string {
  const out: string[] = [];
  let line = '';
  for (const w of s.split(' ')) {
    if (line && line.length + w.length + 1 > width) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  return [...out, line].join('\n');
}

const STYLES: { name: string; format: ContractFormat; build: (s: string) => string }[] = [
  { name: 'Markdown, numbered heading', format: 'markdown', build: (s) => `# Animation Services Agreement\n\n${PREAMBLE}\n\n## 1. Services\n\n${SERVICES}\n\n## 7. Subcontracting\n\n${s}\n` },
  { name: 'Markdown, unnumbered heading, wrapped lines', format: 'markdown', build: (s) => `# Animation Services Agreement\n\n${PREAMBLE}\n\n## Services\n\n${SERVICES}\n\n## Subcontracting\n\n${wrap(s)}\n` },
  {
    name: 'Markdown, emphasis inside the clause',
    format: 'markdown',
    build: (s) => `# Animation Services Agreement\n\n${PREAMBLE}\n\n## 7. Subcontracting\n\n${s.replace(/ not /, ' **not** ').replace(/prior written/, '*prior written*').replace(/\bStudio\b/, '__Studio__')}\n`,
  },
  { name: 'plain text, numbered run-in', format: 'plaintext', build: (s) => `ANIMATION SERVICES AGREEMENT\n\n${PREAMBLE}\n\n1. Services. ${SERVICES}\n\n7. Subcontracting. ${s}\n` },
  { name: 'plain text, ALL CAPS', format: 'plaintext', build: (s) => `ANIMATION SERVICES AGREEMENT\n\n${PREAMBLE}\n\n1. SERVICES. ${SERVICES}\n\n7. SUBCONTRACTING. ${s.toUpperCase()}\n` },
  { name: 'plain text, unnumbered, wrapped lines (CRLF)', format: 'plaintext', build: (s) => `ANIMATION SERVICES AGREEMENT\r\n\r\n${PREAMBLE}\r\n\r\nSERVICES\r\n\r\n${SERVICES}\r\n\r\nSUBCONTRACTING\r\n\r\n${wrap(s).replace(/\n/g, '\r\n')}\r\n` },
];

function run(text: string, format: ContractFormat) {
  const doc = createSourceDocument(format === 'markdown' ? 'c.md' : 'c.txt', text, format);
  const { findings } = checkDocument(doc, { rules: [subcontractingConsentMissing, subcontractingConsentWeak] });
  return { missing: findings.filter((f) => f.rule === subcontractingConsentMissing.id), weak: findings.filter((f) => f.rule === subcontractingConsentWeak.id) };
}

describe('subcontracting phrasings', () => {
  for (const style of STYLES) {
    describe(style.name, () => {
      for (const [name, sentence] of RESTRICTIONS) {
        it(`counts as a restriction: ${name}`, () => {
          const r = run(style.build(sentence), style.format);
          assert.deepEqual(r.missing.map((f) => f.message), []);
          // The clause exists, so -weak reports it (no flow-down / liability) — but never "not prior/written".
          assert.equal(r.weak.length, 1);
          const missing = r.weak[0].data?.missing as string[];
          if (/prior written|in writing in advance/.test(sentence)) assert.ok(!missing.includes('prior') && !missing.includes('written'), missing.join(', '));
          assert.equal(missing.includes('assignment-only'), name === 'assign obligations', missing.join(', '));
          assert.equal(r.weak[0].data?.performingParty, 'Studio');
        });
      }
      for (const [name, sentence] of NOT_RESTRICTIONS) {
        it(`is not a restriction: ${name}`, () => {
          const r = run(style.build(sentence), style.format);
          assert.equal(r.missing.length, 1, 'subcontracting-consent-missing expected');
          assert.equal(r.weak.length, 0);
          assert.equal(r.missing[0].data?.performingParty, 'Studio');
        });
      }
    });
  }

  it('places the finding on the assignment clause, else the general section, else the clause the fix follows', () => {
    const base = `# Services Agreement\n\n${PREAMBLE}\n\n## 1. Services\n\n${SERVICES}\n\n`;
    const withAssign = base + '## 9. General\n\nThis is the entire agreement.\n\n## 10. Assignment\n\nNeither party may assign this Agreement.\n';
    assert.equal(run(withAssign, 'markdown').missing[0].text, '## 10. Assignment');
    const withGeneral = base + '## 9. Miscellaneous\n\nThis is the entire agreement.\n';
    assert.equal(run(withGeneral, 'markdown').missing[0].text, '## 9. Miscellaneous');
    // No such section: the fix goes after the last top-level clause, and the finding sits on that clause.
    const none = run(base, 'markdown').missing[0];
    assert.equal(none.text, '## 1. Services');
    assert.match(none.message, /Add a subcontracting-consent clause as Section 2, after Section 1 “Services”\.$/);
  });

  it('names in the message the place the quick fix inserts into (Section 7.4 after 7.3, not "Section 7.1")', () => {
    const text = `# Services Agreement\n\n${PREAMBLE}\n\n## 1. Services\n\n${SERVICES}\n\n## 7. Assignment and Notices\n\n### 7.1 Assignment\n\nNeither party may assign this Agreement.\n\n### 7.2 Notices\n\nNotices must be in writing.\n\n### 7.3 Counterparts\n\nThis Agreement may be signed in counterparts.\n`;
    const doc = createSourceDocument('c.md', text, 'markdown');
    const f = checkDocument(doc, { rules: [subcontractingConsentMissing] }).findings[0];
    const fix = (f.data as { fix: { insertion: { number?: string; afterClauseLabel?: string; offset: number } } }).fix;
    assert.equal(fix.insertion.number, '7.4');
    assert.match(f.message, /Add a subcontracting-consent clause as Section 7\.4, after Section 7\.3 “Counterparts”\.$/);
    // The finding sits on the section the clause goes into; the fix offset is after 7.3's text.
    assert.equal(f.text, '### 7.1 Assignment');
    assert.ok(fix.insertion.offset > text.indexOf('counterparts.'));
  });
});
