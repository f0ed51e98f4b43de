import { lastAtOrBefore } from './search';
import type { Clause } from './types';

/** What a report needs of a clause: enough to label a finding ("12.3 Subcontracting (under 12 …)"). */
export type ClauseSummary = Pick<Clause, 'id' | 'number' | 'title' | 'headingText' | 'span' | 'parentId'>;

/** Finds the innermost clause at an offset, and clauses by id. */
export interface ClauseLookup<C extends ClauseSummary = ClauseSummary> {
  clauseAt(offset: number): C | undefined;
  clauseById(id: string): C | undefined;
}

/** A lookup over every clause of a document, in document order (parents before their children). */
export function clauseLookup<C extends ClauseSummary>(all: readonly C[]): ClauseLookup<C> {
  const starts = all.map((c) => c.span.start);
  const byId = new Map(all.map((c) => [c.id, c]));
  return {
    clauseAt(offset) {
      const best = lastAtOrBefore(starts, offset);
      for (let c = best >= 0 ? all[best] : undefined; c; c = c.parentId ? byId.get(c.parentId) : undefined) {
        if (c.span.start <= offset && offset < c.span.end) return c;
      }
      return undefined;
    },
    clauseById: (id) => byId.get(id),
  };
}

/** Clauses without their tree links, small enough to send to another thread. */
export function summarizeClauses(all: readonly Clause[]): ClauseSummary[] {
  return all.map(({ id, number, title, headingText, span, parentId }) => ({ id, number, title, headingText, span, parentId }));
}
