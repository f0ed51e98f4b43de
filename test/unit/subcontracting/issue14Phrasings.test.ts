import * as assert from 'node:assert/strict';
import { createSourceDocument, type ContractFormat } from '../../../src/core/document/sourceDocument';
import { checkDocument } from '../../../src/core/index';
import { subcontractingConsentMissing } from '../../../src/core/rules/subcontracting/consentMissing';
import { subcontractingConsentWeak } from '../../../src/core/rules/subcontracting/consentWeak';

// Issue 14's phrasings and party styles, each in Markdown and plain text.
const PREAMBLE = 'This Agreement is made between Pixel Forge Ltd., a company incorporated in England (the "Supplier"), and Northlight Pictures LLC, a Delaware limited liability company (the "Customer").';
const SERVICES = 'The Supplier shall produce and deliver the animated episodes described in Schedule A.';

function build(format: ContractFormat, clause: string, preamble = PREAMBLE, services = SERVICES): string {
  return format === 'markdown'
    ? `# Animation Services Agreement\n\n${preamble}\n\n## 1. Services\n\n${services}\n\n## 7. Subcontracting\n\n${clause}\n`
    : `ANIMATION SERVICES AGREEMENT\n\n${preamble}\n\n1. SERVICES. ${services}\n\n7. SUBCONTRACTING. ${clause}\n`;
}

function run(text: string, format: ContractFormat) {
  const doc = createSourceDocument(format === 'markdown' ? 'c.md' : 'c.txt', text, format);
  const { findings } = checkDocument(doc, { rules: [subcontractingConsentMissing, subcontractingConsentWeak] });
  return { missing: findings.filter((f) => f.rule === subcontractingConsentMissing.id), weak: findings.filter((f) => f.rule === subcontractingConsentWeak.id) };
}

/** A restriction binding the Supplier; `gaps` that must (and must not) be reported. */
const RESTRICTIONS: { name: string; clause: string; has?: string[]; lacks?: string[] }[] = [
  { name: 'permit any third party to perform', clause: 'The Supplier shall not permit any third party to perform any of its obligations under this Agreement without the Customer’s advance written consent.', lacks: ['prior', 'written'] },
  { name: 'sub-agents or sub-contractors, approval "in writing" after the verb', clause: 'The Supplier shall not employ sub-agents or sub-contractors without approval in writing from the Customer given in advance.', lacks: ['prior', 'written'] },
  { name: 'sub contractor spelled with a space', clause: 'The Supplier shall not engage any sub contractor without the prior written consent of the Customer.', lacks: ['prior', 'written'] },
  { name: 'sub‑contract with a non-breaking hyphen', clause: 'The Supplier shall not sub‑contract any of the Services without the prior written consent of the Customer.', lacks: ['prior', 'written'] },
  { name: 'sub-processors with specific prior written authorisation', clause: 'The Supplier shall not engage any Sub-processor without the Customer’s specific prior written authorisation.', lacks: ['prior', 'written', 'general-authorisation'] },
  { name: 'mutual "Parties shall not assign subcontractors"', clause: 'Parties shall not assign any subcontractors to the Project without the written approval of all Parties given in advance.', lacks: ['prior', 'written'] },
  { name: 'mutual "The Parties shall not subcontract"', clause: 'The Parties shall not subcontract any of their obligations without the prior written consent of the other Party.' },
  { name: 'substitution of key personnel', clause: 'The Supplier shall not substitute any of the Key Personnel named in Schedule B without the Customer’s prior written approval.', has: ['personnel-only'] },
  { name: 'consent "in advance and in writing"', clause: 'The Supplier may use subcontractors only if the Customer has approved each of them in advance and in writing.', lacks: ['prior', 'written'] },
  {
    name: 'GDPR Art. 28(2) "prior specific or general written authorisation" with notice and objection',
    clause:
      'The Supplier shall not engage another processor without prior specific or general written authorisation of the Customer. In the case of general written authorisation, the Supplier shall inform the Customer of any intended changes concerning the addition or replacement of sub-processors, giving the Customer the opportunity to object.',
    has: ['general-authorisation'],
    lacks: ['prior', 'written'],
  },
  {
    name: 'DPA general authorisation: "authorises the Supplier to engage Sub-processors"',
    clause: 'The Customer authorises the Supplier to engage Sub-processors. The Supplier shall notify the Customer of any new Sub-processor and the Customer may object within 30 days.',
    has: ['general-authorisation'],
  },
];

describe('issue 14 phrasings', () => {
  for (const format of ['markdown', 'plaintext'] as const) {
    describe(format, () => {
      for (const r of RESTRICTIONS) {
        it(`restriction: ${r.name}`, () => {
          const found = run(build(format, r.clause), format);
          assert.deepEqual(found.missing.map((f) => f.message), []);
          assert.equal(found.weak.length, 1);
          const gaps = found.weak[0].data?.missing as string[];
          for (const g of r.has ?? []) assert.ok(gaps.includes(g), `${g} expected in ${gaps.join(', ')}`);
          for (const g of r.lacks ?? []) assert.ok(!gaps.includes(g), `${g} not expected in ${gaps.join(', ')}`);
          // The weak finding sits on the sentence that restricts (or authorises).
          assert.ok(r.clause.startsWith(found.weak[0].text.replace(/\s+/g, ' ')), found.weak[0].text);
        });
      }

      it('the liability sentence after the permission counts ("remains responsible for their performance")', () => {
        const clause = 'The Supplier shall not subcontract any of the Services without the prior written consent of the Customer. The Supplier remains fully responsible for their performance and for any acts and omissions.';
        const gaps = run(build(format, clause), format).weak[0].data?.missing as string[];
        assert.ok(!gaps.includes('liability'), gaps.join(', '));
      });

      it('a permissive finding sits on the permitting sentence', () => {
        const clause = 'The Supplier may subcontract any part of the Services to third parties without the consent of the Customer.';
        const found = run(build(format, clause), format);
        assert.equal(found.missing.length, 1);
        assert.equal(found.missing[0].text.replace(/\s+/g, ' '), clause);
        assert.match(found.missing[0].message, /lets the Supplier subcontract without consent/);
      });
    });
  }
});

// Party styles: pronouns, things that are not parties, and the performer evidence.
const ONLINE = (format: ContractFormat, extra: string) => {
  const body = [
    'These terms govern your use of our services. We provide the services to you as described here. You must pay the fees when due. You agree to these terms when you use the services.',
    'We may change these terms. We will tell you about changes. You can stop using the services at any time. You are responsible for your account. You must keep your password safe.',
    extra,
  ];
  return format === 'markdown' ? `# Terms of Service\n\n## 1. Our services\n\n${body[0]}\n\n## 2. Changes\n\n${body[1]}\n\n## 3. General\n\n${body[2]}\n` : `TERMS OF SERVICE\n\n1. OUR SERVICES. ${body[0]}\n\n2. CHANGES. ${body[1]}\n\n3. GENERAL. ${body[2]}\n`;
};

describe('issue 14 party styles', () => {
  for (const format of ['markdown', 'plaintext'] as const) {
    describe(format, () => {
      it('"we"/"us" provide, "you" receive: grammatical messages', () => {
        const found = run(ONLINE(format, 'You may not assign or delegate your rights or obligations without our prior written consent.'), format);
        assert.equal(found.missing.length, 1, 'a bar on "you" does not bind the provider');
        const m = found.missing[0].message;
        assert.match(m, /^No clause stops us from subcontracting, delegating or outsourcing the work without your prior written consent\./);
        assert.match(m, /binds you only/);
        assert.doesNotMatch(m, /\bstops we\b|\byou’s\b|\bwe’s\b|\bus’s\b/);
      });

      it('"we" restricted: the weak message says "we stay liable for our subcontractors"', () => {
        const found = run(ONLINE(format, 'We will not subcontract the services without your prior written consent.'), format);
        assert.equal(found.weak.length, 1);
        assert.match(found.weak[0].message, /nothing says we stay liable for our subcontractors; nothing requires us to flow our obligations down/);
      });

      it('a defined thing ("Payment") never becomes the other party', () => {
        const preamble = 'This Contributor Agreement is made between Ada Lovelace (the "Contributor") and Analytical Engines Ltd., a company incorporated in England (the "Company"), for a fee of 500 euros (the "Payment").';
        const services = 'The Contributor shall develop and deliver the software described in Schedule A.';
        const clause = 'The Contributor shall not subcontract any of its obligations without the Company’s prior written consent.';
        const found = run(build(format, clause, preamble, services), format);
        assert.equal(found.weak.length, 1);
        assert.equal(found.weak[0].data?.performingParty, 'Contributor');
        assert.equal(found.weak[0].data?.otherParty, 'Company');
        assert.doesNotMatch(found.weak[0].message, /Payment/);
      });

      it('keeps the evidence sentence that makes a party the performer', () => {
        const found = run(build(format, 'Nothing in this clause limits the Customer.'), format);
        assert.equal(found.missing[0].data?.performingParty, 'Supplier');
        assert.equal(found.missing[0].data?.performerEvidence, SERVICES);
      });
    });
  }
});

describe('issue 14 party roles from the cover page and the signature block', () => {
  const CLAUSE = 'The Supplier shall not subcontract any of the Services without the prior written consent of the Customer.';
  const BODY = 'The Supplier shall design and deliver the website described in the Order.';
  const cases: { name: string; format: ContractFormat; text: string }[] = [
    {
      name: 'Markdown cover page table',
      format: 'markdown',
      text: `# Website Services Agreement\n\n| Key term | Value |\n|---|---|\n| Supplier | Pixel Forge Ltd. |\n| Customer | Northlight Pictures LLC |\n\n## 1. Services\n\n${BODY}\n\n## 2. Subcontracting\n\n${CLAUSE}\n`,
    },
    {
      name: 'plain-text cover page lines',
      format: 'plaintext',
      text: `WEBSITE SERVICES AGREEMENT\n\nSupplier: Pixel Forge Ltd.\nCustomer: Northlight Pictures LLC\n\n1. SERVICES. ${BODY}\n\n2. SUBCONTRACTING. ${CLAUSE}\n`,
    },
    {
      name: 'plain-text signature block with role labels',
      format: 'plaintext',
      text: `WEBSITE SERVICES AGREEMENT\n\n1. SERVICES. ${BODY}\n\n2. SUBCONTRACTING. ${CLAUSE}\n\nIN WITNESS WHEREOF the parties have signed this Agreement.\n\nSUPPLIER:\nPixel Forge Ltd.\nBy: ____________\n\nCUSTOMER:\nNorthlight Pictures LLC\nBy: ____________\n`,
    },
    {
      name: 'Markdown signature block with role labels',
      format: 'markdown',
      text: `# Website Services Agreement\n\n## 1. Services\n\n${BODY}\n\n## 2. Subcontracting\n\n${CLAUSE}\n\nIN WITNESS WHEREOF the parties have signed this Agreement.\n\nSUPPLIER:\n\nPixel Forge Ltd.\n\nBy: ____________\n\nCUSTOMER:\n\nNorthlight Pictures LLC\n\nBy: ____________\n`,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const found = run(c.text, c.format);
      assert.equal(found.weak.length, 1);
      assert.equal(found.weak[0].data?.performingParty, 'Supplier');
      assert.equal(found.weak[0].data?.performingPartyName, 'Pixel Forge Ltd.');
      assert.equal(found.weak[0].data?.otherParty, 'Customer');
      assert.match(found.weak[0].message, /nothing says the Supplier stays liable for its subcontractors/);
    });
  }
});
