import * as assert from 'node:assert/strict';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { buildContractModel } from '../../../src/core/model/buildModel';
import { nextClauseNumber } from '../../../src/core/model/numbering';
import type { ContractModel } from '../../../src/core/model/types';
import { assertSpansSliceBack } from './spans';

const md = (text: string) => buildContractModel(createSourceDocument('t.md', text, 'markdown'));
const txt = (text: string) => buildContractModel(createSourceDocument('t.txt', text, 'plaintext'));
const ids = (m: ContractModel) => m.allClauses.map((c) => c.id);
const sentenceTexts = (m: ContractModel) => m.sentences.map((s) => s.text);

describe('contract model: clause tree', () => {
  it('nests 1. / 1.1 / (a) / (i) in plain text and keeps number, title and heading spans', () => {
    const m = txt('SERVICES AGREEMENT\n\n1. Services.\n\n1.1 Provision of Services. (a) Provider shall provide the Services. (b) Provider shall keep records.\n\n(i) first item here.\n\n(ii) second item here.\n\n1.2 Standard. The work is good.\n\n2. Payment. The Producer shall pay.\n');
    assert.deepEqual(ids(m), ['1', '1.1', '1.1(a)', '1.1(b)', '1.1(b)(i)', '1.1(b)(ii)', '1.2', '2']);
    const c11 = m.clauseById('1.1')!;
    assert.equal(c11.title, 'Provision of Services');
    assert.equal(c11.level, 2);
    assert.equal(c11.parentId, '1');
    assert.equal(nextClauseNumber(c11), '1.2');
    assert.equal(nextClauseNumber(m.clauseById('1.1(b)')!), '(c)');
    assert.equal(nextClauseNumber(m.clauseById('1.1(b)(ii)')!), '(iii)');
    assert.equal(m.title?.text, 'SERVICES AGREEMENT');
    assertSpansSliceBack(m, 'plain');
  });

  it('reads ARTICLE / Section / SCHEDULE headings and ALL-CAPS headings', () => {
    const m = txt('ARTICLE IV — TERM\n\nSection 4.1 Initial Term. The term is one year.\n\nSection 4.2 Renewal. It renews.\n\nARTICLE V\nSUBCONTRACTING\n\nSection 5.1 Consent. No subcontracting without consent.\n\nSCHEDULE A\n\n1. Fees. Fees are due.\n');
    const top = m.clauses.map((c) => `${c.marker}:${c.number}:${c.title ?? ''}`);
    assert.deepEqual(top, ['article:IV:TERM', 'article:V:SUBCONTRACTING', 'schedule:A:']);
    assert.deepEqual(m.clauses[0].children.map((c) => c.id), ['4.1', '4.2']);
    assert.equal(nextClauseNumber(m.clauses[0]), 'ARTICLE V');
    assert.equal(nextClauseNumber(m.clauses[0].children[1]), 'Section 4.3');
    assert.deepEqual(m.clauses[2].children.map((c) => c.title), ['Fees']);
  });

  it('finds clauses in EDGAR text where a whole page is one line, without taking cross-references', () => {
    const m = txt('The Parties agree as follows: 1. Services. 1.1 Provision of Services. (a) Provider agrees to provide the Services set out in Section 4.2 of this Agreement. (b) Recipient may assign. 1.2 Standard of Service. Provider shall act in good faith. 2. Compensation. Recipient shall pay $1.5 million.');
    assert.deepEqual(ids(m), ['1', '1.1', '1.1(a)', '1.1(b)', '1.2', '2']);
    assert.equal(m.clauseById('1.2')!.title, 'Standard of Service');
  });

  it('uses Markdown headings, numbered lists and bold run-in headings, and Common Paper HTML spans', () => {
    const m = md('# Services Agreement\n\n## 1. Definitions\n\n**Subcontracting.** The Studio shall **not** subcontract.\n\n## 2. Services\n\n1. <span class="header_3" id="2.1">Scope.</span>  The Studio shall animate.\n2. <span class="header_3" id="2.2">Delivery.</span>  The Studio shall deliver.\n    1. Nested item. Text here.\n');
    assert.equal(m.title?.text, 'Services Agreement');
    assert.deepEqual(ids(m), ['1', 'h1', '2', '2.1', '2.2', '2.2.1']);
    const bold = m.clauseById('h1')!;
    assert.equal(bold.marker, 'bold-run-in');
    assert.equal(bold.title, 'Subcontracting');
    assert.equal(bold.headingText, '**Subcontracting.**');
    const scope = m.clauseById('2.1')!;
    assert.equal(scope.title, 'Scope');
    assert.equal(scope.headingText, '1. <span class="header_3" id="2.1">Scope.</span>');
    assert.equal(nextClauseNumber(scope), '2.');
    assertSpansSliceBack(m, 'markdown');
  });

  it('ends the last clause before the signature block', () => {
    const text = '1. Term. One year.\n\n2. Law. New York law.\n\nIN WITNESS WHEREOF the parties sign.\n\nACME INC.\nBy: ____\n';
    const m = txt(text);
    assert.equal(text.slice(m.clauses[1].span.start, m.clauses[1].span.end), '2. Law. New York law.');
  });
});

describe('contract model: sentences', () => {
  it('does not end sentences at abbreviations, initials or numbers', () => {
    const m = txt('Acme Co. and Beta Inc. agree, e.g. on fees, i.e. the U.S. price under Sec. 4 and No. 5. J. Smith signs. The term ends.');
    assert.deepEqual(sentenceTexts(m), ['Acme Co. and Beta Inc. agree, e.g. on fees, i.e. the U.S. price under Sec. 4 and No. 5.', 'J. Smith signs.', 'The term ends.']);
  });

  it('joins lines wrapped mid-sentence and skips page numbers and EDGAR footers inside a sentence', () => {
    const text = 'The Supplier shall not subcontract the\nServices without consent, and the\n\n2\n\nSource: ACME CORP, 10-K, 1/1/2020\n\n\n\nconsent shall be in writing. Next sentence here.\n';
    const m = txt(text);
    assert.deepEqual(sentenceTexts(m), ['The Supplier shall not subcontract the Services without consent, and the consent shall be in writing.', 'Next sentence here.']);
    assert.equal(text.slice(m.sentences[0].span.start, m.sentences[0].span.end).endsWith('in writing.'), true);
  });

  it('gives sentences Markdown-free text, exact source spans and their innermost clause', () => {
    const text = '## 7. Subcontracting\n\n7.1 Consent. The Studio shall **not** subcontract the\n[Services](#services) without *written* consent.\n';
    const m = md(text);
    const s = m.sentences.find((x) => x.text.includes('subcontract'))!;
    assert.equal(s.text, 'The Studio shall not subcontract the Services without written consent.');
    assert.equal(text.slice(s.span.start, s.span.end), 'The Studio shall **not** subcontract the\n[Services](#services) without *written* consent.');
    assert.equal(s.clauseId, '7.1');
  });
});

describe('contract model: plain text map', () => {
  it('removes emphasis, links, HTML and entities and maps every character back', () => {
    const text = 'The **Supplier** shall <span class="x">not</span> [assign](http://x.y) &amp; *sub*contract\\*.';
    const m = md(text);
    assert.equal(m.plain.text, 'The Supplier shall not assign & subcontract*.');
    const at = m.plain.text.indexOf('not');
    const span = m.plain.toSourceSpan(at, at + 3);
    assert.equal(text.slice(span.start, span.end), 'not');
    const amp = m.plain.text.indexOf('&');
    assert.deepEqual(m.plain.toSourceSpan(amp, amp + 1), { start: text.indexOf('&amp;'), end: text.indexOf('&amp;') + 5 });
    const sub = m.plain.text.indexOf('subcontract');
    const subSpan = m.plain.toSourceSpan(sub, sub + 'subcontract'.length);
    assert.equal(text.slice(subSpan.start, subSpan.end), 'sub*contract');
    assert.equal(m.plain.toSource(m.plain.text.length), text.length);
  });

  it('is the source itself for plain text', () => {
    const text = 'Plain **text** stays as it is.';
    assert.equal(txt(text).plain.text, text);
  });
});

describe('contract model: parties and defined terms', () => {
  it('reads parties and roles from the preamble', () => {
    const m = txt('THIS AGREEMENT is made as of May 1, 2024 (the "Effective Date") by and between Acme Animation Ltd., a Delaware corporation ("Producer"), and Studio Beta, LLC, a California limited liability company (the “Studio”).\n\n1. Services. The Studio shall animate.\n');
    assert.deepEqual(m.parties.map((p) => [p.name, p.role, p.description]), [
      ['Acme Animation Ltd.', 'Producer', 'a Delaware corporation'],
      ['Studio Beta, LLC', 'Studio', 'a California limited liability company'],
    ]);
    assertSpansSliceBack(m, 'parties');
  });

  it('falls back to signature blocks when the preamble names no parties', () => {
    const m = txt('TERMS\n\n1. Services. The work.\n\n2. Fees. The fees.\n\nIN WITNESS WHEREOF, the parties have signed.\n\nACME HOLDINGS, INC.\n\nBy: ______\nName: J. Doe\n\nBETA STUDIO LLC\n\nBy: ______\n');
    assert.deepEqual(m.parties.map((p) => [p.name, p.source]), [
      ['ACME HOLDINGS, INC.', 'signature'],
      ['BETA STUDIO LLC', 'signature'],
    ]);
  });

  it('takes a party role from the label above its signature block', () => {
    const m = txt('TERMS\n\n1. Services. The work.\n\n2. Fees. The fees.\n\nIN WITNESS WHEREOF, the parties have signed.\n\nSUPPLIER:\n\nACME HOLDINGS, INC.\n\nBy: ______\n\n“Customer”\nBETA STUDIO LLC\nBy: ______\n');
    assert.deepEqual(m.parties.map((p) => [p.name, p.role]), [
      ['ACME HOLDINGS, INC.', 'SUPPLIER'],
      ['BETA STUDIO LLC', 'Customer'],
    ]);
    assertSpansSliceBack(m, 'signature roles');
  });

  it('finds defined terms in every usual form, with their uses', () => {
    const text = [
      'This Agreement (the "Agreement") is between Acme Inc. (hereinafter "Supplier") and Beta LLC (“Customer”).',
      '',
      '1. Definitions.',
      '',
      '1.1 "Services" means the animation work described in Schedule A.',
      '',
      '2. The Supplier shall perform the Services for the Customer under this Agreement.',
    ].join('\n');
    const m = txt(text);
    const terms = new Map(m.definedTerms.map((t) => [t.term, t]));
    assert.deepEqual([...terms.keys()].sort(), ['Agreement', 'Customer', 'Services', 'Supplier']);
    const services = terms.get('Services')!;
    assert.equal(services.definition, '"Services" means the animation work described in Schedule A.');
    assert.equal(services.uses.length, 1);
    assert.equal(text.slice(services.uses[0].start, services.uses[0].end), 'Services');
    assert.equal(terms.get('Supplier')!.uses.length, 1);
  });

  it('reads bold-quoted Markdown definitions', () => {
    const m = md('**"Account"** means a user account.\n\n**Content** means any material.\n\nEach Account may hold Content.\n');
    assert.deepEqual(m.definedTerms.map((t) => [t.term, t.uses.length]), [
      ['Account', 1],
      ['Content', 1],
    ]);
  });
});
