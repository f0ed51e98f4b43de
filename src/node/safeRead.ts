import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Default largest contract or list file read: 50 MB (CLAUSEGUARD_MAX_FILE_MB overrides). */
export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;

export function maxFileBytes(env: NodeJS.ProcessEnv = process.env): number {
  const mb = Number(env.CLAUSEGUARD_MAX_FILE_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.round(mb * 1024 * 1024) : DEFAULT_MAX_FILE_BYTES;
}

/** Why a path was not read, in words (the caller adds the path). */
export class UnreadableFileError extends Error {}

/**
 * Reads a regular file whole, refusing anything else before a byte is read: a FIFO (which would wait
 * forever for a writer), a device such as /dev/urandom (endless), a folder, or a file over `maxBytes`.
 * The file is opened non-blocking and checked on the open descriptor, so a path swapped after a
 * check cannot slip through; at most maxBytes + 1 bytes are ever read.
 */
export function readRegularFileSync(path: string, maxBytes = maxFileBytes()): Buffer {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw new UnreadableFileError('is a folder, not a file');
    if (!st.isFile()) throw new UnreadableFileError(`is not a regular file (${kindOf(st)}); only ordinary files are read`);
    if (st.size > maxBytes) throw new UnreadableFileError(`is ${megabytes(st.size)}, larger than the ${megabytes(maxBytes)} limit (set CLAUSEGUARD_MAX_FILE_MB to change it)`);
    // The size can change between fstat and read: read what is there, never more than the limit.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(Math.max(st.size - total, 0) + 65536, maxBytes + 1 - total));
      if (!buf.length) break;
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > maxBytes) throw new UnreadableFileError(`grew past the ${megabytes(maxBytes)} limit while being read`);
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

function kindOf(st: ReturnType<typeof fstatSync>): string {
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a file';
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
