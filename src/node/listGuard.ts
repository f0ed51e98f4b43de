import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ListInfo } from '../core/index';

/**
 * Checks a list file must pass before it replaces the list of the same id: a list that has lost more
 * than SHRINK_LIMIT of the entries of the one in use (or of the bundled one) is usually a download cut
 * short or a wrong file, and using it would silently stop finding the entities that were dropped.
 */
export const SHRINK_LIMIT = 0.05;

export interface ListLoadOptions {
  /** The user confirmed a list with fewer entries (--accept-smaller-list, or the button in Update Sanctions Lists). */
  acceptSmallerList?: boolean;
}

/** A list refused because it is much smaller than the one it would replace. */
export class ListShrinkError extends Error {
  constructor(
    readonly candidate: ListInfo,
    readonly reference: { entries: number; what: string },
  ) {
    const lost = reference.entries - candidate.entries;
    super(
      `this ${candidate.name} has ${candidate.entries.toLocaleString('en-US')} entries, ${lost.toLocaleString('en-US')} (${Math.round((lost / reference.entries) * 100)}%) fewer than the ` +
        `${reference.entries.toLocaleString('en-US')} of ${reference.what}. The file may be cut short or be an older or partial list, so it was not used. ` +
        'If it is right, confirm it (clauseguard --accept-smaller-list, or "Use the smaller list" in Update Sanctions Lists).',
    );
  }
}

/** The reference a new list is compared with: the larger of the list in use and the bundled one. */
export function shrinkProblem(candidate: ListInfo, inUse: ListInfo | undefined, bundledEntries: number | undefined): ListShrinkError | undefined {
  const refs = [
    ...(inUse ? [{ entries: inUse.entries, what: `the list in use (${inUse.date})` }] : []),
    ...(bundledEntries ? [{ entries: bundledEntries, what: 'the list bundled with ClauseGuard' }] : []),
  ];
  const ref = refs.sort((a, b) => b.entries - a.entries)[0];
  if (!ref || candidate.entries >= ref.entries * (1 - SHRINK_LIMIT)) return undefined;
  return new ListShrinkError(candidate, ref);
}

/**
 * What the user said about a list beside its files: `.clauseguard-list.json` in the list's folder,
 * written by Update Sanctions Lists. Each statement names the SHA-256 of the list it is about, so it
 * stops applying the moment the files change.
 */
export const SIDECAR_NAME = '.clauseguard-list.json';

export interface ListSidecar {
  /** The list (ListInfo.sha256) these statements are about. */
  sha256: string;
  /** YYYY-MM-DD, given by the user or by the server's Last-Modified header on download. */
  date?: string;
  dateSource?: string;
  /** The user confirmed this list although it is smaller than the one it replaced. */
  acceptedSmaller?: boolean;
}

export function readSidecar(folder: string): ListSidecar[] {
  try {
    const raw = JSON.parse(readFileSync(join(folder, SIDECAR_NAME), 'utf8')) as { lists?: unknown };
    return Array.isArray(raw.lists) ? raw.lists.filter((l): l is ListSidecar => typeof l?.sha256 === 'string') : [];
  } catch {
    return [];
  }
}

export function sidecarText(lists: ListSidecar[]): string {
  return JSON.stringify({ note: 'Written by ClauseGuard "Update Sanctions Lists": what you confirmed about these files.', lists }, null, 2) + '\n';
}

/** Shown instead of a date when neither the file nor the user gives one (never the file's modification time). */
export const DATE_UNKNOWN = 'date unknown';
