import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createScreener, decodeSnapshot, type ListData, type ListFile, type ListInfo, ListParseError, type OfacFileSet, readCustomWatchlist, readFtmJsonLines, readOfacCsvSet, readUnXml, type Screener, SNAPSHOT_FORMAT } from '../core/index';

/** A list file that could not be loaded: reported to the user; the other lists stay in use. */
export interface ListLoadError {
  file: string;
  line?: number;
  message: string;
}

export interface LoadedLists {
  screener: Screener;
  lists: ListInfo[];
  errors: ListLoadError[];
  /** Loading + indexing time, ms. */
  loadMs: number;
}

export interface LoadListsOptions {
  /** Extra list files or folders (settings / --lists). Same list id as a bundled list replaces it. */
  extraPaths?: readonly string[];
  /** Load the bundled snapshot (default true). */
  bundled?: boolean;
  /** Only these bundled lists (default: all of them). */
  bundledIds?: readonly string[];
  /** Where lists/index.json lives; found automatically next to the package by default. */
  bundledDir?: string;
}

/** Max size of one list file we read (the full OFAC SDN CSV set is ~7 MB). */
const MAX_BYTES = 64 * 1024 * 1024;

/** Loads the bundled snapshot and any extra files, and builds one Screener over them. Never throws for bad files. */
export function loadLists(options: LoadListsOptions = {}): LoadedLists {
  const t0 = performance.now();
  const errors: ListLoadError[] = [];
  const byId = new Map<string, ListData>();
  if (options.bundled !== false) {
    try {
      for (const l of readBundledLists(options.bundledDir)) if (!options.bundledIds || options.bundledIds.includes(l.info.id)) byId.set(l.info.id, l);
    } catch (e) {
      errors.push(toLoadError(options.bundledDir ?? 'bundled lists', e));
    }
  }
  for (const p of options.extraPaths ?? []) {
    try {
      for (const l of readListPath(p)) byId.set(l.info.id, l);
    } catch (e) {
      errors.push(toLoadError(p, e));
    }
  }
  const data = [...byId.values()];
  const screener = createScreener(data);
  return { screener, lists: data.map((d) => d.info), errors, loadMs: performance.now() - t0 };
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
    const bytes = readFileSync(path);
    // The build script records each file's sha256 (a unit test checks it); hashing 8 MB again on every
    // start would only cost time. A file whose size differs from the record is hashed afresh.
    // Such a file is also trusted to be well formed, so its rows are parsed only when used.
    const known = !!l.sha256 && l.bytes === bytes.length;
    return decodeSnapshot(bytes, l.file, known ? l.sha256! : sha256(bytes), { trusted: known });
  });
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
  if (st.size > MAX_BYTES) throw new Error(`the file is ${(st.size / 1e6).toFixed(0)} MB, larger than the ${MAX_BYTES / 1e6} MB limit for a list file.`);
  const name = basename(path);
  if (/^(sdn|cons_prim)\.csv$/i.test(name)) return [readOfacSet(path)];
  if (/^(alt|add|sdn_comments|cons_alt|cons_add|cons_comments)\.csv$/i.test(name)) {
    throw new Error(`${name} is a companion file: load the sdn.csv (or cons_prim.csv) beside it and its companions are read with it.`);
  }
  const text = readFileSync(path, 'utf8');
  const hash = sha256(text);
  const fileDate = st.mtime.toISOString().slice(0, 10);
  const head = text.slice(0, 4096).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') && head.includes(`"${SNAPSHOT_FORMAT}"`)) return [decodeSnapshot(text, name, hash)];
  const older = /"format"\s*:\s*"(clauseguard-list\/\d+)"/.exec(head);
  if (older) throw new Error(`this snapshot has the format ${older[1]}, written by another version of ClauseGuard; this version reads ${SNAPSHOT_FORMAT}. Load the official list files instead, or rebuild the snapshot with scripts/build-lists.mjs.`);
  if (head.startsWith('<') && /<CONSOLIDATED_LIST\b/.test(head)) {
    const { entities, date } = readUnXml(text, name);
    return [{ info: { id: 'un', name: 'UN Security Council Consolidated List', date: date ?? fileDate, entries: entities.length, sha256: hash, source: path }, entities }];
  }
  if (head.startsWith('{') && /"schema"\s*:/.test(head.split('\n')[0])) {
    const id = `opensanctions:${slug(name)}`;
    const { entities, date } = readFtmJsonLines(text, name, id);
    return [{ info: { id, name: `OpenSanctions data (${name})`, date: date ?? fileDate, entries: entities.length, sha256: hash, source: `${path} — OpenSanctions, CC BY-NC 4.0` }, entities }];
  }
  if (head.startsWith('<')) throw new Error('an XML file that is not the UN consolidated list (root <CONSOLIDATED_LIST>) is not supported.');
  const id = `custom:${slug(name)}`;
  const entities = readCustomWatchlist(text, name, id);
  return [{ info: { id, name: `Custom watchlist ${name}`, date: fileDate, entries: entities.length, sha256: hash, source: path }, entities }];
}

function readOfacSet(primaryPath: string): ListData {
  const dir = dirname(primaryPath);
  const cons = /^cons_/i.test(basename(primaryPath));
  const sibling = (n: string): ListFile | undefined => {
    const found = readdirSync(dir).find((f) => f.toLowerCase() === n);
    return found ? { name: found, text: readFileSync(join(dir, found), 'utf8') } : undefined;
  };
  const set: OfacFileSet = {
    primary: { name: basename(primaryPath), text: readFileSync(primaryPath, 'utf8') },
    alt: sibling(cons ? 'cons_alt.csv' : 'alt.csv'),
    add: sibling(cons ? 'cons_add.csv' : 'add.csv'),
    comments: sibling(cons ? 'cons_comments.csv' : 'sdn_comments.csv'),
  };
  const id = cons ? 'ofac-cons' : 'ofac-sdn';
  const { entities } = readOfacCsvSet(set, { listId: id });
  const hash = createHash('sha256');
  for (const f of [set.primary, set.alt, set.add, set.comments]) if (f) hash.update(f.text);
  return {
    info: {
      id,
      name: cons ? 'OFAC Consolidated Sanctions List (non-SDN)' : 'OFAC Specially Designated Nationals (SDN) List',
      date: statSync(primaryPath).mtime.toISOString().slice(0, 10),
      entries: entities.length,
      sha256: hash.digest('hex'),
      source: `${primaryPath} (+ ${[set.alt, set.add, set.comments].filter(Boolean).map((f) => f!.name).join(', ') || 'no companion files'}); date = file date`,
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

function toLoadError(file: string, e: unknown): ListLoadError {
  if (e instanceof ListParseError) return { file: `${file}`, line: e.line, message: e.message };
  const msg = e instanceof Error ? e.message : String(e);
  return { file, message: `${file}: ${msg.replace(/^ENOENT: no such file or directory.*/, 'file not found.')}` };
}
