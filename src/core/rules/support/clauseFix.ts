import { planInsertion, type InsertionPlan } from '../../fixes/plan';
import type { Clause, ContractModel } from '../../model/types';
import type { PerformerResult } from './performer';

/** A small edit of the existing clause (e.g. adding "prior written" before "consent"). */
export interface WordEdit {
  offset: number;
  insert: string;
  /** For the quick-fix title: 'Add "prior written" before "consent"'. */
  label: string;
}

/** Everything a quick fix needs, stored on the finding so the editor never re-analyses the document. */
export interface ClauseFixData {
  /** Clause-library ids that fix the finding, preferred first. */
  clauseIds: string[];
  insertion: InsertionPlan;
  /** Values for the clause's variables, as the contract writes them. */
  fill: { performingParty?: string; otherParty?: string };
  edits?: WordEdit[];
}

export function clauseFix(model: ContractModel, clauseIds: string[], anchor: Clause | undefined, perf: PerformerResult, edits?: WordEdit[]): ClauseFixData {
  return {
    clauseIds,
    insertion: planInsertion(model, anchor),
    fill: { performingParty: perf.performer?.reference, otherParty: perf.counterparty?.reference },
    ...(edits && edits.length ? { edits } : {}),
  };
}

/** Common data every clause finding carries (the accuracy report, the hover and the quick fixes read it). */
export function partyData(perf: PerformerResult): Record<string, unknown> {
  return {
    performingParty: perf.performer?.label,
    ...(perf.performer?.name ? { performingPartyName: perf.performer.name } : {}),
    otherParty: perf.counterparty?.label,
    performerReason: perf.reason,
    ...(perf.evidence ? { performerEvidence: perf.evidence } : {}),
  };
}
