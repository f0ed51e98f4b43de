import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { DATE_UNKNOWN, ListShrinkError, readSidecar, shrinkProblem, type ListLoadOptions, type ListSidecar } from './listGuard';
import { readRegularFileSync, UnreadableFileError } from './safeRead';
import { createScreener, decodeSnapshot, type ListData, type ListFile, type ListInfo, ListParseError, type OfacFileSet, readCustomWatchlist, readFtmJsonLines, readOfacCsvSet, readUnXml, type Screener, SNAPSHOT_FORMAT } from '../core/index';

/** A list file that could not be loaded: reported to the user; the other lists stay in use. */
export interface ListLoadError {
  file: string;
  line?: number;
  message: string;
  /** Set when the list was refused only for being much smaller than the one it would replace. */
  smaller?: { entries: number; reference: number };
}

export interface LoadedLists {
  screener: Screener;
  lists: ListInfo[];
  errors: ListLoadError[];
  /** Loading + indexing time, ms. */
  loadMs: number;
}

export interface LoadListsOptions extends ListLoadOptions {
  /** Extra list files or folders (settings / --lists). Same list id as a bundled list replaces it. */
  extraPaths?: readonly string[];
  /** Load the bundled snapshot (default true). */
  bundled?: boolean;
  /** Only these bundled list ids (default: all). */
  bundledIds?: readonly string[];
  /** Where lists/index.json lives; found automatically next to the package by default. */
  bundledDir?: string;
}

/** Max size of one list file we read (the full OFAC SDN CSV set is ~7 MB). */
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * Loads the bundled snapshot and any extra files, and builds one Screener over them. Never throws for
 * bad files: each problem is reported and the other lists stay in use. An extra list that replaces a
 * list of the same id must not have lost more than 5% of its entries (see listGuard.ts).
 */
export function loadLists(options: LoadListsOptions = {}): LoadedLists {
  const t0 = performance.now();
  const errors: ListLoadError[] = [];
  const byId = new Map<string, ListData>();
  const dirName = options.bundledDir ?? 'bundled lists';
  if (options.bundled !== false && options.bundledIds?.length !== 0) {
    try {
      for (const l of readBundledLists(options.bundledDir)) if (!options.bundledIds || options.bundledIds.includes(l.info.id)) byId.set(l.info.id, l);
    } catch (e) {
      errors.push(toLoadError(dirName, e));
    }
  }
  const bundledCounts = bundledEntryCounts(options.bundledDir);
  for (const p of options.extraPaths ?? []) {
    try {
      for (const l of readListPath(p)) {
        const accepted = options.acceptSmallerList || sidecarFor(p).some((s) => s.sha256 === l.info.sha256 && s.acceptedSmaller);
        const shrink = accepted ? undefined : shrinkProblem(l.info, byId.get(l.info.id)?.info, bundledCounts.get(l.info.id));
        if (shrink) throw shrink;
        byId.set(l.info.id, l);
      }
    } catch (e) {
      errors.push(toLoadError(p, e));
    }
  }
  const data = [...byId.values()];
  const screener = createScreener(data);
  return { screener, lists: data.map((d) => d.info), errors, loadMs: performance.now() - t0 };
}

/** Entries per bundled list id, from lists/index.json (the reference a replacement is compared with). */
export function bundledEntryCounts(dir?: string): Map<string, number> {
  try {
    const index = JSON.parse(readFileSync(join(dir ?? bundledListsDir(), 'index.json'), 'utf8')) as { lists: { id: string; entries: number }[] };
    return new Map(index.lists.map((l) => [l.id, l.entries]));
  } catch {
    return new Map();
  }
}

/** The folder holding the bundled lists/index.json (searched upwards from this file: out/src/node, dist/). */
export function bundledListsDir(): string {
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'lists');
    if (existsSync(join(candidate, 'index.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('the bundled lists (lists/index.json) were not found next to the installation.');
}

export function readBundledLists(dir = bundledListsDir()): ListData[] {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { lists: { file: string; sha256?: string; bytes?: number }[] };
  return index.lists.map((l) => {
    const path = join(dir, l.file);
    // Bytes, not text: the snapshot decodes its detail rows only when an entity's details are asked for.
    const st = statSync(path);
    const bytes = readFileSync(path);
    const hash = hashOfFileVersion(path, st, bytes);
    // The build script records each file's sha256: a file that no longer has it was changed after
    // installation (even by an edit of the same size) and is not used.
    if (l.sha256 && hash !== l.sha256) {
      throw new Error(`the bundled list file ${l.file} has been changed since ClauseGuard was installed (its SHA-256 is not the one recorded in index.json), so it was not used. Reinstall ClauseGuard to restore it.`);
    }
    // A verified file is trusted to be well formed, so its rows are parsed only when used.
    return decodeSnapshot(bytes, l.file, hash, { trusted: !!l.sha256 });
  });
}

/** SHA-256 per file version (size, modification and change times, inode): each version is hashed once per process. */
const hashCache = new Map<string, { version: string; sha256: string }>();

function hashOfFileVersion(path: string, st: Stats, bytes: Uint8Array): string {
  const version = `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}:${st.dev}`;
  const cached = hashCache.get(path);
  if (cached?.version === version && st.size === bytes.length) return cached.sha256;
  const sha = sha256(bytes);
  hashCache.set(path, { version, sha256: sha });
  return sha;
}

/**
 * Reads one list path. Formats are detected by name and content: a ClauseGuard snapshot (.json),
 * an OFAC legacy CSV set (sdn.csv or cons_prim.csv, with alt/add/comments files beside it, or a folder
 * holding them), the UN consolidated XML, OpenSanctions FollowTheMoney JSON lines, or a custom
 * watchlist (CSV with a name column, or JSON).
 */
export function readListPath(path: string): ListData[] {
  const st = statSync(path);
  if (st.isDirectory()) {
    const names = readdirSync(path);
    const primary = names.find((n) => /^(sdn|cons_prim)\.csv$/i.test(n));
    if (primary) return [readOfacSet(join(path, primary))];
    throw new Error('this folder holds no sdn.csv or cons_prim.csv; give the path of a list file instead.');
  }
  const name = basename(path);
  if (/^(sdn|cons_prim)\.csv$/i.test(name)) return [readOfacSet(path)];
  if (/^(alt|add|sdn_comments|cons_alt|cons_add|cons_comments)\.csv$/i.test(name)) {
    throw new Error(`${name} is a companion file: load the sdn.csv (or cons_prim.csv) beside it and its companions are read with it.`);
  }
  const text = readListText(path);
  const hash = sha256(text);
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  const format = detectFormat(head);
  const mismatch = nameFormatProblem(name, format);
  if (mismatch) throw new Error(mismatch);
  if (format === 'snapshot') return [decodeSnapshot(text, name, hash)];
  const older = /"format"\s*:\s*"(clauseguard-list\/\d+)"/.exec(head);
  if (older) throw new Error(`this snapshot has the format ${older[1]}, written by another version of ClauseGuard; this version reads ${SNAPSHOT_FORMAT}. Load the official list files instead, or rebuild the snapshot with scripts/build-lists.mjs.`);
  // A date comes from the file's content or from the user (Update Sanctions Lists), never from a file time.
  const userDate = () => sidecarFor(path).find((s) => s.sha256 === hash)?.date ?? DATE_UNKNOWN;
  if (format === 'un-xml') {
    const { entities, date } = readUnXml(text, name);
    return [{ info: { id: 'un', name: 'UN Security Council Consolidated List', date: date ?? userDate(), entries: entities.length, sha256: hash, source: path }, entities }];
  }
  if (format === 'ftm') {
    const id = `opensanctions:${slug(name)}`;
    const { entities, date } = readFtmJsonLines(text, name, id);
    return [{ info: { id, name: `OpenSanctions data (${name})`, date: date ?? userDate(), entries: entities.length, sha256: hash, source: `${path} — OpenSanctions, CC BY-NC 4.0` }, entities }];
  }
  if (format === 'other-xml') throw new Error('an XML file that is not the UN consolidated list (root <CONSOLIDATED_LIST>) is not supported.');
  const id = `custom:${slug(name)}`;
  const entities = readCustomWatchlist(text, name, id);
  return [{ info: { id, name: `Custom watchlist ${name}`, date: userDate(), entries: entities.length, sha256: hash, source: path }, entities }];
}

type ListFormat = 'snapshot' | 'un-xml' | 'other-xml' | 'ftm' | 'custom-json' | 'custom-csv';

function detectFormat(head: string): ListFormat {
  if (head.startsWith('{') && head.includes(`"${SNAPSHOT_FORMAT}"`)) return 'snapshot';
  if (head.startsWith('<')) return /<CONSOLIDATED_LIST\b/.test(head) ? 'un-xml' : 'other-xml';
  if (head.startsWith('{') && /"schema"\s*:/.test(head.split('\n')[0])) return 'ftm';
  if (head.startsWith('{') || head.startsWith('[')) return 'custom-json';
  return 'custom-csv';
}

const FORMAT_WORDS: Record<ListFormat, string> = {
  snapshot: 'a ClauseGuard list snapshot (JSON)',
  'un-xml': 'the UN consolidated list (XML)',
  'other-xml': 'XML',
  ftm: 'OpenSanctions FollowTheMoney JSON lines',
  'custom-json': 'a JSON watchlist',
  'custom-csv': 'a CSV watchlist',
};

/** File name endings each format may have: a watchlist.csv holding XML is a mistake (or a trick), not a list. */
const ENDINGS: Record<ListFormat, RegExp> = {
  snapshot: /\.json$/i,
  'un-xml': /\.xml$/i,
  'other-xml': /\.xml$/i,
  ftm: /\.(json|jsonl|ndjson)$/i,
  'custom-json': /\.json$/i,
  'custom-csv': /\.(csv|txt)$/i,
};

export function nameFormatProblem(name: string, format: ListFormat): string | undefined {
  if (ENDINGS[format].test(name)) return undefined;
  return `${name} holds ${FORMAT_WORDS[format]}, which does not agree with its name; it was not used. Rename the file to match its content (for example ${format === 'un-xml' || format === 'other-xml' ? 'consolidated.xml' : format === 'custom-csv' ? 'watchlist.csv' : 'list.json'}) if it is the list you meant.`;
}

/** A list file as text: a regular file within the size limit, valid UTF-8. */
function readListText(path: string): string {
  let bytes: Buffer;
  try {
    bytes = readRegularFileSync(path, MAX_BYTES);
  } catch (e) {
    if (e instanceof UnreadableFileError) throw new Error(`the file ${e.message}.`);
    throw e;
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new Error('the file is not valid UTF-8 text; official list files are UTF-8.');
  }
}

/** The user's statements about lists in this path's folder (see listGuard.ts). */
function sidecarFor(path: string): ListSidecar[] {
  try {
    return readSidecar(statSync(path).isDirectory() ? path : dirname(path));
  } catch {
    return [];
  }
}

/** Companion files of an OFAC CSV set, and what is lost without each. */
const OFAC_COMPANIONS = {
  sdn: [
    ['alt.csv', 'every alias (a.k.a., f.k.a.)'],
    ['add.csv', 'every address and country'],
    ['sdn_comments.csv', 'the remarks that did not fit in sdn.csv'],
  ],
  cons: [
    ['cons_alt.csv', 'every alias (a.k.a., f.k.a.)'],
    ['cons_add.csv', 'every address and country'],
    ['cons_comments.csv', 'the remarks that did not fit in cons_prim.csv'],
  ],
} as const;

function readOfacSet(primaryPath: string): ListData {
  const dir = dirname(primaryPath);
  const cons = /^cons_/i.test(basename(primaryPath));
  const names = readdirSync(dir);
  const sibling = (n: string): ListFile | undefined => {
    const found = names.find((f) => f.toLowerCase() === n);
    return found ? { name: found, text: readListText(join(dir, found)) } : undefined;
  };
  const companions = OFAC_COMPANIONS[cons ? 'cons' : 'sdn'];
  const missing = companions.filter(([n]) => !names.some((f) => f.toLowerCase() === n));
  if (missing.length) {
    throw new Error(
      `${basename(primaryPath)} came without ${missing.map(([n]) => n).join(', ')}: without ${missing.length > 1 ? 'them' : 'it'} the list would lack ${missing.map(([, what]) => what).join('; ')}, and names would be missed. ` +
        `Put the complete set of official files from the same day in one folder (${[basename(primaryPath), ...companions.map(([n]) => n)].join(', ')}).`,
    );
  }
  const [alt, add, comments] = companions.map(([n]) => sibling(n));
  const set: OfacFileSet = { primary: { name: basename(primaryPath), text: readListText(primaryPath) }, alt, add, comments };
  const id = cons ? 'ofac-cons' : 'ofac-sdn';
  const { entities } = readOfacCsvSet(set, { listId: id });
  const hash = createHash('sha256');
  for (const f of [set.primary, set.alt, set.add, set.comments]) if (f) hash.update(f.text);
  const sha = hash.digest('hex');
  // OFAC's legacy CSV files carry no date of their own.
  const told = sidecarFor(dir).find((s) => s.sha256 === sha);
  return {
    info: {
      id,
      name: cons ? 'OFAC Consolidated Sanctions List (non-SDN)' : 'OFAC Specially Designated Nationals (SDN) List',
      date: told?.date ?? DATE_UNKNOWN,
      entries: entities.length,
      sha256: sha,
      source: `${primaryPath} (+ ${[set.alt, set.add, set.comments].map((f) => f!.name).join(', ')}); ${told?.date ? `date ${told.dateSource ?? 'given by the user'}` : 'the files carry no date'}`,
    },
    entities,
  };
}

export function sha256(text: string | Uint8Array): string {
  return createHash('sha256').update(text).digest('hex');
}

function slug(name: string): string {
  return name.replace(/\.(csv|json|jsonl|ndjson|xml|txt)$/gi, '').replace(/\.ftm$/i, '').replace(/[^A-Za-z0-9_-]+/g, '-').toLowerCase() || 'list';
}

export function toLoadError(file: string, e: unknown): ListLoadError {
  if (e instanceof ListParseError) return { file: `${file}`, line: e.line, message: e.message };
  const msg = e instanceof Error ? e.message : String(e);
  const smaller = e instanceof ListShrinkError ? { smaller: { entries: e.candidate.entries, reference: e.reference.entries } } : {};
  return { file, message: `${file}: ${msg.replace(/^ENOENT: no such file or directory.*/, 'file not found.')}`, ...smaller };
}
