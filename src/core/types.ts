import type { Range, Span } from './document/positions';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export const SEVERITY_ORDER: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** The best sanctions-list match behind a `sanctioned-party` finding (CLI JSON v1 `match`). */
export interface FindingMatch {
  score: number;
  /** The listed name or alias that matched. */
  name: string;
  entity: { id: string; list: string; primaryName: string; type: string; programs: string[] };
  explanation?: string;
}

/** A finding as the engine reports it (the CLI's JSON v1 "findings" items). */
export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  /** The covered source text. */
  text: string;
  range: Range;
  span: Span;
  match?: FindingMatch;
  /** Rule-specific data the quick fixes and the report need (never re-analyse in the editor). */
  data?: Record<string, unknown>;
}
