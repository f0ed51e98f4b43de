import type { Span } from '../../document/positions';
import type { Clause, ContractModel } from '../../model/types';

/**
 * Where a lawyer would add a missing clause: the first clause whose title matches one of the patterns
 * (in order of preference), else the contract's title, else its first line.
 */
export function findAnchor(model: ContractModel, preferences: readonly RegExp[]): { clause?: Clause; span: Span; label: string } {
  for (const re of preferences) {
    const hits = model.allClauses.filter((c) => c.title && re.test(c.title) && c.title.length < 80);
    if (hits.length) {
      // Prefer the most specific (deepest) clause: "12.3 Assignment" over "12. Assignment and Subcontracting" only when deeper.
      const clause = hits.reduce((a, b) => (b.level > a.level ? b : a));
      return { clause, span: clause.headingSpan, label: clauseLabel(clause, model) };
    }
  }
  if (model.title) return { span: model.title.span, label: 'the title' };
  const text = model.doc.text;
  const first = text.search(/\S/);
  if (first < 0) return { span: { start: 0, end: 0 }, label: 'the start of the document' };
  const lineEnd = text.indexOf('\n', first);
  const end = (lineEnd < 0 ? text.length : lineEnd) - (text[lineEnd - 1] === '\r' ? 1 : 0);
  return { span: { start: first, end: Math.min(end, first + 200) }, label: 'the start of the document' };
}

export function clauseLabel(c: Clause, model?: ContractModel): string {
  let num = '';
  if (c.number && /^\d/.test(c.number)) num = `Section ${c.number}`;
  else if (c.number) {
    // "(a)" alone says little: "Section 12(a)" when the parent is numbered.
    const parent = c.parentId && model ? model.clauseById(c.parentId) : undefined;
    num = parent?.number && /^\d/.test(parent.number) ? `Section ${parent.number}(${c.number})` : `Clause (${c.number})`;
  }
  // Run-in titles end at the first full stop that closes a word ("U.S. Export Controls" stays whole).
  const title = c.title ? c.title.split(/(?<=[a-z]{3})[.:]\s/i)[0].replace(/[.:]\s*$/, '').slice(0, 60).trim() : '';
  return [num, title ? `“${title}”` : ''].filter(Boolean).join(' ') || 'this clause';
}

export const ASSIGNMENT_TITLES = [/\b(?:sub-?contract\w*|delegat\w*)\b/i, /\bassign\w*\b/i, /\btransfer\w*\b/i];
export const GENERAL_TITLES = [/\b(?:general|miscellaneous|boilerplate|other\s+provisions|final\s+provisions|general\s+terms)\b/i];
export const SANCTIONS_TITLES = [/\b(?:sanctions?|export|trade\s+control\w*|compliance\s+with\s+laws?)\b/i];
