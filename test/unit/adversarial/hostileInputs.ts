/**
 * Hostile inputs of a chosen size, shared by the adversarial tests and bench/untrustedInput.bench.ts:
 * each once took quadratic time (issue 12).
 */

/** A distinct made-up word for each number (letters only, so every alias folds to distinct words). */
export function word(n: number): string {
  let s = '';
  do {
    s += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
}

/** A Markdown contract with `n` consecutive disable-next-line comments before one line naming a party. */
export function consecutiveDirectives(n: number): string {
  const lines = ['# Services Agreement', ''];
  for (let i = 0; i < n; i++) lines.push(`<!-- clauseguard-disable-next-line subcontracting-consent-missing -- note ${i} -->`);
  lines.push('The Supplier may subcontract any work to Sek Studio of Pyongyang.', '');
  return lines.join('\n');
}

/** An OFAC SDN set (sdn.csv + alt.csv + add.csv + sdn_comments.csv) where one entity has `n` aliases. */
export function ofacSetWithAliases(n: number): { primary: string; alt: string; add: string; comments: string } {
  const primary = '36,"SEK STUDIO","-0- ","DPRK3","-0- ","-0- ","-0- ","-0- ","-0- ","-0- ","-0- ","-0- "\r\n';
  const alt: string[] = [];
  // Distinct names from a vocabulary of 2,000 words, as real aliases share their words.
  for (let i = 0; i < n; i++) alt.push(`36,${i + 1},"aka","STUDIO ${word(i % 2000).toUpperCase()} ${word(2000 + Math.floor(i / 2000)).toUpperCase()}","-0- "`);
  return { primary, alt: alt.join('\r\n') + '\r\n', add: '36,25,"-0- ","Pyongyang","Korea, North","-0- "\r\n', comments: '' };
}

/** A UN consolidated list of about `bytes` bytes written on one line (with a final line break). */
export function oneLineUnXml(bytes: number): string {
  const head = '<?xml version="1.0" encoding="UTF-8"?><CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:00Z"><INDIVIDUALS></INDIVIDUALS><ENTITIES>';
  const parts: string[] = [head];
  let size = head.length;
  for (let i = 0; size < bytes; i++) {
    const rec = `<ENTITY><DATAID>${i}</DATAID><FIRST_NAME>ENTITY ${word(i).toUpperCase()} TRADING</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPe.${i}</REFERENCE_NUMBER><LISTED_ON>2016-03-02</LISTED_ON><ENTITY_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>ALIAS ${word(i + 1).toUpperCase()}</ALIAS_NAME></ENTITY_ALIAS><ENTITY_ADDRESS><COUNTRY>Democratic People's Republic of Korea</COUNTRY></ENTITY_ADDRESS></ENTITY>`;
    parts.push(rec);
    size += rec.length;
  }
  parts.push('</ENTITIES></CONSOLIDATED_LIST>\n');
  return parts.join('');
}
