import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { createSourceDocument, type SourceDocument } from '../core/index';
import { readRegularFileSync, UnreadableFileError } from './safeRead';

/** File name endings the tool treats as contracts. */
export const CONTRACT_EXTENSIONS = ['.md', '.markdown', '.txt'];

export class InputError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string,
  ) {
    super(`${path}: ${reason}`);
  }
}

export interface FoundFile {
  path: string;
  /** Named on the command line (always checked) rather than found in a folder (checked if it reads like a contract). */
  explicit: boolean;
}

/** A path in a folder that was passed over, and why (dangling link, link loop, unreadable folder). */
export interface PathWarning {
  path: string;
  reason: string;
}

/** Expands files and folders into candidate contract files (folders recursively, sorted, skipping node_modules and dot-folders). */
export function collectContractFiles(paths: readonly string[], cwd = process.cwd()): FoundFile[] {
  return findContractFiles(paths, cwd).files;
}

/**
 * The same, with the paths passed over in folders: symbolic links that lead nowhere or round in a
 * loop, and folders that cannot be listed. One odd entry never stops the walk. A path given on the
 * command line that does not exist throws InputError.
 */
export function findContractFiles(paths: readonly string[], cwd = process.cwd()): { files: FoundFile[]; warnings: PathWarning[] } {
  const files: FoundFile[] = [];
  const warnings: PathWarning[] = [];
  const seenDirs = new Set<string>();
  for (const given of paths) {
    const p = resolve(cwd, given);
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      throw new InputError(given, describeFsError(e));
    }
    if (st.isDirectory()) walk(p, files, warnings, seenDirs);
    else files.push({ path: p, explicit: true });
  }
  return { files, warnings };
}

function walk(dir: string, out: FoundFile[], warnings: PathWarning[], seenDirs: Set<string>): void {
  let real: string;
  let names: string[];
  try {
    real = realpathSync(dir);
    names = readdirSync(dir).sort();
  } catch (e) {
    warnings.push({ path: dir, reason: `skipped: ${describeFsError(e)}` });
    return;
  }
  if (seenDirs.has(real)) return; // reached again through a link: checked once
  seenDirs.add(real);
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = join(dir, name);
    let st;
    try {
      const link = lstatSync(p);
      st = link.isSymbolicLink() ? statSync(p) : link;
    } catch (e) {
      warnings.push({ path: p, reason: `skipped: ${describeFsError(e)}` });
      continue;
    }
    if (st.isDirectory()) walk(p, out, warnings, seenDirs);
    else if (CONTRACT_EXTENSIONS.includes(extname(name).toLowerCase())) out.push({ path: p, explicit: false });
  }
}

export interface LoadedContract {
  path: string;
  doc: SourceDocument;
  sha256: string;
}

/**
 * Reads a contract: UTF-8 (with or without a BOM) or UTF-16 with a BOM. Only regular files up to the
 * size limit are read (see safeRead.ts). Anything else raises an InputError that says why.
 */
export function readContract(path: string, displayRoot = process.cwd()): LoadedContract {
  let bytes: Buffer;
  try {
    bytes = readRegularFileSync(path);
  } catch (e) {
    throw new InputError(path, describeFsError(e));
  }
  const text = decodeContractText(bytes, path);
  const shown = relative(displayRoot, path) || path;
  return {
    path: shown.startsWith('..') ? path : shown,
    doc: createSourceDocument(shown, text),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

/** Bytes → text by the byte-order mark (UTF-16 LE/BE, UTF-8), else strict UTF-8. Throws InputError. */
export function decodeContractText(bytes: Uint8Array, path: string): string {
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  let text: string;
  if (utf16) {
    try {
      text = new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      throw new InputError(path, `starts like UTF-16 text (${utf16 === 'utf-16le' ? 'little' : 'big'}-endian) but is not valid UTF-16; save it as UTF-8 and try again`);
    }
  } else {
    if (bytes.subarray(0, 8000).includes(0)) throw new InputError(path, 'looks like a binary file (it contains NUL bytes), not a text contract');
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new InputError(path, 'is not valid UTF-8 text (perhaps Latin-1 or Windows-1252); save it as UTF-8 and try again');
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // BOM: not part of the contract
  return text;
}

function describeFsError(e: unknown): string {
  if (e instanceof UnreadableFileError) return e.message;
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder (or a link to nothing)';
  if (code === 'ELOOP') return 'a symbolic link that leads round in a loop';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return e instanceof Error ? e.message : String(e);
}
