import { ListParseError } from '../errors';

/** A parsed XML element: just what list files need (no namespaces, no mixed-content order). */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated text content directly inside this element. */
  text: string;
  line: number;
}

/**
 * A small, strict XML reader for list files (UN consolidated list and similar). Supports elements,
 * attributes, text, CDATA, comments, processing instructions, DOCTYPE (skipped) and the five named
 * plus numeric character references. Mismatched or unclosed tags throw a ListParseError with the line.
 * Written here rather than adding a dependency: the list files use a tiny, regular subset of XML.
 */
export function parseXml(text: string, file: string): XmlElement {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  // The next line break at or after i, found once: searching afresh from every tag made a one-line
  // 10 MB file quadratic (each search ran to the end of the file).
  let nextBreak = text.indexOf('\n', i);
  const advanceTo = (j: number) => {
    while (nextBreak >= 0 && nextBreak < j) {
      line++;
      nextBreak = text.indexOf('\n', nextBreak + 1);
    }
    i = j;
  };
  const fail = (msg: string): never => {
    throw new ListParseError(file, line, msg);
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) {
      if (stack.length) fail(`the element <${stack[stack.length - 1].name}> is never closed; the file looks truncated.`);
      if (text.slice(i).trim()) fail('text after the end of the document.');
      break;
    }
    if (lt > i) {
      const chunk = text.slice(i, lt);
      if (stack.length) stack[stack.length - 1].text += decodeEntities(chunk, fail);
      else if (chunk.trim()) fail('text outside the root element.');
      advanceTo(lt);
    }
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) fail('a comment is never closed; the file looks truncated.');
      advanceTo(end + 3);
    } else if (text.startsWith('<![CDATA[', i)) {
      const end = text.indexOf(']]>', i + 9);
      if (end < 0) fail('a CDATA section is never closed; the file looks truncated.');
      if (stack.length) stack[stack.length - 1].text += text.slice(i + 9, end);
      advanceTo(end + 3);
    } else if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) fail('a processing instruction is never closed; the file looks truncated.');
      advanceTo(end + 2);
    } else if (text.startsWith('<!', i)) {
      const end = text.indexOf('>', i + 2);
      if (end < 0) fail('a declaration is never closed; the file looks truncated.');
      advanceTo(end + 1);
    } else if (text[i + 1] === '/') {
      const end = text.indexOf('>', i);
      if (end < 0) fail('a closing tag is cut off; the file looks truncated.');
      const name = text.slice(i + 2, end).trim();
      const open = stack.pop();
      if (!open) fail(`closing tag </${name}> without an opening tag.`);
      else if (open.name !== name) fail(`closing tag </${name}> does not match <${open.name}> opened on line ${open.line}.`);
      advanceTo(end + 1);
    } else {
      const end = findTagEnd(text, i);
      if (end < 0) fail('a tag is cut off; the file looks truncated.');
      const raw = text.slice(i + 1, end);
      const selfClosing = raw.endsWith('/');
      const body = selfClosing ? raw.slice(0, -1) : raw;
      const nameMatch = /^[^\s/>]+/.exec(body);
      if (!nameMatch) fail('a tag has no name.');
      const el: XmlElement = { name: nameMatch![0], attributes: {}, children: [], text: '', line };
      for (const m of body.slice(nameMatch![0].length).matchAll(/([^\s=]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
        el.attributes[m[1]] = decodeEntities(m[3] ?? m[4] ?? '', fail);
      }
      if (stack.length) stack[stack.length - 1].children.push(el);
      else if (root) fail('a second root element.');
      else root = el;
      if (!selfClosing) stack.push(el);
      advanceTo(end + 1);
    }
  }
  if (stack.length) fail(`the element <${stack[stack.length - 1].name}> (line ${stack[stack.length - 1].line}) is never closed; the file looks truncated.`);
  if (!root) fail('no XML element found.');
  return root!;
}

function findTagEnd(text: string, start: number): number {
  let quote = '';
  for (let j = start + 1; j < text.length; j++) {
    const c = text[j];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j;
    else if (c === '<') return -1;
  }
  return -1;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string, fail: (msg: string) => never): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : fail(`invalid character reference ${whole}.`);
    }
    return NAMED[ref] ?? fail(`unknown entity ${whole}.`);
  });
}

/** First child element with this name. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  return el.children.find((c) => c.name === name);
}

/** Trimmed text of the first child with this name, or undefined when empty. */
export function childText(el: XmlElement, name: string): string | undefined {
  const t = child(el, name)?.text.trim();
  return t ? t : undefined;
}
