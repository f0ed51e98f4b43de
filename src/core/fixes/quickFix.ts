import type { Finding } from '../types';
import { renderClause } from './fill';
import type { ClauseLibrary } from './library';
import type { InsertionPlan } from './plan';

/** One quick fix, editor-agnostic: the VS Code adapter turns it into a (snippet) edit. */
export interface ClauseFixAction {
  title: string;
  kind: 'insert-clause' | 'edit-words';
  /** Source offset of the insertion (never replaces text: fixes only add). */
  offset: number;
  text: string;
  /** VS Code snippet form of `text` (tab stops for placeholders); absent for word edits. */
  snippet?: string;
  clauseId?: string;
  /** Word edits applied together with the clause (e.g. "prior written" before "consent"). */
  alsoInsert?: { offset: number; text: string }[];
  /** The first action of a finding is the preferred fix. */
  preferred: boolean;
}

interface FixData {
  clauseIds?: string[];
  insertion?: InsertionPlan;
  fill?: { performingParty?: string; otherParty?: string };
  edits?: { offset: number; insert: string; label: string }[];
}

/** The quick fixes for a finding, from the data the rule stored on it (no re-analysis). */
export function clauseFixActions(finding: Pick<Finding, 'rule' | 'data'>, library: ClauseLibrary): ClauseFixAction[] {
  const fix = (finding.data?.fix ?? undefined) as FixData | undefined;
  if (!fix || !fix.insertion) return [];
  const actions: ClauseFixAction[] = [];
  for (const e of fix.edits ?? []) {
    actions.push({ title: e.label, kind: 'edit-words', offset: e.offset, text: e.insert, preferred: false });
  }
  for (const id of fix.clauseIds ?? []) {
    const template = library.clauses.find((c) => c.id === id);
    if (!template) continue;
    const rendered = renderClause(template, fix.insertion, fix.fill ?? {});
    const where = fix.insertion.afterClauseLabel ? ` after ${fix.insertion.afterClauseLabel}` : '';
    actions.push({
      title: `Insert “${rendered.label}” clause${where} (ClauseGuard template — review with counsel)`,
      kind: 'insert-clause',
      offset: fix.insertion.offset,
      text: rendered.text,
      snippet: rendered.snippet,
      clauseId: id,
      preferred: false,
    });
  }
  // For a weak clause: the missing words and the missing clause together fix the finding in one step.
  const edits = fix.edits ?? [];
  const firstClause = actions.find((a) => a.kind === 'insert-clause');
  if (edits.length && firstClause) {
    actions.unshift({
      ...firstClause,
      title: `${edits.map((e) => e.label).join('; ')} and ${firstClause.title.charAt(0).toLowerCase()}${firstClause.title.slice(1)}`,
      alsoInsert: edits.map((e) => ({ offset: e.offset, text: e.insert })),
    });
  }
  if (actions.length) actions[0].preferred = true;
  return actions;
}

/** Applies one action to the text (for tests and the CLI): insertion only, nothing else changes. */
export function applyFixAction(text: string, action: ClauseFixAction): string {
  const inserts = [{ offset: action.offset, text: action.text }, ...(action.alsoInsert ?? [])].sort((a, b) => b.offset - a.offset);
  let out = text;
  for (const i of inserts) out = out.slice(0, i.offset) + i.text + out.slice(i.offset);
  return out;
}

/**
 * "Disable RULE for this file": `<!-- clauseguard-disable-file RULE -->` in Markdown (after any front
 * matter) or `[clauseguard-disable-file RULE]` in plain text, the syntax of src/core/review/inlineDirectives.ts.
 */
export function disableFileComment(text: string, markdown: boolean, rule: string): { offset: number; text: string } {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const comment = markdown ? `<!-- clauseguard-disable-file ${rule} -->` : `[clauseguard-disable-file ${rule}]`;
  const fm = markdown ? /^---[ \t]*\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(text) : null;
  const offset = fm ? fm[0].length : 0;
  return { offset, text: comment + eol + (fm ? '' : eol) };
}
