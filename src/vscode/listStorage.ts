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
  const root = listsRoot(globalStorage);
  let dirs: [string, vscode.FileType][];
  try {
    dirs = await vscode.workspace.fs.readDirectory(root);
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const [name, type] of dirs.sort(([a], [b]) => a.localeCompare(b))) {
    if (type !== vscode.FileType.Directory || name.startsWith('.')) continue;
    const dir = vscode.Uri.joinPath(root, name);
    const files = (await vscode.workspace.fs.readDirectory(dir)).filter(([, t]) => t === vscode.FileType.File).map(([n]) => n);
    if (files.some((f) => /^(sdn|cons_prim)\.csv$/i.test(f))) out.push(dir.fsPath);
    else if (files.length) out.push(vscode.Uri.joinPath(dir, files.sort()[0]).fsPath);
  }
  return out;
}
