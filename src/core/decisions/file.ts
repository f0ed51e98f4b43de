import { sortDecisions } from './record';
import type { Decision, DecisionsFile } from './types';

/** Where decisions live, relative to the workspace folder. */
export const DECISIONS_PATH = '.clauseguard/decisions.json';

export interface ParsedDecisions {
  decisions: Decision[];
  /**
   * Plain-English problems. `fatal` problems (not JSON, wrong shape) mean no decision could be read;
   * otherwise only the entries named were skipped. Either way the file must be backed up before it
   * is written again.
   */
  problems: string[];
  fatal: boolean;
  /** Set when the file was written by a newer ClauseGuard (a format version above 1): never rewrite it. */
  newerVersion?: number;
  /** Top-level fields other than "version" and "decisions", kept when the file is rewritten. */
  otherFields?: Record<string, unknown>;
}

const FIELD_ORDER: (keyof Decision)[] = ['id', 'file', 'entityId', 'matchedText', 'listedName', 'context', 'clause', 'fingerprint', 'verdict', 'reason', 'reviewer', 'date', 'listVersion', 'entry'];
const STRING_FIELDS: (keyof Decision)[] = ['id', 'file', 'entityId', 'matchedText', 'listedName', 'context', 'fingerprint', 'reason', 'reviewer', 'date'];

/** Reads the decisions file text. Never throws: problems say what is wrong and where. */
export function parseDecisionsFile(text: string): ParsedDecisions {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!text.trim()) return { decisions: [], problems: [], fatal: false };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { decisions: [], problems: [`${DECISIONS_PATH} is not valid JSON (${jsonErrorWhere(text, e)}). No decision was applied. Fix the file (for example with your version control's history) or delete it to start again.`], fatal: true };
  }
  if (!isRecord(raw) || !Array.isArray(raw.decisions)) {
    return { decisions: [], problems: [`${DECISIONS_PATH} must be an object with a "decisions" list, like {"version": 1, "decisions": []}. No decision was applied.`], fatal: true };
  }
  if (raw.version !== 1) {
    const newer = typeof raw.version === 'number' && raw.version > 1 ? { newerVersion: raw.version } : {};
    return { decisions: [], problems: [`${DECISIONS_PATH} has format version ${JSON.stringify(raw.version)}, but this ClauseGuard reads version 1. No decision was applied; update ClauseGuard or fix the "version" field.`], fatal: true, ...newer };
  }
  const otherFields = Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'version' && k !== 'decisions'));
  const decisions: Decision[] = [];
  const problems: string[] = [];
  raw.decisions.forEach((d: unknown, i: number) => {
    const why = invalidReason(d);
    if (why) problems.push(`${DECISIONS_PATH}: decision ${i + 1} was skipped because ${why}.`);
    else decisions.push(d as Decision);
  });
  return { decisions, problems, fatal: false, ...(Object.keys(otherFields).length ? { otherFields } : {}) };
}

function invalidReason(d: unknown): string | undefined {
  if (!isRecord(d)) return 'it is not an object';
  for (const f of STRING_FIELDS) if (typeof d[f] !== 'string') return `its "${f}" is missing or not text`;
  if (d.verdict !== 'not-a-match' && d.verdict !== 'confirmed-match') return `its "verdict" is ${JSON.stringify(d.verdict)}, not "not-a-match" or "confirmed-match"`;
  if (!String(d.reason).trim()) return 'its "reason" is empty';
  if (Number.isNaN(Date.parse(String(d.date)))) return `its "date" ${JSON.stringify(d.date)} is not a date`;
  const lv = d.listVersion;
  if (!isRecord(lv) || typeof lv.id !== 'string' || typeof lv.date !== 'string' || typeof lv.sha256 !== 'string') return 'its "listVersion" needs "id", "date" and "sha256"';
  const e = d.entry;
  if (!isRecord(e) || typeof e.primaryName !== 'string' || typeof e.type !== 'string' || !Array.isArray(e.programs) || !e.programs.every((p) => typeof p === 'string')) {
    return 'its "entry" needs "primaryName", "type" and a "programs" list';
  }
  return undefined;
}

/**
 * The file text: pretty-printed, fields and decisions in a stable order, ending with a newline.
 * Fields this version does not know (written by a newer ClauseGuard or by another tool) are kept,
 * after the known ones, in the file, in each decision, and in its listVersion and entry.
 */
export function serializeDecisions(decisions: readonly Decision[], otherFields: Record<string, unknown> = {}): string {
  const rest = (o: object, known: readonly string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !known.includes(k)));
  const file: DecisionsFile = {
    version: 1,
    decisions: sortDecisions(decisions).map((d) => {
      const out: Record<string, unknown> = {};
      for (const k of FIELD_ORDER) {
        if (k === 'listVersion') out[k] = { id: d.listVersion.id, date: d.listVersion.date, sha256: d.listVersion.sha256, ...rest(d.listVersion, ['id', 'date', 'sha256']) };
        else if (k === 'entry') out[k] = { primaryName: d.entry.primaryName, type: d.entry.type, programs: [...d.entry.programs].sort(), ...rest(d.entry, ['primaryName', 'type', 'programs']) };
        else if (d[k] !== undefined) out[k] = d[k];
      }
      return { ...out, ...rest(d, FIELD_ORDER) } as unknown as Decision;
    }),
  };
  return JSON.stringify({ ...file, ...rest(otherFields, ['version', 'decisions']) }, null, 2) + '\n';
}

/** Name for the backup of a file that could not be read cleanly: decisions.json.bak-20260101T120000Z. */
export function backupName(now: Date): string {
  return `decisions.json.bak-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
}

function jsonErrorWhere(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const m = /position (\d+)/.exec(msg);
  if (!m) return msg;
  const pos = Number(m[1]);
  const before = text.slice(0, pos);
  const line = before.split(/\r\n|\r|\n/).length;
  const col = pos - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
  return `problem at line ${line}, column ${col}: ${msg.replace(/ in JSON at position \d+.*$/, '')}`;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
