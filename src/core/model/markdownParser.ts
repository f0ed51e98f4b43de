import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * The Markdown parser: unified + remark-parse, with GFM (tables, strikethrough, autolinks, footnotes)
 * and front matter. These packages are ESM-only; esbuild bundles them into the extension, the worker
 * and the CLI, and the unit tests (tsc → CommonJS) load them with Node's require() of ES modules
 * (Node ≥ 20.19). See docs/model.md.
 */
const atDocumentStart = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter).freeze();
// Front matter is only front matter at the top of the document: a later block that happens to start
// with "---" is a thematic break.
const afterDocumentStart = unified().use(remarkParse).use(remarkGfm).freeze();

export function parseMarkdown(text: string, atStart: boolean): Root {
  return (atStart ? atDocumentStart : afterDocumentStart).parse(text);
}
