import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { createSourceDocument, type SourceDocument } from '../core/index';

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

/** Expands files and folders into candidate contract files (folders recursively, sorted, skipping node_modules and dot-folders). */
export function collectContractFiles(paths: readonly string[], cwd = process.cwd()): FoundFile[] {
  const out: FoundFile[] = [];
  for (const given of paths) {
    const p = resolve(cwd, given);
    let st;
    try {
      st = statSync(p);
    } catch (e) {
      throw new InputError(given, describeFsError(e));
    }
    if (st.isDirectory()) walk(p, out);
    else out.push({ path: p, explicit: true });
  }
  return out;
}

function walk(dir: string, out: FoundFile[]): void {
  const names = readdirSync(dir).sort();
  for (const name of names) {
    if (name.startsWith('.') || name === 'node_modules') continue;
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else if (CONTRACT_EXTENSIONS.includes(extname(name).toLowerCase())) out.push({ path: p, explicit: false });
  }
}

export interface LoadedContract {
  path: string;
  doc: SourceDocument;
  sha256: string;
}

/** Reads a contract as UTF-8 text. Binary or non-UTF-8 files raise an InputError that says why. */
export function readContract(path: string, displayRoot = process.cwd()): LoadedContract {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new InputError(path, describeFsError(e));
  }
  const head = bytes.subarray(0, 8000);
  if (head.includes(0)) throw new InputError(path, 'looks like a binary file (it contains NUL bytes), not a text contract');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(path, 'is not valid UTF-8 text; save it as UTF-8 and try again');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // BOM: not part of the contract
  const shown = relative(displayRoot, path) || path;
  return {
    path: shown.startsWith('..') ? path : shown,
    doc: createSourceDocument(shown, text),
    sha256: createHash('sha256').update(bytes).digest('hex'),
  };
}

function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return e instanceof Error ? e.message : String(e);
}
