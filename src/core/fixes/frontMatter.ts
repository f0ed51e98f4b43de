/**
 * A small front-matter reader for clause files: `key: value`, inline lists `[a, b]`, and one list of
 * maps (`variables:` then `  - name: x` / `    default: y`). Clause files are our own format, so a
 * full YAML parser (and a runtime dependency) is not needed. Errors are returned, never thrown.
 */
export type FrontValue = string | string[] | Record<string, string>[];

export interface FrontMatterResult {
  data: Record<string, FrontValue>;
  body: string;
  errors: string[];
}

export function parseFrontMatter(source: string): FrontMatterResult {
  const text = source.replace(/^\uFEFF/, '');
  const errors: string[] = [];
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { data: {}, body: text, errors: ['The file does not start with a front-matter block between two "---" lines.'] };
  const data: Record<string, FrontValue> = {};
  let list: Record<string, string>[] | undefined;
  let item: Record<string, string> | undefined;
  const lines = m[1].split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    const top = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (top) {
      const [, key, value] = top;
      list = undefined;
      if (value === '') {
        list = [];
        data[key] = list;
      } else data[key] = parseScalarOrList(value);
      return;
    }
    const start = /^\s+-\s+([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (start && list) {
      item = { [start[1]]: unquote(start[2]) };
      list.push(item);
      return;
    }
    const cont = /^\s+([A-Za-z][\w-]*):\s*(.*)$/.exec(line);
    if (cont && item && list) {
      item[cont[1]] = unquote(cont[2]);
      return;
    }
    errors.push(`Front-matter line ${i + 2} is not understood: "${line.trim()}".`);
  });
  return { data, body: text.slice(m[0].length), errors };
}

function parseScalarOrList(value: string): string | string[] {
  const v = value.trim();
  if (v.startsWith('[') && v.endsWith(']')) {
    return v
      .slice(1, -1)
      .split(',')
      .map((s) => unquote(s))
      .filter((s) => s.length > 0);
  }
  return unquote(v);
}

function unquote(s: string): string {
  const t = s.trim();
  if ((t.startsWith('"') && t.endsWith('"')) || (t.startsWith("'") && t.endsWith("'"))) return t.slice(1, -1);
  return t;
}
