import * as assert from 'node:assert/strict';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { checkDocument } from '../../../src/core/index';
import { sanctionedParty } from '../../../src/core/rules/sanctionedMentions/sanctionedParty';
import type { Finding } from '../../../src/core/types';
import { loadTestScreener } from '../helpers/screener';

// Issue 13: a listed name the search box accepts reaches the lawyer from the contract text, at warning or
// error, with the text evidence explained; everyday words that only resemble a listed name do not.
const SEK = 'ofac-sdn:34022';

describe('text screening: one evidence-weighed score per mention', function () {
  this.timeout(60_000);
  const services = { screener: loadTestScreener() };
  const check = (text: string): Finding[] => checkDocument(createSourceDocument('c.md', text, 'markdown'), { rules: [sanctionedParty], services }).findings;
  const engage = (name: string) => `# Production Agreement\n\n4.1 The Studio may engage ${name} as a production partner for the Series.\n`;
  const asSupplier = (name: string) => `# Services Agreement\n\nThis Agreement is made between Northwind Animation Ltd. (the “Producer”) and ${name} (the “Supplier”).\n`;
  const serious = (findings: Finding[], entity: string) => findings.find((f) => f.severity !== 'info' && f.match?.entity.id === entity);
  const assertFound = (text: string, entity: string) => {
    const findings = check(text);
    const hit = serious(findings, entity);
    assert.ok(hit, `expected a warning or error naming ${entity} in ${JSON.stringify(text)}; got ${findings.map((f) => `${f.severity} ${f.match?.entity.id} ${f.match?.score}: ${f.match?.explanation}`).join(' | ') || 'nothing'}`);
    return hit;
  };

  it('finds "Scientific Education Korea Studio", the exact alias of SEK STUDIO, at error', () => {
    const hit = assertFound(engage('Scientific Education Korea Studio'), SEK);
    assert.equal(hit.severity, 'error');
  });

  it('finds "April 26 Animation Studio", four words of a listed alias in a row, as the party engaged', () => {
    const hit = assertFound(engage('April 26 Animation Studio'), SEK);
    assert.match(hit.match?.explanation ?? '', /search score \d+/);
  });

  it('finds "Korea Sobaeksu Trading Company" named as the Supplier (KOREA SOBAEKSU UNITED CORPORATION)', () => {
    assertFound(asSupplier('Korea Sobaeksu Trading Company'), 'ofac-sdn:54764');
  });

  it('finds "Ryonbong General Corporation" (KOREA RYONBONG GENERAL CORPORATION without KOREA)', () => {
    const hit = assertFound(engage('Ryonbong General Corporation'), 'ofac-sdn:9347');
    assert.match(hit.match?.explanation ?? '', /raised: a legal form/);
  });

  it('keeps a match with a one-letter typo in the only distinctive word of a name', () => {
    assertFound(engage('Korea Sobaeku United Corporation'), 'ofac-sdn:54764');
    assertFound(engage('Korea Ryonbomg General Corporation'), 'ofac-sdn:9347');
  });

  it("finds every strong alias of SEK STUDIO, and a near variant of each, at warning or error", () => {
    const entity = services.screener.entityById(SEK);
    assert.ok(entity, 'SEK STUDIO is in the bundled lists');
    const names = [entity.primaryName, ...entity.aliases.filter((a) => a.quality !== 'weak').map((a) => a.name)];
    assert.ok(names.length >= 3, `SEK STUDIO has its aliases (${names.join('; ')})`);
    for (const name of names) {
      const title = name.toLowerCase().replace(/(^|\s)(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
      assertFound(engage(title), SEK);
      // A near variant: one letter dropped from the longest word of seven letters or more, else the last word in the plural.
      const words = title.split(' ');
      const longest = words.reduce((a, w, i) => (w.length > words[a].length ? i : a), 0);
      const w = words[longest];
      if (w.length >= 7) words[longest] = w.slice(0, 3) + w.slice(4);
      else words[words.length - 1] += 's';
      assertFound(asSupplier(words.join(' ')), SEK);
    }
  });

  it('explains in the finding what raised or lowered the score', () => {
    const hit = assertFound(engage('Far Eastern Bank'), 'ofac-sdn:37517');
    assert.match(hit.match?.explanation ?? '', /lowered: every word of the match is an everyday English word/);
    assert.match(hit.match?.explanation ?? '', /raised: named as a party or subcontractor/);
  });

  it('raises a name beside a sanctioned place, but keeps a misspelt name below an exact one', () => {
    const plain = assertFound(engage('Mansudea Art Studio'), 'ofac-sdn:20578');
    const near = assertFound('# Agreement\n\nThe Studio may engage Mansudea Art Studio of Pyongyang, North Korea as a production partner.\n', 'ofac-sdn:20578');
    assert.ok((near.match?.score ?? 0) > (plain.match?.score ?? 1), `${near.match?.score} > ${plain.match?.score}`);
    assert.ok((near.match?.score ?? 1) < 1);
    assert.match(near.match?.explanation ?? '', /raised: a sanctioned country or region/);
  });

  it('finds the name in a signature block, a party table row and an address block', () => {
    assertFound('IN WITNESS WHEREOF the parties have signed this Agreement.\n\nSUPPLIER\n\nKorea Sobaeksu United Corporation\n\nBy: ____________\nName:\n', 'ofac-sdn:54764');
    assertFound('| Role | Subcontractor |\n|---|---|\n| Layout | Brightline Studio LLC |\n| Animation | Far Eastern Bank |\n', 'ofac-sdn:37517');
    assertFound('## Notices\n\nNotices to the Supplier shall be sent to:\n\nkorea sobaeksu united corporation\n12 Harbour Road\nAttention: Legal Department\n', 'ofac-sdn:54764');
  });

  it('does not warn about everyday words, dates and longer names that merely contain listed words', () => {
    const texts = [
      '# Agreement\n\nOn April 26 the Animation Studio delivered the episodes.\n',
      '# Agreement\n\nThis Agreement is entered into by and between International Business Machines Corporation and the Supplier.\n',
      '# Agreement\n\nCosts are shared pro rata. The Commonwealth of Puerto Rico (the "Department") approves.\n',
      '# Agreement\n\nThe Group Company shall appoint a Regulatory Authority liaison. Section 7.28 applies.\n',
      '# Agreement\n\nThis Agreement is made between Northwind Animation Ltd. (the “Producer”) and Richard M. Nolan (the “Supplier”).\n',
    ];
    for (const t of texts) {
      const warned = check(t).filter((f) => f.severity !== 'info');
      assert.deepEqual(
        warned.map((f) => `${f.match?.entity.id} ${f.match?.score}`),
        [],
        `no warning expected in: ${t}`,
      );
    }
  });

  it('reads numbers written in words, as in a listed name (Thirty-Nine = 39, Twenty-Six = 26)', () => {
    assertFound(engage('Office Thirty-Nine'), 'ofac-sdn:12209');
    assertFound(engage('April Twenty-Six Children’s Animation Film Studio'), SEK);
    assert.deepEqual(check('# Agreement\n\nSection 39. The Supplier shall deliver thirty-nine copies to the Office.\n').filter((f) => f.severity !== 'info'), []);
  });

  it('reads a listed word split by punctuation (BABA I = BABA’I)', () => {
    assertFound(engage('SHAHID BABA I GROUP'), 'ofac-sdn:26553');
  });

  it('prefers the listed name whose legal form is the one written (SARL, not LIMITED)', () => {
    assertFound(engage('Naftiran Intertrade Co. (NICO) Sarl'), 'ofac-sdn:11319');
  });
});
