import * as assert from 'node:assert/strict';
import type { Clause, ContractModel } from '../../../src/core/model/types';

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();
/** Markdown markup a source slice may hold that the plain text drops. */
const stripMarkup = (s: string) => s.replace(/<[^>]*>/g, '').replace(/[*_`\\]/g, '');
/** An entity (`&amp;`) is one character of plain text: such slices are compared by bounds only. */
const hasEntity = (s: string) => /&#?\w+;/.test(s);

/** Every span of the model lies in the source and slices back to what the model says it is. */
export function assertSpansSliceBack(model: ContractModel, label: string): void {
  const text = model.doc.text;
  const md = model.doc.format === 'markdown';
  const inBounds = (s: { start: number; end: number }, what: string) =>
    assert.ok(s.start >= 0 && s.start <= s.end && s.end <= text.length, `${label}: ${what} span ${s.start}-${s.end} out of bounds`);
  assert.equal(model.buildError, undefined, `${label}: model build failed`);
  const walk = (list: Clause[], parent?: Clause) => {
    let prev = -1;
    for (const c of list) {
      inBounds(c.span, `clause ${c.id}`);
      inBounds(c.headingSpan, `clause ${c.id} heading`);
      assert.equal(c.headingText, text.slice(c.headingSpan.start, c.headingSpan.end), `${label}: clause ${c.id} headingText`);
      assert.ok(c.span.start === c.headingSpan.start && c.headingSpan.end <= Math.max(c.span.end, c.headingSpan.end), `${label}: clause ${c.id} heading inside clause`);
      assert.ok(c.span.start > prev, `${label}: clause ${c.id} out of order`);
      prev = c.span.start;
      if (parent) assert.ok(c.span.start >= parent.span.start && c.span.end <= parent.span.end, `${label}: clause ${c.id} outside parent ${parent.id}`);
      assert.equal(c.level, parent ? parent.level + 1 : 1, `${label}: clause ${c.id} level`);
      if (c.numberSpan && c.number) {
        inBounds(c.numberSpan, `clause ${c.id} number`);
        assert.equal(text.slice(c.numberSpan.start, c.numberSpan.end), c.number, `${label}: clause ${c.id} number span`);
      }
      if (c.titleSpan && c.title) {
        inBounds(c.titleSpan, `clause ${c.id} title`);
        // Markdown: compare with markup stripped on both sides (an unmatched "`" or "*" stays in the plain text).
        const slice = fold(md ? stripMarkup(text.slice(c.titleSpan.start, c.titleSpan.end)) : text.slice(c.titleSpan.start, c.titleSpan.end));
        if (!md || !/&#?\w+;/.test(slice)) assert.equal(slice, md ? fold(stripMarkup(c.title)) : c.title, `${label}: clause ${c.id} title span`);
      }
      assert.equal(model.clauseById(c.id), c, `${label}: clauseById(${c.id})`);
      walk(c.children, c);
    }
  };
  walk(model.clauses);
  let last = -1;
  for (const s of model.sentences) {
    inBounds(s.span, 'sentence');
    assert.ok(s.span.start >= last, `${label}: sentences out of order at ${s.span.start}`);
    last = s.span.end;
    assert.ok(s.text.length > 0 && !/\s\s|^\s|\s$|\n/.test(s.text), `${label}: sentence text not folded: ${JSON.stringify(s.text.slice(0, 60))}`);
    const first = text[s.span.start];
    if (first !== '&') assert.equal(first, s.text[0], `${label}: sentence at ${s.span.start} starts with ${JSON.stringify(first)}, text with ${JSON.stringify(s.text[0])}`);
    if (s.clauseId !== undefined) assert.ok(model.clauseById(s.clauseId), `${label}: sentence clause ${s.clauseId}`);
  }
  for (const p of model.parties) {
    inBounds(p.nameSpan, `party ${p.name}`);
    const slice = text.slice(p.nameSpan.start, p.nameSpan.end);
    if (!md || !hasEntity(slice)) assert.equal(fold(md ? stripMarkup(slice) : slice), md ? fold(stripMarkup(p.name)) : p.name, `${label}: party nameSpan`);
    if (p.role && p.roleSpan) assert.equal(fold(text.slice(p.roleSpan.start, p.roleSpan.end)), p.role, `${label}: party roleSpan`);
  }
  for (const t of model.definedTerms) {
    inBounds(t.termSpan, `term ${t.term}`);
    inBounds(t.definitionSpan, `definition of ${t.term}`);
    const slice = text.slice(t.termSpan.start, t.termSpan.end);
    if (!md || !hasEntity(slice)) assert.equal(md ? stripMarkup(slice) : slice, md ? stripMarkup(t.term) : t.term, `${label}: term span`);
    for (const u of t.uses) {
      inBounds(u, `use of ${t.term}`);
      const used = text.slice(u.start, u.end);
      if (!md || !hasEntity(used)) assert.ok((md ? stripMarkup(used) : used).startsWith(md ? stripMarkup(t.term) : t.term), `${label}: use of "${t.term}" slices to "${used}"`);
    }
  }
  for (const p of model.paragraphs) inBounds(p, 'paragraph');
  const plain = model.plain;
  for (let i = 0; i <= plain.text.length; i += Math.max(1, Math.floor(plain.text.length / 200))) {
    const o = plain.toSource(i);
    assert.ok(o >= 0 && o <= text.length, `${label}: plain offset ${i} maps outside the source`);
  }
}
