import * as assert from 'node:assert/strict';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { checkDocument } from '../../../src/core/index';
import { sanctionedParty } from '../../../src/core/rules/sanctionedMentions/sanctionedParty';
import { loadTestScreener } from '../helpers/screener';

// The case's names, disguised the ways a supplier (or a careless drafter) might write them, must still be
// flagged by the sanctioned-party rule through the whole engine (model → plain text → screener → finding).
const ZW = '\u200B';

interface Case {
  title: string;
  text: string;
  entity: string;
  format?: 'markdown' | 'plaintext';
  /** Lowest acceptable severity (default warning). */
  atLeast?: 'info' | 'warning' | 'error';
}

const wrap = (name: string) => `SUBCONTRACT\n\n1. Parties. This Subcontract is made between Northwind Animation Ltd. and ${name}, which shall produce the in-between frames.\n`;

const CASES: Case[] = [
  { title: 'exact primary name', text: wrap('SEK Studio'), entity: 'ofac-sdn:34022', atLeast: 'error' },
  { title: 'Cyrillic look-alike letters (Е, І)', text: wrap('S\u0415K STUD\u0406O'), entity: 'ofac-sdn:34022', atLeast: 'error' },
  { title: 'Greek and Cyrillic look-alikes in a longer name', text: wrap('M\u0430nsud\u0430e \u0391rt Studi\u03BF'), entity: 'ofac-sdn:20578', atLeast: 'error' },
  { title: 'zero-width spaces inside the words', text: wrap(`Man${ZW}sudae Art Stu${ZW}dio`), entity: 'ofac-sdn:20578', atLeast: 'error' },
  { title: 'zero-width space instead of a space', text: wrap(`Nings${ZW}Cartoon Studio`), entity: 'ofac-sdn:34023' },
  { title: 'line break inside the name', text: wrap('Yanbian Silverstar Network\nTechnology Co., Ltd.'), entity: 'ofac-sdn:24977', atLeast: 'error' },
  { title: 'emphasis inside the name (Markdown)', format: 'markdown', text: wrap('**Mansu**dae Art *Studio*'), entity: 'ofac-sdn:20578', atLeast: 'error' },
  { title: 'emphasis across words (Markdown)', format: 'markdown', text: wrap('Nings _Cartoon_ Studio'), entity: 'ofac-sdn:34023', atLeast: 'error' },
  { title: 'legal suffix missing', text: wrap('Yanbian Silverstar Network Technology'), entity: 'ofac-sdn:24977', atLeast: 'error' },
  { title: 'extra legal suffix', text: wrap('SEK Studio LLC'), entity: 'ofac-sdn:34022', atLeast: 'error' },
  { title: 'different legal suffix', text: wrap('Chinyong Information Technology Cooperation Co., Ltd.'), entity: 'ofac-sdn:43379', atLeast: 'error' },
  { title: 'one-word name with its legal form', text: wrap('Kinoatis LLC'), entity: 'ofac-sdn:40203', atLeast: 'error' },
  { title: 'one-word name without legal form (kept as information)', text: wrap('Kinoatis'), entity: 'ofac-sdn:40203', atLeast: 'info' },
  { title: 'typo (transposed letters)', text: wrap('Mansudea Art Studio'), entity: 'ofac-sdn:20578' },
  { title: 'typo (missing letter)', text: wrap('Chinyong Infomation Technology Cooperation Company'), entity: 'ofac-sdn:43379' },
  { title: 'split word (SILVER STAR for SILVERSTAR)', text: wrap('Yanbian Silver Star Network Technology Co. Ltd.'), entity: 'ofac-sdn:24977', atLeast: 'error' },
  { title: 'joined words (NINGSCARTOON)', text: wrap('NingsCartoon Studio'), entity: 'ofac-sdn:34023' },
  { title: 'alias with apostrophe dropped', text: wrap('April 26 Childrens Animation Film Studio'), entity: 'ofac-sdn:34022', atLeast: 'error' },
  { title: 'shortened alias without its one distinctive word (kept as information)', text: wrap('April 26 Animation Film Studio'), entity: 'ofac-sdn:34022', atLeast: 'info' },
  { title: 'shortened alias, four of its six words (kept as information)', format: 'markdown', text: wrap('**April 26 Animation Studio**'), entity: 'ofac-sdn:34022', atLeast: 'info' },
  { title: 'initials with dots (S.E.K.)', text: wrap('S.E.K. Studio'), entity: 'ofac-sdn:34022', atLeast: 'error' },
  { title: 'initials with dots and spaces (S. E. K.)', text: wrap('S. E. K. Studio'), entity: 'ofac-sdn:34022', atLeast: 'error' },
  { title: 'initials spelt out with spaces (S E K)', text: wrap('S E K Studio'), entity: 'ofac-sdn:34022', atLeast: 'error' },
  { title: 'plural of a listed word (Studios)', text: wrap('Sek Studios'), entity: 'ofac-sdn:34022' },
  { title: 'plural of a short listed word (Arts)', text: wrap('Mansudae Arts Studio'), entity: 'ofac-sdn:20578' },
  { title: 'person, Given SURNAME order', text: 'Key Personnel: Tong-chol KIM, Managing Director.\n', entity: 'ofac-sdn:22702', atLeast: 'error' },
  { title: 'person, SURNAME, Given order with the hyphen dropped', text: 'Signed by KIM, Tong Chol for the Supplier.\n', entity: 'ofac-sdn:22702', atLeast: 'error' },
  { title: 'name in an address line of a schedule', text: 'SCHEDULE B — APPROVED SUBCONTRACTORS\n\nNings Cartoon Studio, Chongqing, China\n', entity: 'ofac-sdn:34023', atLeast: 'error' },
  { title: 'lower-case name in running text', text: 'the frames were drawn by nings cartoon studio in chongqing.\n', entity: 'ofac-sdn:34023' },
];

const RANK = { info: 0, warning: 1, error: 2 } as const;

describe('sanctioned-party: evasion and formatting variants of the case names', function () {
  this.timeout(60_000);
  const services = { screener: loadTestScreener() };
  for (const c of CASES) {
    it(c.title, () => {
      const format = c.format ?? 'plaintext';
      const doc = createSourceDocument(format === 'markdown' ? 'c.md' : 'c.txt', c.text, format);
      const { findings, ruleErrors } = checkDocument(doc, { rules: [sanctionedParty], services });
      assert.deepEqual(ruleErrors, []);
      const hit = findings.find((f) => f.match?.entity.id === c.entity || (f.data?.otherMatches as { id: string }[] | undefined)?.some((o) => o.id === c.entity));
      assert.ok(hit, `expected ${c.entity}; got ${findings.map((f) => `${f.text} → ${f.match?.entity.id} ${f.match?.score}`).join('; ') || 'no findings'}`);
      assert.ok(RANK[hit.severity] >= RANK[c.atLeast ?? 'warning'], `severity ${hit.severity} (score ${hit.match?.score}) below ${c.atLeast ?? 'warning'}: ${hit.match?.explanation}`);
      // The finding covers the name in the source, disguise included.
      assert.ok(hit.text.length >= 4 && c.text.includes(hit.text), `covered text ${JSON.stringify(hit.text)}`);
    });
  }

  it('does not flag ordinary companies that share generic words with listed names', () => {
    const text =
      '# Master Services Agreement\n\nBetween **Global Trading Services Ltd.**, International Bank of Commerce, ' +
      'Silver Star Catering Inc., Studio Kim LLC and April Film Company, each with offices in New York.\n';
    const { findings } = checkDocument(createSourceDocument('m.md', text, 'markdown'), { rules: [sanctionedParty], services });
    const serious = findings.filter((f) => f.severity !== 'info');
    assert.deepEqual(serious.map((f) => `${f.text} → ${f.match?.name}`), []);
  });

  it('does not take a date followed by ordinary words for a shortened listed name', () => {
    const text = 'Delivery. On April 26 the Animation Studio shall deliver the frames. Payment is due on April 26. Animation studio work begins.\n';
    const { findings } = checkDocument(createSourceDocument('d.txt', text, 'plaintext'), { rules: [sanctionedParty], services });
    assert.deepEqual(findings.map((f) => `${f.text} → ${f.match?.name}`), []);
  });
});
