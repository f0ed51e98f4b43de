import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { checkDocument } from '../../../src/core/index';
import { bidiControl } from '../../../src/core/rules/bidiControl/bidiControl';
import { sanctionedJurisdiction } from '../../../src/core/rules/sanctionedMentions/sanctionedJurisdiction';
import { sanctionedParty } from '../../../src/core/rules/sanctionedMentions/sanctionedParty';
import type { Finding } from '../../../src/core/types';
import { loadTestScreener } from '../helpers/screener';

// Issue 12, item 7: the ways an adversary hides a listed name or a sanctioned place from the screening
// while the contract still displays it. Each is read as the name it displays, or reported.
const SEK = 'ofac-sdn:34022';
const RLO = '\u202E';
const PDF = '\u202C';

describe('adversarial: screening evasions', function () {
  this.timeout(120_000);
  const services = { screener: loadTestScreener() };
  const check = (text: string, rules = [sanctionedParty, bidiControl]): Finding[] => checkDocument(createSourceDocument('c.md', text, 'markdown'), { rules, services }).findings;
  const engage = (name: string) => `# Production Agreement\n\n4.1 The Studio may engage ${name} as a production partner for the Series.\n`;
  const namesSek = (findings: Finding[]) => findings.some((f) => f.rule === 'sanctioned-party' && f.severity !== 'info' && f.match?.entity.id === SEK);
  const assertSek = (name: string) => {
    const findings = check(engage(name));
    assert.ok(namesSek(findings), `${JSON.stringify(name)} should be found as SEK STUDIO at warning or error; got ${findings.map((f) => `${f.rule} ${f.severity} ${f.match?.entity.id}`).join(', ') || 'nothing'}`);
  };

  it('reads a right-to-left override as displayed ("‮oidutS keS‬" shows "Sek Studio") and reports the control', () => {
    const findings = check(engage(`${RLO}oidutS keS${PDF}`));
    assert.ok(namesSek(findings), 'the displayed name is screened');
    const bidi = findings.find((f) => f.rule === 'bidi-control');
    assert.ok(bidi, 'the override itself is a finding');
    assert.equal(bidi.severity, 'warning');
    assert.match(bidi.message, /stored as “oidutS keS” but shown as “Sek Studio”/);
  });

  it('does not report a direction isolate around Hebrew text', () => {
    assert.deepEqual(check('The Licensee’s name in Hebrew is \u2067שלום בע״מ\u2069 (Shalom Ltd.).\n').filter((f) => f.rule === 'bidi-control'), []);
  });

  it('reads a TAB between the words as a space', () => assertSek('Sek\tStudio'));

  it('reads letter spacing (S e k  S t u d i o)', () => assertSek('S e k  S t u d i o'));

  it('reads Latin small capitals (ꜱᴇᴋ ꜱᴛᴜᴅɪᴏ)', () => assertSek('ꜱᴇᴋ ꜱᴛᴜᴅɪᴏ'));

  it('reads Armenian, Cherokee and Lisu look-alike letters', () => {
    assertSek('Sek Studi\u0585'); // Armenian small oh
    assertSek('\u13DAek \u13DAtudio'); // Cherokee letter du (looks like S)
    assertSek('\uA4E2ek \uA4E2tudio'); // Lisu letter sa (looks like S)
  });

  it('reads a name under 100+ stacked combining marks', () => assertSek(`Se${'\u0301'.repeat(120)}k Stu${'\u0308'.repeat(30)}dio`));

  describe('sanctioned places in other words and languages', () => {
    const places = (text: string) => check(text, [sanctionedJurisdiction]).map((f) => f.text);
    const cases: [string, string[]][] = [
      ['The Supplier shall perform the work in N. Korea.', ['N. Korea']],
      ['Die Leistungen werden in Nordkorea erbracht; the Supplier works in Nordkorea.', ['Nordkorea', 'Nordkorea']],
      ['The studio is located in Corée du Nord.', ['Corée du Nord']],
      ['Delivery to Coreia do Norte.', ['Coreia do Norte']],
      ['Payment to a bank account in Irán.', ['Irán']],
      ['The Supplier has an office in Kuba.', ['Kuba']],
      ['Staff based in Syrien.', ['Syrien']],
      ['The Supplier shall work in Donetsk / Luhansk.', ['Donetsk', 'Luhansk']],
      ['Servers hosted in Crimée.', ['Crimée']],
    ];
    for (const [text, expected] of cases) it(`flags ${expected[0]}`, () => assert.deepEqual(places(text), expected));

    it('stays silent on the same names in a sanctions-compliance sentence', () => {
      assert.deepEqual(places('The Supplier shall not perform any work in Nordkorea, Donetsk or Luhansk, or any other sanctioned territory.'), []);
    });
  });

  describe('property: hidden characters inserted into listed names never crash and never pass silently', () => {
    const names = ['SEK Studio', 'Scientific Education Korea Studio', 'Korea Sobaeksu United Corporation', 'Mansudae Art Studio', 'Korea Ryonbong General Corporation'];
    const entities = ['ofac-sdn:34022', 'ofac-sdn:34022', 'ofac-sdn:54764', 'ofac-sdn:20578', 'ofac-sdn:9347'];
    const hidden = fc.constantFrom('\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF', '\u00AD', '\u202A', '\u202B', '\u202D', '\u2066', '\u2067', '\u2068', '\u2069', '\u202C');
    // Look-alike letters for some Latin letters (Cyrillic, Greek, Armenian, Cherokee, small capitals).
    const LOOKALIKE: Record<string, string[]> = { a: ['\u0430', '\u1D00'], e: ['\u0435', '\u1D07'], o: ['\u043E', '\u03BF', '\u0585', '\u1D0F'], S: ['\u0405', '\u13DA', '\uA4E2'], s: ['\u0455', '\uA731'], i: ['\u0456', '\u026A'], c: ['\u0441', '\u1D04'], K: ['\u039A', '\u041A'], t: ['\u1D1B'], u: ['\u1D1C'], d: ['\u1D05'] };
    const disguise = fc.record({
      which: fc.nat({ max: names.length - 1 }),
      edits: fc.array(fc.record({ at: fc.nat(), kind: fc.constantFrom('hidden', 'lookalike'), char: hidden, pick: fc.nat() }), { minLength: 1, maxLength: 6 }),
      rlo: fc.boolean(),
    });

    it('finds the right entity at warning or error, or reports the bidi control', () => {
      fc.assert(
        fc.property(disguise, ({ which, edits, rlo }) => {
          let name = names[which];
          for (const e of edits) {
            const at = e.at % (name.length + 1);
            if (e.kind === 'hidden') {
              // Never split the name into two lines or drop letters: only insert the character.
              name = name.slice(0, at) + e.char + name.slice(at);
            } else {
              const options = LOOKALIKE[name[at]];
              if (options) name = name.slice(0, at) + options[e.pick % options.length] + name.slice(at + 1);
            }
          }
          if (rlo) name = `${RLO}${Array.from(name).reverse().join('')}${PDF}`;
          const findings = check(engage(name));
          const found = findings.some((f) => f.rule === 'sanctioned-party' && f.severity !== 'info' && f.match?.entity.id === entities[which]);
          const reported = findings.some((f) => f.rule === 'bidi-control');
          assert.ok(found || reported, `no warning for ${JSON.stringify(name)}: ${findings.map((f) => `${f.rule} ${f.severity} ${f.match?.entity.id} ${f.match?.score}`).join(', ') || 'nothing'}`);
        }),
        { numRuns: 300, seed: 12 },
      );
    });
  });
});
