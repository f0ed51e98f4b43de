import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createSourceDocument } from '../../../src/core/document/sourceDocument';
import { readOfacCsvSet } from '../../../src/core/screening/readers/ofac';
import { readUnXml } from '../../../src/core/screening/readers/un';
import { createScreener } from '../../../src/core/screening/screener';
import { applyInlineSuppressions, parseDirectives, type Directive } from '../../../src/core/review/inlineDirectives';
import type { Finding } from '../../../src/core/types';
import { consecutiveDirectives, ofacSetWithAliases, oneLineUnXml } from './hostileInputs';

// Issue 12, item 8: inputs that took minutes on quadratic paths finish (and stay correct). How time
// grows with size is measured in bench/untrustedInput.bench.ts, not here; these tests only hold the
// results, and would run into mocha's timeout on the old code (83 s, 44 s, 53 s).

const finding = (rule: string, line: number): Finding =>
  ({ rule, severity: 'warning', message: `${rule} on ${line}`, range: { start: { line, character: 0 }, end: { line, character: 1 } } }) as unknown as Finding;

describe('adversarial: hostile sizes', function () {
  this.timeout(30000);

  it('50,000 consecutive disable-next-line comments: the line below is suppressed once, credited to the first comment of the run', () => {
    const doc = createSourceDocument('c.md', consecutiveDirectives(50_000));
    const line = doc.lines.lineCount - 2;
    const out = applyInlineSuppressions(doc, [finding('subcontracting-consent-missing', line), finding('other-rule', line)], { tagsOf: () => [], known: () => true, enabled: true, protectedRules: new Set(), allowProtected: false });
    assert.deepEqual(out.findings.map((f) => f.rule), ['other-rule']);
    assert.equal(out.suppressed.length, 1);
    assert.equal(out.suppressed[0].suppression.kind === 'inline' && out.suppressed[0].suppression.line, 2, 'credited to the first comment, as before');
  });

  it('one OFAC entity with 200,000 aliases is read and indexed, and each alias is found', () => {
    const set = ofacSetWithAliases(200_000);
    const { entities } = readOfacCsvSet({ primary: { name: 'sdn.csv', text: set.primary }, alt: { name: 'alt.csv', text: set.alt }, add: { name: 'add.csv', text: set.add } }, { listId: 'ofac-sdn' });
    assert.equal(entities.length, 1);
    assert.equal(entities[0].aliases.length, 200_000);
    const screener = createScreener([{ info: { id: 'ofac-sdn', name: 'SDN', date: '2026-01-01', entries: 1, sha256: '' }, entities }]);
    const alias = entities[0].aliases[123_456].name;
    assert.equal(screener.search(alias, { limit: 1 })[0]?.entity.id, 'ofac-sdn:36');
  });

  it('a 10 MB UN list on one line is read with every entity', () => {
    const xml = oneLineUnXml(10_000_000);
    const { entities, date } = readUnXml(xml, 'consolidated.xml');
    assert.equal(date, '2026-02-27');
    assert.equal(entities.length, (xml.match(/<ENTITY>/g) ?? []).length);
    assert.ok(entities.length > 20_000);
  });

  describe('property: random directive comments', () => {
    const RULES = ['alpha-rule', 'beta-rule', 'greek', 'no-such-rule', ''];
    const directiveLine = fc.record({
      form: fc.constantFrom('html', 'bracket', 'broken'),
      kind: fc.constantFrom('disable-next-line', 'disable', 'enable', 'disable-file', 'disable-nextline'),
      rules: fc.subarray(RULES),
      reason: fc.option(fc.string({ maxLength: 12 }).map((s) => s.replace(/-->|\]|\n/g, '')), { nil: undefined }),
    }).map(({ form, kind, rules, reason }) => {
      const body = `clauseguard-${kind} ${rules.join(', ')}${reason !== undefined ? ` -- ${reason}` : ''}`;
      return form === 'html' ? `<!-- ${body} -->` : form === 'bracket' ? `[${body}]` : `<!-- ${body}`;
    });
    const line = fc.oneof(directiveLine, fc.constantFrom('', 'ALPHA text', 'BETA text', '```', 'plain words', '   '));

    it('never crash, never lose a finding, and suppress exactly what the original line-by-line rule did', () => {
      fc.assert(
        fc.property(fc.array(line, { maxLength: 40 }), fc.constantFrom('markdown' as const, 'plaintext' as const), (lines, format) => {
          const doc = createSourceDocument(format === 'markdown' ? 'c.md' : 'c.txt', lines.join('\n'), format);
          const findings = lines.flatMap((l, i) => [...(l.includes('ALPHA') || l.includes('clauseguard') ? [finding('alpha-rule', i)] : []), ...(l.includes('BETA') ? [finding('beta-rule', i)] : [])]);
          const tagsOf = (id: string) => (id === 'alpha-rule' ? ['greek'] : []);
          const known = (n: string) => ['alpha-rule', 'beta-rule', 'greek'].includes(n);
          const out = applyInlineSuppressions(doc, findings, { tagsOf: tagsOf, known: known, enabled: true, protectedRules: new Set(), allowProtected: false });
          assert.equal(out.findings.length + out.suppressed.length, findings.length, 'every finding is shown or suppressed');
          const expected = referenceSuppressions(doc, parseDirectives(doc), findings, tagsOf);
          assert.deepEqual(
            out.suppressed.map((s) => [s.finding.rule, s.finding.range.start.line, s.suppression.kind === 'inline' ? s.suppression.line : -1]),
            expected,
          );
        }),
        { numRuns: 400 },
      );
    });
  });
});

/** The suppression rule as first written (quadratic): each directive scans forward, each finding searches all regions. */
function referenceSuppressions(doc: ReturnType<typeof createSourceDocument>, directives: Directive[], findings: Finding[], tagsOf: (id: string) => readonly string[]): [string, number, number][] {
  const isDirective = (t: string) => /^<!--\s*clauseguard-(disable-next-line|disable-file|disable|enable)\b(.*?)-->$/i.test(t) || /^\[\s*clauseguard-(disable-next-line|disable-file|disable|enable)\b([^\]]*)\]$/i.test(t);
  const lineText = (l: number) => doc.text.slice(doc.lines.lineStarts[l], doc.lines.lineEndOffset(l)).trim();
  const next = (line: number) => {
    for (let l = line + 1; l < doc.lines.lineCount; l++) if (lineText(l) && !isDirective(lineText(l))) return l;
    return undefined;
  };
  const last = doc.lines.lineCount - 1;
  const regions: { from: number; to: number; d: Directive }[] = [];
  const open: Directive[] = [];
  for (const d of directives) {
    if (d.kind === 'disable-file') regions.push({ from: 0, to: last, d });
    else if (d.kind === 'disable-next-line') {
      const t = next(d.line);
      if (t !== undefined) regions.push({ from: d.line, to: t, d });
    } else if (d.kind === 'disable') open.push(d);
    else {
      for (let i = open.length - 1; i >= 0; i--) {
        const o = open[i];
        if (d.rules.length === 0 || o.rules.length === 0 || o.rules.some((r) => d.rules.includes(r))) {
          regions.push({ from: o.line, to: d.line, d: o });
          open.splice(i, 1);
        }
      }
    }
  }
  for (const o of open) regions.push({ from: o.line, to: last, d: o });
  const out: [string, number, number][] = [];
  for (const f of findings) {
    const names = [f.rule, ...tagsOf(f.rule)];
    const l = f.range.start.line;
    const hit = regions.find((r) => l >= r.from && l <= r.to && (r.d.rules.length === 0 || r.d.rules.some((n) => names.includes(n))));
    if (hit) out.push([f.rule, l, hit.d.line]);
  }
  return out;
}
