import type { ListInfo } from './types';

export interface StaleList {
  list: ListInfo;
  ageDays: number;
}

/** Lists whose date is more than `maxAgeDays` before `today` (YYYY-MM-DD or Date). 0 = never stale. */
export function staleLists(lists: readonly ListInfo[], maxAgeDays: number, today: Date): StaleList[] {
  if (!(maxAgeDays > 0)) return [];
  const out: StaleList[] = [];
  for (const list of lists) {
    const t = Date.parse(`${list.date}T00:00:00Z`);
    if (Number.isNaN(t)) continue;
    const ageDays = Math.floor((today.getTime() - t) / 86_400_000);
    if (ageDays > maxAgeDays) out.push({ list, ageDays });
  }
  return out;
}

/** Plain-English warning for stale lists, or undefined when all are current. */
export function staleWarning(stale: readonly StaleList[], maxAgeDays: number): string | undefined {
  if (!stale.length) return undefined;
  const items = stale.map((s) => `${s.list.name} is dated ${s.list.date} (${s.ageDays} days old)`);
  return `${items.join('; ')}. That is older than the ${maxAgeDays} days set in clauseguard.lists.maxAgeDays, so recent designations may be missing. Update the lists with “ClauseGuard: Update Sanctions Lists”.`;
}
