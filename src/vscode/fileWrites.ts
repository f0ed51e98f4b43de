import * as vscode from 'vscode';
import { writeFileAtomic } from '../node/atomicWrite';

/**
 * Writers of one file, one after another: each re-reads what the one before wrote, so two decisions or
 * dismissals recorded at once both survive. One queue per file, shared by the stores that write files in
 * `.clauseguard/`.
 */
export class WriteQueue {
  private readonly writing = new Map<string, Promise<unknown>>();

  run<T>(file: vscode.Uri, write: () => Promise<T>): Promise<T> {
    const key = file.toString();
    const previous = this.writing.get(key) ?? Promise.resolve();
    const next = previous.then(write, write);
    this.writing.set(key, next);
    void next.finally(() => this.writing.get(key) === next && this.writing.delete(key)).catch(() => undefined);
    return next;
  }
}

/** Writes a workspace file atomically where it is on disk (temp file + rename), else through VS Code. */
export async function writeWorkspaceFileAtomic(file: vscode.Uri, bytes: Uint8Array): Promise<void> {
  await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(file, '..'));
  if (file.scheme === 'file') await writeFileAtomic(file.fsPath, bytes);
  else await vscode.workspace.fs.writeFile(file, bytes);
}
