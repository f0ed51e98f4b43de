import { escapeHtml, SafeHtml } from './escape';

/**
 * The small Markdown that rule metadata uses in prose (`code`, **strong**, *emphasis* / _emphasis_,
 * [text](link)) as HTML, for the report. Everything is escaped first; links keep only their text
 * (a report opened offline should not point elsewhere).
 */
export function proseHtml(markdown: string): SafeHtml {
  const parts: string[] = [];
  // Code spans first, so nothing inside them is read as emphasis.
  const segments = markdown.split(/(`[^`]+`)/);
  for (const seg of segments) {
    if (/^`[^`]+`$/.test(seg)) {
      parts.push(`<code>${escapeHtml(seg.slice(1, -1))}</code>`);
      continue;
    }
    parts.push(
      escapeHtml(seg)
        .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
        .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
        .replace(/(^|[^\w*])\*([^*\s][^*]*)\*(?![\w*])/g, '$1<em>$2</em>')
        .replace(/(^|[^\w])_([^_\s][^_]*)_(?!\w)/g, '$1<em>$2</em>'),
    );
  }
  return new SafeHtml(parts.join(''));
}
