import type { ContractModel } from '../model/types';
import type { ScreeningMatch } from '../screening/screener';
import type { FindingMatch } from '../types';
import type { ScreeningCandidateInput } from './types';

/** The best match for one name, however it is searched (the screener here, the check worker in VS Code). */
export type BestMatch = (name: string) => Pick<ScreeningMatch, 'score' | 'name' | 'entity' | 'explanation'> | undefined;

/** Below this a "best match" says nothing useful to a reviewer. */
export const CANDIDATE_MIN_SCORE = 0.3;

/**
 * Every party named in the contract with its best list match, even far below the reporting threshold,
 * so the report shows that each party was screened and how close it came.
 */
export function partyCandidates(model: ContractModel, best: BestMatch): ScreeningCandidateInput[] {
  const seen = new Set<string>();
  const out: ScreeningCandidateInput[] = [];
  for (const party of model.parties) {
    const name = party.name.replace(/\s+/g, ' ').trim();
    const key = name.toLowerCase();
    if (!/\p{L}{2}/u.test(name) || seen.has(key)) continue; // "[ * * * ]" redactions are not names
    seen.add(key);
    const m = best(name);
    out.push({
      name,
      span: party.nameSpan,
      range: model.doc.lines.rangeOf(party.nameSpan),
      ...(m ? { match: toFindingMatch(m) } : {}),
    });
  }
  return out;
}

export function toFindingMatch(m: Pick<ScreeningMatch, 'score' | 'name' | 'entity' | 'explanation'>): FindingMatch {
  const e = m.entity;
  return { score: m.score, name: m.name, entity: { id: e.id, list: e.list, primaryName: e.primaryName, type: e.type, programs: [...e.programs] }, explanation: m.explanation };
}
