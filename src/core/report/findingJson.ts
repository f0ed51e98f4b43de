import type { Finding } from '../types';

/** A finding as CLI JSON version 1 writes it (`clauseguard check`, and the report's JSON, which adds fields). */
export function findingJsonV1(f: Pick<Finding, 'rule' | 'severity' | 'message' | 'text' | 'range' | 'match'>) {
  return {
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    text: f.text,
    range: f.range,
    ...(f.match ? { match: f.match } : {}),
  };
}
