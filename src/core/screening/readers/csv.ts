import { ListParseError } from '../errors';

/** One CSV record with the 1-based line it starts on (for error messages). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

/**
 * Reads CSV text into records: double-quoted fields with "" escapes (may span lines), CRLF or LF line
 * ends, a trailing Ctrl-Z (0x1A) end-of-file byte as OFAC writes it, blank lines skipped. An unclosed
 * quote at the end of the text is reported as a truncated file.
 */
export function readCsvRecords(text: string, file: string): CsvRecord[] {
  let end = text.length;
  while (end > 0 && (text.charCodeAt(end - 1) === 0x1a || text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  while (i < end) {
    const startLine = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          if (i >= end) throw new ListParseError(file, startLine, 'a quoted field is never closed; the file looks truncated.');
          const q = text.indexOf('"', i);
          if (q < 0 || q >= end) {
            throw new ListParseError(file, startLine, 'a quoted field is never closed; the file looks truncated.');
          }
          const chunk = text.slice(i, q);
          for (let k = chunk.indexOf('\n'); k >= 0; k = chunk.indexOf('\n', k + 1)) line++;
          value += chunk;
          if (text[q + 1] === '"') {
            value += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        // Tolerate stray spaces after the closing quote.
        while (text[i] === ' ') i++;
        if (i < end && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          throw new ListParseError(file, line, `unexpected character ${JSON.stringify(text[i])} after a quoted field.`);
        }
      } else {
        let j = i;
        while (j < end && text[j] !== ',' && text[j] !== '\r' && text[j] !== '\n') j++;
        value = text.slice(i, j);
        if (value.includes('"')) throw new ListParseError(file, line, 'a quote appears inside an unquoted field.');
        i = j;
      }
      fields.push(value);
      if (text[i] === ',') {
        i++;
        continue;
      }
      break;
    }
    records.push({ line: startLine, fields });
    // End of record: CRLF, LF or end of text. Blank lines are skipped.
    while (i < end && (text[i] === '\r' || text[i] === '\n')) {
      if (text[i] === '\n') line++;
      i++;
    }
  }
  return records;
}

/** OFAC's legacy files write a missing value as an unquoted `-0- `. */
export function ofacValue(field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  const t = field.trim();
  return t === '' || t === '-0-' ? undefined : t;
}
