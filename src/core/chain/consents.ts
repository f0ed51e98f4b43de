import type { ConsentDecision } from './types';

/** Where reviewers record consents to subcontracts, relative to the workspace folder. */
export const CONSENTS_PATH = '.clauseguard/consents.json';

/**
 * Reads `.clauseguard/consents.json`: `{ "consents": [ { "contract", "subcontractor", "verdict":
 * "consent-given", "reason", "reviewer"?, "date"? } ] }`. Entries without a contract, subcontractor or
 * reason are skipped and reported: a consent nobody can trace is not a record.
 */
export function parseConsentsFile(text: string): { consents: ConsentDecision[]; problems: string[]; fatal?: boolean } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { consents: [], problems: [`not valid JSON: ${(e as Error).message}`], fatal: true };
  }
  const list = Array.isArray(data) ? data : (data as { consents?: unknown })?.consents;
  if (!Array.isArray(list)) return { consents: [], problems: ['expected an object with a "consents" array'], fatal: true };
  const consents: ConsentDecision[] = [];
  const problems: string[] = [];
  list.forEach((raw, i) => {
    const e = raw as Partial<Record<keyof ConsentDecision, unknown>>;
    const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
    const missing = (['contract', 'subcontractor', 'reason'] as const).filter((k) => !str(e?.[k]));
    if (missing.length) return problems.push(`consent ${i + 1} skipped: no ${missing.join(', ')}`);
    if (e.verdict !== 'consent-given') return problems.push(`consent ${i + 1} skipped: verdict must be "consent-given"`);
    consents.push({
      contract: str(e.contract),
      subcontractor: str(e.subcontractor),
      verdict: 'consent-given',
      reason: str(e.reason),
      ...(str(e.reviewer) ? { reviewer: str(e.reviewer) } : {}),
      ...(str(e.date) ? { date: str(e.date) } : {}),
    });
  });
  return { consents, problems };
}

/** The consents file with one more decision (a new file when `existing` is undefined); other entries are kept as written. */
export function withConsent(existing: string | undefined, decision: ConsentDecision): string {
  let data: { consents: unknown[] } & Record<string, unknown> = { consents: [] };
  if (existing?.trim()) {
    const parsed = JSON.parse(existing) as unknown;
    if (Array.isArray(parsed)) data = { consents: parsed };
    else if (parsed && typeof parsed === 'object' && Array.isArray((parsed as { consents?: unknown }).consents)) data = parsed as typeof data;
    else throw new Error('expected an object with a "consents" array');
  }
  data.consents.push(decision);
  return JSON.stringify(data, null, 2) + '\n';
}
