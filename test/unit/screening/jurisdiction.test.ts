import * as assert from 'node:assert/strict';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { checkDocument } from '../../../src/core/index';
import { sanctionedJurisdiction } from '../../../src/core/rules/sanctionedMentions/sanctionedJurisdiction';

function findings(text: string, format: 'markdown' | 'plaintext' = 'plaintext') {
  const doc = createSourceDocument(format === 'markdown' ? 'j.md' : 'j.txt', text, format);
  const r = checkDocument(doc, { rules: [sanctionedJurisdiction] });
  assert.deepEqual(r.ruleErrors, []);
  return r.findings;
}

describe('sanctioned-jurisdiction', () => {
  const flagged: [string, string, string][] = [
    ['a supplier address in a signature block', 'SUPPLIER\nKorea Sobaeksu Trading Company\nAddress: Sosong District, Pyongyang, DPRK\n', 'north-korea'],
    ['Chinese name of North Korea', '乙方工作室位于朝鲜平壤。The Studio is located in 朝鲜.\n', 'north-korea'],
    ['Korean name of North Korea', 'The work shall be performed in 조선 by the Studio’s staff.\n', 'north-korea'],
    ['Korean name with a particle', '작업은 북한에서 수행된다. The work is performed there.\n', 'north-korea'],
    ['incorporation', 'The Subcontractor is a company incorporated under the laws of the Islamic Republic of Iran.\n', 'iran'],
    ['delivery', '4. Delivery. The Goods shall be delivered to the Buyer’s warehouse in Havana.\n', 'cuba'],
    ['residence of personnel', 'The Key Personnel reside in Damascus and will work remotely.\n', 'syria'],
    ['Crimea', 'The Contractor’s studio is based in Simferopol, Crimea.\n', 'crimea'],
    ['so-called republics', 'Payments shall be made to an account in the so-called Donetsk People’s Republic.\n', 'dnr-lnr'],
  ];
  for (const [title, text, key] of flagged) {
    it(`flags ${title}`, () => {
      const f = findings(text);
      assert.ok(f.some((x) => x.data?.jurisdiction === key), JSON.stringify(f.map((x) => [x.text, x.data])));
      assert.ok(f.every((x) => x.severity === 'error'));
    });
  }

  const silent: [string, string][] = [
    ['a sanctions representation listing the countries', 'The Supplier represents that it is not located, organized or resident in Cuba, Iran, North Korea, Syria or the Crimea region.\n'],
    ['an export-control clause', '12. Export Control. Neither party shall export any item to Iran or Syria in violation of the Export Administration Regulations.\n'],
    ['a clause titled Sanctions', '# Agreement\n\n## 9. Sanctions\n\nThe Studio will not use any personnel located in Pyongyang.\n'],
    ['South Korea', 'The Studio is located in Seoul, Republic of Korea.\n'],
    ['words that merely contain the names', 'The Iranistan Road office and Cubano Ltd are in Dallas, Texas.\n'],
    ['조선 inside a Korean shipbuilder’s name (shipbuilding)', 'The Buyer, 대우조선해양 (Daewoo Shipbuilding), is located in Geoje.\n'],
  ];
  for (const [title, text] of silent) {
    it(`stays silent on ${title}`, () => {
      const format = text.startsWith('#') ? 'markdown' : 'plaintext';
      assert.deepEqual(findings(text, format).map((x) => x.text), []);
    });
  }

  it('covers the name in the source even inside emphasis', () => {
    const text = 'The Studio will deliver the frames from its office in **Pyong**yang.\n';
    const f = findings(text, 'markdown');
    assert.equal(f.length, 1);
    assert.match(f[0].text, /Pyong\*\*yang/);
  });
});

describe('sanctioned-jurisdiction merging', () => {
  it('reports "Pyongyang, North Korea" as one place', () => {
    const doc = createSourceDocument('m.txt', 'The frames are drawn at a partner facility in Pyongyang, North Korea, by the Studio.\n', 'plaintext');
    const f = checkDocument(doc, { rules: [sanctionedJurisdiction] }).findings;
    assert.deepEqual(f.map((x) => x.text), ['Pyongyang, North Korea']);
  });
});
