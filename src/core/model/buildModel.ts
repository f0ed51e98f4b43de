import type { Span } from '../document/positions';
import type { SourceDocument } from '../document/sourceDocument';
import { clauseLookup } from './clauseLookup';
import { findClauses, trimRolesFromTitles } from './clauses';
import { findDefinedTerms } from './definedTerms';
import { plainTextLines, type LineInfo } from './lines';
import { clearMarkdownCache, readMarkdown } from './markdownReader';
import { findParties } from './parties';
import { identityPlainText } from './plainText';
import { findSentences } from './sentences';
import type { ContractModel, DefinedTerm, PlainText } from './types';

/**
 * Builds the contract model of a Markdown or plain-text document: plain text with a source map, the
 * clause tree, paragraphs and sentences, parties and defined terms — every span an exact source offset.
 * Pure and linear in the document size; never throws on odd input (an unexpected error yields an empty
 * model rather than breaking every rule). See docs/model.md.
 */
export function buildContractModel(doc: SourceDocument): ContractModel {
  const cached = cacheGet(doc);
  if (cached) return cached;
  let model: ContractModel;
  try {
    model = build(doc);
  } catch (e) {
    model = emptyModel(doc, e);
  }
  cachePut(doc, model);
  return model;
}

function build(doc: SourceDocument): ContractModel {
  const markdown = doc.format === 'markdown';
  const reading = markdown ? readMarkdown(doc.text, doc.lines.lineStarts) : undefined;
  const plain = reading?.plain ?? identityPlainText(doc.text);
  const lines = reading?.lines ?? plainTextLines(doc.text, doc.lines.lineStarts);
  return modelFromLines(doc, plain, lines, reading?.allText ?? plain, reading?.hidden ?? []);
}

/** The model from a document's plain text and classified lines (exported so tests can compare readers). */
export function modelFromLines(doc: SourceDocument, plain: PlainText, lines: LineInfo[], allText: PlainText, hiddenSpans: Span[] = []): ContractModel {
  const markdown = doc.format === 'markdown';
  const clauses = findClauses(doc.text, plain, lines, markdown);
  const { roots, all, heads, title } = clauses;
  const firstClause = heads.find((_, i) => all[i]?.number !== undefined)?.[0] ?? plain.text.length;
  const parties = findParties(plain, lines, firstClause);
  if (!markdown) trimRolesFromTitles(clauses, new Set(parties.flatMap((p) => (p.role ? [p.role] : []))), doc.text);
  const { clauseAt, clauseById } = clauseLookup(all);
  const { paragraphs, sentences } = findSentences(plain, lines, heads, markdown, (o) => clauseAt(o)?.id);
  // Defined terms serve the editor (hover, Go to Definition) and `outline`, not the rules: found on first use.
  let definedTerms: DefinedTerm[] | undefined;
  return {
    doc,
    title,
    clauses: roots,
    allClauses: all,
    paragraphs,
    sentences,
    parties,
    get definedTerms() {
      return (definedTerms ??= findDefinedTerms(plain, lines, sentences));
    },
    plain,
    allText,
    hiddenSpans,
    clauseAt,
    clauseById,
  };
}

function emptyModel(doc: SourceDocument, error: unknown): ContractModel {
  console.error(`[ClauseGuard] could not build the contract model of ${doc.uri}: ${error instanceof Error ? error.message : String(error)}`);
  const plain = identityPlainText(doc.text);
  return {
    doc,
    clauses: [],
    allClauses: [],
    paragraphs: [],
    sentences: [],
    parties: [],
    definedTerms: [],
    plain,
    allText: plain,
    hiddenSpans: [],
    clauseAt: () => undefined,
    clauseById: () => undefined,
    buildError: error instanceof Error ? error.message : String(error),
  };
}

// The editor asks for the model of the same text several times (diagnostics, outline, folding, hover):
// a few recent models are kept, keyed by text and format.
const CACHE_SIZE = 4;
const cache: ContractModel[] = [];

function cacheGet(doc: SourceDocument): ContractModel | undefined {
  const i = cache.findIndex((m) => m.doc.format === doc.format && m.doc.text === doc.text);
  if (i < 0) return undefined;
  const hit = cache[i];
  return hit.doc === doc ? hit : { ...hit, doc };
}

function cachePut(doc: SourceDocument, model: ContractModel): void {
  cache.unshift(model);
  if (cache.length > CACHE_SIZE) cache.length = CACHE_SIZE;
  void doc;
}

/** Benchmarks and tests measure cold builds. */
export function clearModelCache(): void {
  cache.length = 0;
  clearMarkdownCache();
}
