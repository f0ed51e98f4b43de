/**
 * Decides from content whether a Markdown / text file reads like a contract, so ClauseGuard stays quiet
 * on READMEs and notes. Used with the `clauseguard.contractFiles` globs (a glob match always counts).
 */
export function looksLikeContract(text: string): boolean {
  const head = text.slice(0, 6000);
  const titled = /\b(agreement|contract|terms of service|terms and conditions|statement of work|addendum|memorandum of understanding)\b/i.test(head);
  const partiesClause = /\b(between|by and among|by and between|entered into)\b/i.test(head);
  const obligations = (text.slice(0, 100000).match(/\b(shall|hereby|hereto|hereunder|herein|indemnif\w*|warrant(?:y|ies|s)|terminat(?:e|ion)|governing law|liabilit(?:y|ies))\b/gi) ?? []).length;
  const shalls = (text.slice(0, 100000).match(/\bshall\b/gi) ?? []).length;
  return (titled && (partiesClause || obligations >= 3)) || shalls >= 12;
}
