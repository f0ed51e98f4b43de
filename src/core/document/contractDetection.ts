/**
 * Decides from content whether a Markdown / text file reads like a contract, so ClauseGuard stays quiet
 * on READMEs and notes. Used with the `clauseguard.contractFiles` globs (a glob match always counts).
 */
export function looksLikeContract(text: string): boolean {
  if (isClauseGuardOutput(text)) return false;
  const head = text.slice(0, 6000);
  const titled = /\b(agreement|contract|terms of service|terms and conditions|statement of work|addendum|memorandum of understanding)\b/i.test(head);
  const partiesClause = /\b(between|by and among|by and between|entered into)\b/i.test(head);
  const obligations = (text.slice(0, 100000).match(/\b(shall|hereby|hereto|hereunder|herein|indemnif\w*|warrant(?:y|ies|s)|terminat(?:e|ion)|governing law|liabilit(?:y|ies))\b/gi) ?? []).length;
  const shalls = (text.slice(0, 100000).match(/\bshall\b/gi) ?? []).length;
  return (titled && (partiesClause || obligations >= 3)) || shalls >= 12;
}

/**
 * Written at the top of everything ClauseGuard writes that could be mistaken for a contract (Markdown
 * reports, the rule pages): a file that carries it is never checked, so ClauseGuard does not flag the
 * names it quotes from its own screening table.
 */
export const CLAUSEGUARD_OUTPUT_MARKER = '<!-- clauseguard-output: written by ClauseGuard; not a contract, not checked -->';

export function isClauseGuardOutput(text: string): boolean {
  return text.slice(0, 2000).includes('clauseguard-output:');
}
