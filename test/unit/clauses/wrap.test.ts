import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUNDLED_CLAUSE_FILES } from '../../../src/core/fixes/bundled';
import { loadClauseLibrary } from '../../../src/core/fixes/library';
import { applyFixAction, clauseFixActions } from '../../../src/core/fixes/quickFix';
import { hardWrapWidth, wrapLines } from '../../../src/core/fixes/wrap';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { checkDocument } from '../../../src/core/index';
import { REPO, SHARED_DATA, sharedDataAvailable } from '../helpers/sharedData';

const library = loadClauseLibrary(BUNDLED_CLAUSE_FILES);

describe('inserted clauses follow a hard-wrapped document', () => {
  it('finds the width of the hard-wrapped sample and none in the unwrapped ones', () => {
    assert.equal(hardWrapWidth(readFileSync(join(REPO, 'samples', 'it-outsourcing-agreement.txt'), 'utf8')), 103);
    assert.equal(hardWrapWidth(readFileSync(join(REPO, 'samples', 'animation-production-agreement.md'), 'utf8')), undefined);
  });

  it('real contracts with one line per paragraph are not taken as hard-wrapped', function () {
    if (!sharedDataAvailable()) return this.skip(); // needs ../shared (real contracts)
    const dir = join(SHARED_DATA, 'contracts', 'cuad');
    const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
    const wrapped = files.filter((f) => hardWrapWidth(readFileSync(join(dir, f), 'utf8')) !== undefined);
    assert.deepEqual(wrapped, []);
  });

  it('the inserted clause is wrapped at the width, words intact, and the finding goes', () => {
    const uri = 'it-outsourcing-agreement.txt';
    const text = readFileSync(join(REPO, 'samples', uri), 'utf8').replace(/\n4\. SANCTIONS[\s\S]*?(?=\n\d+\. )/, '\n');
    const finding = checkDocument(createSourceDocument(uri, text)).findings.find((f) => f.rule === 'sanctions-clause-missing');
    assert.ok(finding, 'sanctions clause removed, so the rule reports it');
    const action = clauseFixActions(finding, library)[0];
    const width = hardWrapWidth(text)!;
    const wrapped = { ...action, text: wrapLines(action.text, width, '\n') };
    for (const line of wrapped.text.split('\n')) assert.ok(line.length <= width, `${line.length}: ${line}`);
    assert.equal(wrapped.text.replace(/\s+/g, ' '), action.text.replace(/\s+/g, ' '));
    const after = applyFixAction(text, wrapped);
    assert.equal(checkDocument(createSourceDocument(uri, after)).findings.filter((f) => f.rule === 'sanctions-clause-missing').length, 0);
  });

  it('snippets wrap by what is shown: a tab stop is one word of its value', () => {
    const snippet = 'The ${1:Supplier} shall give ${2:thirty (30) days} notice to the Customer before any change.$0';
    const out = wrapLines(snippet, 40, '\n', true);
    assert.equal(out.replace(/\n/g, ' '), snippet);
    assert.ok(out.includes('${2:thirty (30) days}'), out);
    for (const line of out.split('\n')) assert.ok(line.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d/g, '').length <= 40, line);
  });
});

describe('snippet tab stops only where the reviewer types', () => {
  it('party names taken from the contract are text, not linked tab stops', () => {
    const uri = 'animation-production-agreement.md';
    const text = readFileSync(join(REPO, 'samples', uri), 'utf8');
    const finding = checkDocument(createSourceDocument(uri, text)).findings.find((f) => f.rule === 'subcontracting-consent-missing')!;
    const action = clauseFixActions(finding, library).find((a) => a.kind === 'insert-clause')!;
    const fill = (finding.data?.fix as { fill?: { performingParty?: string } }).fill;
    assert.ok(fill?.performingParty, 'the rule knows the performing party');
    const stops = [...action.snippet!.matchAll(/\$\{\d+:([^}]*)\}/g)].map((m) => m[1]);
    assert.ok(!stops.some((s) => s.toLowerCase() === fill!.performingParty!.toLowerCase()), `party name is a tab stop: ${stops.join(' | ')}`);
    assert.ok(action.snippet!.includes(fill!.performingParty!), 'the party name is in the clause');
  });
});
