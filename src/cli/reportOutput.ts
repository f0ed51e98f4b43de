import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { CONTRACT_EXTENSIONS } from '../node/contractFiles';
import { writeFileAtomicSync } from '../node/atomicWrite';
import type { ListInfo } from '../core/index';

export interface ReportTarget {
  /** --output as given. */
  output: string;
  cwd: string;
  /** Contract files and folders, --lists paths and the decisions file: what the report reads. */
  inputs: readonly string[];
  force: boolean;
}

/**
 * Why `report --output` must not write to its target, or undefined when it may. A file the report
 * reads (a contract named or inside a folder under review, a list, the decisions file) is never
 * replaced, not even with --force; any other existing file only with --force. A ClauseGuard report
 * inside a folder under review is not a contract: --force replaces it.
 */
export function reportTargetProblem(t: ReportTarget): string | undefined {
  const target = resolve(t.cwd, t.output);
  if (!existsSync(target)) return undefined;
  const real = realpathSync(target);
  if (statSync(real).isDirectory()) return `${t.output} is a folder; give a file name for the report.`;
  for (const given of t.inputs) {
    const input = resolve(t.cwd, given);
    if (!existsSync(input)) continue;
    const inputReal = realpathSync(input);
    if (inputReal === real) return `${t.output} is one of the files the report reads; it is never overwritten. Choose another --output file.`;
    const inFolder = statSync(inputReal).isDirectory() && real.startsWith(inputReal.endsWith(sep) ? inputReal : inputReal + sep);
    if (inFolder && CONTRACT_EXTENSIONS.includes(extname(real).toLowerCase()) && !isClauseGuardReport(real)) {
      return `${t.output} is a contract in the folder under review; it is never overwritten. Choose another --output file.`;
    }
  }
  if (!t.force) return `${t.output} already exists. Give --force to replace it, or choose another --output file.`;
  return undefined;
}

/** Whether a file is a report ClauseGuard wrote (its first bytes say so). */
function isClauseGuardReport(path: string): boolean {
  try {
    const head = readFileSync(path, 'utf8').slice(0, 2048);
    return /ClauseGuard compliance report/.test(head);
  } catch {
    return false;
  }
}

/** Writes the report atomically: a failed write (full disk) leaves the old file as it was. */
export function writeReportFile(cwd: string, output: string, text: string): void {
  writeFileAtomicSync(resolve(cwd, output), text);
}

/** A list that could not be loaded, as a row of the report's list table: named, never silently absent. */
export function notLoadedList(problem: string): ListInfo {
  return { id: 'not-loaded', name: `NOT LOADED — names were not screened against this list: ${problem}`, date: '', entries: 0, sha256: '' };
}
