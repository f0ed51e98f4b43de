import { parseFrontMatter } from './frontMatter';

/** Where a variable's value comes from when the contract can supply it. */
export type VariableSource = 'performingParty' | 'otherParty';

export interface ClauseVariable {
  name: string;
  description?: string;
  /** Filled from the contract when known. */
  from?: VariableSource;
  /** Used when the contract cannot supply a value; the reviewer tabs to it in the snippet. */
  default: string;
}

export interface ClauseTemplate {
  id: string;
  title: string;
  /** Rule ids this clause fixes. */
  fixes: string[];
  variables: ClauseVariable[];
  /** Paragraphs of the clause body, with {{variable}} placeholders, "\n"-separated. */
  body: string;
  /** 'bundled' or the workspace file it came from. */
  origin: string;
}

export interface ClauseFile {
  /** A name for messages: "clauses/subcontracting-consent-strict.md". */
  name: string;
  text: string;
}

export interface ClauseLibrary {
  clauses: ClauseTemplate[];
  /** Problems with individual files: the file is skipped, the rest load. */
  problems: { file: string; message: string }[];
}

const MAX_CLAUSE_FILE = 200_000;

/** Parses one clause file. Returns a problem message instead of throwing on bad input. */
export function parseClauseFile(file: ClauseFile, origin = file.name): ClauseTemplate | { error: string } {
  if (file.text.length > MAX_CLAUSE_FILE) return { error: `${file.name} is larger than 200 KB; a clause file should hold one clause.` };
  const fm = parseFrontMatter(file.text);
  if (fm.errors.length) return { error: `${file.name}: ${fm.errors.join(' ')}` };
  const id = fm.data.id;
  const title = fm.data.title;
  if (typeof id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id)) return { error: `${file.name}: "id" must be lower-case words joined by hyphens.` };
  if (typeof title !== 'string' || !title.trim()) return { error: `${file.name}: "title" is missing.` };
  const fixesRaw = fm.data.fixes;
  const fixes = typeof fixesRaw === 'string' ? [fixesRaw] : Array.isArray(fixesRaw) && fixesRaw.every((f) => typeof f === 'string') ? (fixesRaw as string[]) : [];
  const variables: ClauseVariable[] = [];
  const rawVars = fm.data.variables;
  if (Array.isArray(rawVars)) {
    for (const v of rawVars) {
      if (typeof v !== 'object' || !v.name) return { error: `${file.name}: each variable needs a "name".` };
      const from = v.from === 'performingParty' || v.from === 'otherParty' ? v.from : undefined;
      variables.push({ name: v.name, description: v.description, from, default: v.default ?? v.name });
    }
  }
  const body = stripDraftingComments(fm.body).replace(/\r\n?/g, '\n').trim();
  if (!body) return { error: `${file.name}: the clause has no text after the front matter.` };
  const unknown = [...body.matchAll(/\{\{\s*([\w-]+)\s*\}\}/g)].map((m) => m[1]).filter((n) => !variables.some((v) => v.name === n));
  if (unknown.length) return { error: `${file.name}: placeholder {{${unknown[0]}}} is not declared under "variables".` };
  return { id, title: title.trim(), fixes, variables, body, origin };
}

/** HTML comments in a clause file are notes for the firm's editors, not clause text. */
function stripDraftingComments(body: string): string {
  return body.replace(/<!--[\s\S]*?-->/g, '');
}

/**
 * The bundled clauses overlaid with a firm's own files: a workspace clause with the same id replaces
 * the bundled one; new ids are added.
 */
export function loadClauseLibrary(bundled: readonly ClauseFile[], workspace: readonly ClauseFile[] = []): ClauseLibrary {
  const byId = new Map<string, ClauseTemplate>();
  const problems: ClauseLibrary['problems'] = [];
  for (const [files, origin] of [[bundled, 'bundled'], [workspace, '']] as const) {
    for (const f of files) {
      const parsed = parseClauseFile(f, origin || f.name);
      if ('error' in parsed) problems.push({ file: f.name, message: parsed.error });
      else byId.set(parsed.id, parsed);
    }
  }
  return { clauses: [...byId.values()], problems };
}

export function clausesFixing(library: ClauseLibrary, ruleId: string): ClauseTemplate[] {
  return library.clauses.filter((c) => c.fixes.includes(ruleId));
}
