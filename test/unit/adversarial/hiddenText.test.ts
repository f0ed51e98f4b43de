import * as assert from 'node:assert/strict';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { checkDocument } from '../../../src/core/index';
import { buildContractModel, clearModelCache } from '../../../src/core/model/buildModel';
import { loadTestScreener } from '../helpers/screener';

// Issue 12 item 7 (hostile contracts): struck-out and hidden text is not operative text. A consent clause
// struck out (`shall ~~not~~ subcontract`, `<del>not</del>`) or hidden (`<div style="display:none">`, an
// HTML comment) does not count as a clause, and a hidden name is still screened against the lists.
// The old line scanner kept struck-out and display:none text as ordinary text, and dropped comments
// (and so the names in them) from screening.

const PREAMBLE =
  '# Animation Services Agreement\n\nThis Agreement is between Pixel Forge Ltd. (the "Studio") and Northlight Pictures LLC (the "Producer").\n\n## 1. Services\n\nThe Studio shall produce the animation described in Schedule A.\n\n';
const CONSENT = 'The Studio shall not subcontract any of the Services without the Producer’s prior written consent.';

function check(text: string) {
  clearModelCache();
  const doc = createSourceDocument('hostile.contract.md', text, 'markdown');
  return checkDocument(doc, { services: { screener: loadTestScreener() } });
}
const rules = (text: string) => check(text).findings.map((f) => f.rule);

describe('adversarial: struck-out and hidden text', function () {
  this.timeout(60000);

  it('a consent clause as written counts (the control case)', () => {
    assert.ok(!rules(`${PREAMBLE}## 2. Subcontracting\n\n${CONSENT}\n`).includes('subcontracting-consent-missing'));
  });

  for (const [how, clause] of [
    ['~~not~~', CONSENT.replace('shall not', 'shall ~~not~~')],
    ['~not~ (GFM single tilde)', CONSENT.replace('shall not', 'shall ~not~')],
    ['<del>not</del>', CONSENT.replace('shall not', 'shall <del>not</del>')],
    ['<s>not</s>', CONSENT.replace('shall not', 'shall <s>not</s>')],
    ['<strike>not</strike>', CONSENT.replace('shall not', 'shall <strike>not</strike>')],
    ['a struck-out clause', `~~${CONSENT}~~`],
  ]) {
    it(`a consent clause struck out with ${how} does not count: consent is reported missing`, () => {
      const text = `${PREAMBLE}## 2. Subcontracting\n\n${clause}\n`;
      assert.ok(rules(text).includes('subcontracting-consent-missing'), text);
    });
  }

  for (const [how, wrap] of [
    ['<div style="display:none">', (s: string) => `<div style="display:none">\n\n${s}\n\n</div>\n`],
    ["<span style='visibility: hidden'>", (s: string) => `<span style='visibility: hidden'>${s}</span>\n`],
    ['<p hidden>', (s: string) => `<p hidden>${s}</p>\n`],
    ['an HTML comment', (s: string) => `<!--\n${s}\n-->\n`],
  ] as const) {
    it(`a consent clause hidden in ${how} does not count: consent is reported missing`, () => {
      const text = `${PREAMBLE}## 2. Subcontracting\n\n${wrap(CONSENT)}`;
      assert.ok(rules(text).includes('subcontracting-consent-missing'), text);
    });
  }

  it('a clause heading inside a hidden block is not a clause; the text after the block is read again', () => {
    const text = `${PREAMBLE}<div style="display:none">\n\n## 2. Subcontracting\n\n${CONSENT}\n\n<div>nested</div>\n\n</div>\n\n## 3. Payment\n\nThe Producer shall pay within 30 days.\n`;
    const model = buildContractModel(createSourceDocument('hidden.md', text, 'markdown'));
    assert.deepEqual(
      model.allClauses.map((c) => c.id),
      ['1', '3'],
    );
    assert.ok(!model.plain.text.includes('subcontract'), 'hidden text is not in the operative text');
    assert.ok(model.allText.text.includes('subcontract'), 'but it is in the text screening reads');
    assert.ok(model.sentences.some((s) => s.text === 'The Producer shall pay within 30 days.'));
  });

  it('an inline tag left open hides only to the end of its paragraph', () => {
    const text = `${PREAMBLE}## 2. Subcontracting\n\nNothing here <del>is struck.\n\n${CONSENT}\n`;
    assert.ok(!rules(text).includes('subcontracting-consent-missing'));
  });

  for (const [how, text] of [
    ['an HTML comment', `${PREAMBLE}<!-- Studio will use SEK Studio of Pyongyang for in-betweening -->\n`],
    ['a display:none block', `${PREAMBLE}<div style="display:none">\n\nThe Studio may engage Sek Studio for in-between frames.\n\n</div>\n`],
    ['struck-out text', `${PREAMBLE}The Studio may engage ~~Sek Studio~~ for in-between frames.\n`],
    ['a comment inside a paragraph', `${PREAMBLE}The Studio may engage <!-- Sek Studio --> a vendor for in-between frames.\n`],
  ]) {
    it(`a sanctioned name in ${how} is still screened, with its exact place and a word that it is hidden`, () => {
      const found = check(text).findings.filter((f) => f.rule === 'sanctioned-party');
      assert.equal(found.length, 1, JSON.stringify(found.map((f) => f.message)));
      assert.match(text.slice(found[0].span.start, found[0].span.end), /^sek studio$/i);
      assert.match(found[0].message, /SEK STUDIO/);
      assert.match(found[0].message, /does not see/);
    });
  }

  it('a visible sanctioned name is not called hidden', () => {
    const found = check(`${PREAMBLE}The Studio may engage Sek Studio for in-between frames.\n`).findings.filter((f) => f.rule === 'sanctioned-party');
    assert.equal(found.length, 1);
    assert.doesNotMatch(found[0].message, /does not see/);
  });
});
