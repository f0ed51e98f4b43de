import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * Every file ClauseGuard writes for the user (reports, decisions, imported lists, settings files) goes
 * through here: the bytes go to a temporary file beside the target, are flushed to disk, and the
 * temporary file is renamed over the target. A full disk or a crash leaves the old file whole, never a
 * half-written one. The temporary file is removed when anything fails.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  const tmp = tempNameFor(target);
  try {
    const fh = await open(tmp, 'wx', 0o644);
    try {
      await fh.writeFile(data);
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, target);
  } catch (e) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
}

/** The same, for the command-line tool's synchronous code paths. */
export function writeFileAtomicSync(target: string, data: string | Uint8Array): void {
  const tmp = tempNameFor(target);
  try {
    const fd = openSync(tmp, 'wx', 0o644);
    try {
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      for (let off = 0; off < bytes.length; ) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/** A hidden, unique name in the target's folder (same file system, so the rename is atomic). */
export function tempNameFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}
