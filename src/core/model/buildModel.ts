import type { SourceDocument } from '../document/sourceDocument';
import type { Span } from '../document/positions';
import type { Clause, ContractModel, PlainText, Sentence } from './types';

/**
 * FIRST VERSION (foundation): Markdown headings and numbered lines as clauses, naive sentences,
 * emphasis markers removed. The document-model work (issue 3) replaces the internals; the
 * ContractModel interface is the contract with rules.
 */
export function buildContractModel(doc: SourceDocument): ContractModel {
  const plain = stripMarkup(doc.text, doc.format === 'markdown');
  const clauses = findClauses(doc);
  const sentences = splitSentences(plain, clauses);
  const byId = new Map(clauses.map((c) => [c.id, c]));
  return {
    doc,
    clauses,
    allClauses: clauses,
    paragraphs: [],
    sentences,
    parties: [],
    definedTerms: [],
    plain,
    clauseAt: (offset) => {
      let best: Clause | undefined;
      for (const c of clauses) if (c.span.start <= offset && offset < c.span.end) best = c;
      return best;
    },
    clauseById: (id) => byId.get(id),
  };
}

function stripMarkup(text: string, markdown: boolean): PlainText {
  const out: string[] = [];
  const map: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (markdown && (ch === '*' || ch === '_')) continue;
    out.push(ch);
    map.push(i);
  }
  map.push(text.length);
  const plainText = out.join('');
  return {
    text: plainText,
    toSource: (o) => map[Math.max(0, Math.min(o, map.length - 1))],
    toSourceSpan: (s, e) => ({ start: map[Math.max(0, Math.min(s, map.length - 1))], end: e > s ? map[Math.min(e - 1, map.length - 2)] + 1 : map[Math.min(s, map.length - 1)] }),
  };
}

const HEADING = /^(#{1,6})\s+(?:(\d+(?:\.\d+)*)\.?\s+)?(.*)$|^(\d+(?:\.\d+)*)\.?\s+([A-Z][^\n]{0,80})$/gm;

function findClauses(doc: SourceDocument): Clause[] {
  const found: Clause[] = [];
  for (const m of doc.text.matchAll(HEADING)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    const number = m[2] ?? m[4];
    const title = (m[3] ?? m[5] ?? '').trim();
    found.push({
      id: number ?? `h${found.length + 1}`,
      number,
      title,
      marker: m[1] ? 'markdown-heading' : 'numbered',
      level: m[1] ? m[1].length : (number?.split('.').length ?? 1),
      headingSpan: { start, end },
      span: { start, end: doc.text.length },
      headingText: m[0],
      children: [],
    });
  }
  for (let i = 0; i + 1 < found.length; i++) found[i].span = { start: found[i].span.start, end: found[i + 1].span.start };
  return found;
}

function splitSentences(plain: PlainText, clauses: Clause[]): Sentence[] {
  const sentences: Sentence[] = [];
  const re = /[^.!?\n]+(?:[.!?]+|\n\s*\n|$)/g;
  for (const m of plain.text.matchAll(re)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (!text) continue;
    const s = (m.index ?? 0) + lead;
    const span: Span = plain.toSourceSpan(s, s + text.length);
    const clause = [...clauses].reverse().find((c) => c.span.start <= span.start && span.start < c.span.end);
    sentences.push({ span, text: text.replace(/\s+/g, ' '), clauseId: clause?.id });
  }
  return sentences;
}
