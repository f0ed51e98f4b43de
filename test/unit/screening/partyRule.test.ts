import * as assert from 'node:assert/strict';
import { normalizeConfig } from '../../../src/core/config/checkConfig';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { checkDocument } from '../../../src/core/index';
import { sanctionedParty } from '../../../src/core/rules/sanctionedMentions/sanctionedParty';
import { loadTestScreener } from '../helpers/screener';

describe('sanctioned-party finding', function () {
  this.timeout(60_000);
  const services = { screener: loadTestScreener() };
  const doc = createSourceDocument('s.md', '# Subcontract\n\nThe Studio appoints **Mansudea Art Studio** to draw the frames.\n', 'markdown');

  it('carries the match, the list and an explanation, and covers the name in the source', () => {
    const [f] = checkDocument(doc, { rules: [sanctionedParty], services }).findings;
    assert.equal(f.text, 'Mansudea Art Studio');
    assert.ok(f.match && f.match.score > 0.8 && f.match.score < 1);
    assert.equal(f.match.name.toUpperCase(), 'MANSUDAE ART STUDIO');
    assert.ok(['ofac-sdn:20578', 'un:KPe.050'].includes(f.match.entity.id));
    assert.ok(f.match.entity.programs.length > 0);
    assert.match(f.match.explanation ?? '', /mansudea≈mansudae/);
    assert.ok(typeof f.data?.listDate === 'string');
    assert.match(f.message, /MANSUDAE OVERSEAS PROJECT GROUP OF COMPANIES/);
  });

  it('takes its severity from the configured score bands', () => {
    const { config } = normalizeConfig({ screeningBands: { error: 0.99, warning: 0.98, info: 0.5 } });
    const [f] = checkDocument(doc, { rules: [sanctionedParty], services, config }).findings;
    assert.equal(f.severity, 'info');
    const strict = normalizeConfig({ screeningBands: { error: 0.5, warning: 0.4, info: 0.3 } }).config;
    assert.equal(checkDocument(doc, { rules: [sanctionedParty], services, config: strict }).findings[0].severity, 'error');
  });

  it('reports nothing without a screener (no lists loaded)', () => {
    assert.deepEqual(checkDocument(doc, { rules: [sanctionedParty] }).findings, []);
  });
});
