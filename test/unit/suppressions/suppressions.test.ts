import * as assert from 'node:assert/strict';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { checkDocument } from '../../../src/core/index';
import type { Rule } from '../../../src/core/rules/rule';
import { parseDirectives } from '../../../src/core/review/inlineDirectives';

/** Reports every occurrence of a word: enough to see which lines a directive covers. */
function wordRule(id: string, word: string, tags: string[] = []): Rule {
  return {
    id,
    title: id,
    description: '',
    rationale: '',
    defaultSeverity: 'warning',
    tags,
    examples: [],
    check: ({ model }) => {
      const out = [];
      const text = model.doc.text;
      for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) out.push({ span: { start: i, end: i + word.length }, message: `found ${word}` });
      return out;
    },
  };
}

const rules = [wordRule('alpha-rule', 'ALPHA', ['greek']), wordRule('beta-rule', 'BETA')];

function run(lines: string[], format: 'markdown' | 'plaintext' = 'markdown') {
  const doc = createSourceDocument(format === 'markdown' ? 'c.md' : 'c.txt', lines.join('\n'), format);
  const r = checkDocument(doc, { rules });
  const at = (fs: { rule: string; range: { start: { line: number } } }[]) => fs.map((f) => `${f.rule}@${f.range.start.line}`);
  return { shown: at(r.findings), hidden: at(r.suppressed.map((s) => s.finding)), result: r };
}

describe('inline control comments', () => {
  it('disable-next-line hides only the named rule on the next non-blank line and keeps it as suppressed', () => {
    const { shown, hidden, result } = run(['ALPHA BETA', '<!-- clauseguard-disable-next-line alpha-rule -->', '', 'ALPHA BETA', 'ALPHA']);
    assert.deepEqual(shown, ['alpha-rule@0', 'beta-rule@0', 'beta-rule@3', 'alpha-rule@4']);
    assert.deepEqual(hidden, ['alpha-rule@3']);
    const s = result.suppressed[0].suppression;
    assert.equal(s.kind, 'inline');
    assert.equal(s.kind === 'inline' && s.line, 1);
    assert.equal(s.kind === 'inline' && s.comment, '<!-- clauseguard-disable-next-line alpha-rule -->');
  });

  it('accepts several rules separated by commas, a tag, and no rule at all (= every rule)', () => {
    assert.deepEqual(run(['<!-- clauseguard-disable-next-line alpha-rule, beta-rule -->', 'ALPHA BETA']).shown, []);
    assert.deepEqual(run(['<!-- clauseguard-disable-next-line greek -->', 'ALPHA BETA']).shown, ['beta-rule@1']);
    assert.deepEqual(run(['<!-- clauseguard-disable-next-line -->', 'ALPHA BETA', 'ALPHA']).shown, ['alpha-rule@2']);
  });

  it('disable … enable covers the lines between; an unclosed disable runs to the end of the file', () => {
    const { shown, hidden } = run(['ALPHA', '<!-- clauseguard-disable alpha-rule -->', 'ALPHA BETA', '<!-- clauseguard-enable alpha-rule -->', 'ALPHA', '<!-- clauseguard-disable -->', 'ALPHA BETA']);
    assert.deepEqual(shown, ['alpha-rule@0', 'beta-rule@2', 'alpha-rule@4']);
    assert.deepEqual(hidden, ['alpha-rule@2', 'alpha-rule@6', 'beta-rule@6']);
  });

  it('disable-file applies wherever it is written', () => {
    const { shown, hidden } = run(['ALPHA BETA', 'BETA', '<!-- clauseguard-disable-file beta-rule -->']);
    assert.deepEqual(shown, ['alpha-rule@0']);
    assert.deepEqual(hidden, ['beta-rule@0', 'beta-rule@1']);
  });

  it('has a plain-text form in square brackets, with an optional reason after "--"', () => {
    const { shown, result } = run(['[clauseguard-disable-next-line alpha-rule -- checked with the client on 3 May]', 'ALPHA BETA'], 'plaintext');
    assert.deepEqual(shown, ['beta-rule@1']);
    const s = result.suppressed[0].suppression;
    assert.equal(s.kind === 'inline' && s.reason, 'checked with the client on 3 May');
  });

  it('ignores directives inside fenced code blocks and text that merely mentions them', () => {
    const { shown } = run(['```', '<!-- clauseguard-disable-file -->', '```', 'See clauseguard-disable-file in the manual. ALPHA']);
    assert.deepEqual(shown, ['alpha-rule@3']);
  });

  it('reports unknown rule names and an enable without a disable instead of silently doing nothing', () => {
    const { result } = run(['<!-- clauseguard-disable-next-line alpah-rule -->', 'ALPHA', '<!-- clauseguard-enable beta-rule -->']);
    assert.equal(result.findings.length, 1);
    assert.equal(result.directiveProblems.length, 2);
    assert.match(result.directiveProblems[0].message, /"alpah-rule" .* not a ClauseGuard rule/);
    assert.equal(result.directiveProblems[1].line, 2);
  });

  it('parses CRLF text and leaves documents without directives untouched', () => {
    const doc = createSourceDocument('c.md', 'x\r\n<!-- clauseguard-disable beta-rule -->\r\nBETA\r\n', 'markdown');
    assert.deepEqual(parseDirectives(doc).map((d) => [d.kind, d.rules, d.line]), [['disable', ['beta-rule'], 1]]);
    const r = checkDocument(createSourceDocument('c.md', 'ALPHA', 'markdown'), { rules });
    assert.deepEqual(r.suppressed, []);
  });
});
