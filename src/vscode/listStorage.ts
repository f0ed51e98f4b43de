import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * Lists imported or downloaded with "Update Sanctions Lists" live in the extension's global storage,
 * one folder per list id: <globalStorage>/lists/<list id>/<official file names>. They are loaded on
 * every start and replace the bundled list of the same id.
 */
export function listsRoot(globalStorage: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(globalStorage, 'lists');
}

/** The path to hand the list loader for each imported list (a folder for OFAC CSV sets, else the file). */
export async function importedListPaths(globalStorage: vscode.Uri): Promise<string[]> {
  const root = listsRoot(globalStorage).fsPath;
  let dirs;
  try {
    dirs = await readdir(root, { withFileTypes: true });
  } catch {
    return []; // nothing imported yet
  }
  const out: string[] = [];
  for (const d of dirs.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!d.isDirectory() || d.name.startsWith('.')) continue;
    const dir = path.join(root, d.name);
    // Dot-files are ClauseGuard's notes about the files (listGuard.ts SIDECAR_NAME), not lists.
    const files = (await readdir(dir, { withFileTypes: true })).filter((f) => f.isFile() && !f.name.startsWith('.')).map((f) => f.name).sort();
    if (files.some((f) => /^(sdn|cons_prim)\.csv$/i.test(f))) out.push(dir);
    else if (files.length) out.push(path.join(dir, files[0]));
  }
  return out;
}
