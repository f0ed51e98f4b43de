/**
 * Hard-wrapped plain text (every paragraph broken at about the same width, as many .txt contracts are):
 * inserted clauses are wrapped to the same width so they read like the rest of the document.
 */

/** The width a document is hard-wrapped at, or undefined when its paragraphs run on as single lines. */
export function hardWrapWidth(text: string): number | undefined {
  const lines = text.slice(0, 200_000).split(/\r\n|\r|\n/);
  // Lines that were broken by the author's editor: a non-blank line followed by a non-blank line.
  const broken: number[] = [];
  let single = 0;
  for (let i = 0; i < lines.length; i++) {
    const len = lines[i].trimEnd().length;
    if (!len) continue;
    const next = lines[i + 1]?.trim().length ?? 0;
    const prev = lines[i - 1]?.trim().length ?? 0;
    if (next) broken.push(len);
    else if (!prev && len > 100) single++; // a long paragraph on one line
  }
  if (broken.length < 6) return undefined;
  const sorted = [...broken].sort((a, b) => a - b);
  const width = sorted[Math.floor(sorted.length * 0.95)];
  if (width < 40 || width > 120) return undefined;
  const nearWidth = broken.filter((l) => l >= width - 20 && l <= width).length;
  if (nearWidth / broken.length < 0.6 || single > broken.length / 4) return undefined;
  return sorted[sorted.length - 1] <= width + 5 ? sorted[sorted.length - 1] : width;
}

/**
 * Wraps each line of `text` at `width` (words are never split; a continuation keeps the line's
 * indentation). With `snippet`, VS Code snippet tab stops (`${1:value}`, `$1`) count as one word of
 * their value's length.
 */
export function wrapLines(text: string, width: number, eol: string, snippet = false): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => wrapLine(line, width, eol, snippet))
    .join(eol);
}

/** Words split at spaces outside snippet tab stops (a tab stop's value may hold spaces). */
function splitWords(s: string, snippet: boolean): string[] {
  if (!snippet) return s.split(/\s+/).filter(Boolean);
  const words: string[] = [];
  let word = '';
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '\\' && i + 1 < s.length) {
      word += c + s[++i];
      continue;
    }
    if (c === '$' && s[i + 1] === '{') depth++;
    else if (c === '}' && depth) depth--;
    if (!depth && /\s/.test(c)) {
      if (word) words.push(word);
      word = '';
    } else word += c;
  }
  if (word) words.push(word);
  return words;
}

function wrapLine(line: string, width: number, eol: string, snippet: boolean): string {
  const indent = /^[ \t]*/.exec(line)![0];
  if (displayLength(line, snippet) <= width) return line;
  const words = splitWords(line.slice(indent.length), snippet);
  const out: string[] = [];
  let current = indent;
  let currentLen = indent.length;
  for (const w of words) {
    const len = displayLength(w, snippet);
    if (currentLen > indent.length && currentLen + 1 + len > width) {
      out.push(current);
      current = indent + w;
      currentLen = indent.length + len;
    } else {
      current += (currentLen > indent.length ? ' ' : '') + w;
      currentLen += (currentLen > indent.length ? 1 : 0) + len;
    }
  }
  out.push(current);
  return out.join(eol);
}

function displayLength(s: string, snippet: boolean): number {
  if (!snippet) return s.length;
  return s.replace(/\$\{\d+:((?:[^}\\]|\\.)*)\}/g, '$1').replace(/\$\d+/g, '').replace(/\\(.)/g, '$1').length;
}
