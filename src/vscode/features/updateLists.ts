import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { listsRoot } from '../listStorage';
import type { ExtensionServices } from '../extensionServices';
import { readListSettings } from '../settings';
import type { ListInfo } from '../../core/index';

export const UPDATE_LISTS = 'clauseguard.updateLists';

/** The official files of each list, and where they are published. */
export const OFFICIAL_FILES: Record<string, { title: string; files: { name: string; url: string }[] }> = {
  'ofac-sdn': {
    title: 'OFAC Specially Designated Nationals (SDN) List',
    files: ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((name) => ({ name, url: `https://www.treasury.gov/ofac/downloads/${name}` })),
  },
  'ofac-cons': {
    title: 'OFAC Consolidated Sanctions List (non-SDN)',
    files: ['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv', 'cons_comments.csv'].map((name) => ({ name, url: `https://www.treasury.gov/ofac/downloads/consolidated/${name}` })),
  },
  un: {
    title: 'UN Security Council Consolidated List',
    files: [{ name: 'consolidated.xml', url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml' }],
  },
};

const OFAC_COMPANIONS: Record<string, string[]> = {
  'sdn.csv': ['alt.csv', 'add.csv', 'sdn_comments.csv'],
  'cons_prim.csv': ['cons_alt.csv', 'cons_add.csv', 'cons_comments.csv'],
};

/** Arguments tests (and scripts) can pass to skip the dialogs. */
export type UpdateListsArgs = { mode: 'import'; files: string[] } | { mode: 'download'; lists: string[] };

export interface UpdateOutcome {
  ok: boolean;
  lists: ListInfo[];
  message: string;
}

/**
 * "ClauseGuard: Update Sanctions Lists": import official list files from disk, or (only when the user
 * chooses it and clauseguard.lists.allowDownload is on) download them. New files are read completely
 * and checked before they replace anything; on any problem the lists in use stay as they are.
 */
export function registerUpdateLists(context: vscode.ExtensionContext, services: ExtensionServices): void {
  context.subscriptions.push(vscode.commands.registerCommand(UPDATE_LISTS, (args?: UpdateListsArgs) => updateLists(services, args)));
}

export async function updateLists(services: ExtensionServices, args?: UpdateListsArgs): Promise<UpdateOutcome | undefined> {
  const settings = readListSettings(services.isTrusted());
  let request = args;
  if (!request) {
    const current = services.lists.map((l) => `${l.id} ${l.date}`).join(', ') || 'none';
    const items: (vscode.QuickPickItem & { mode: string })[] = [
      { mode: 'import', label: '$(folder-opened) Import official list files from disk…', detail: 'OFAC sdn.csv / cons_prim.csv (with alt, add and comments files), the UN consolidated XML, OpenSanctions FtM JSON, or your own watchlist.' },
      settings.allowDownload
        ? { mode: 'download', label: '$(cloud-download) Download the official lists now', detail: `From ${settings.downloadBaseUrl || 'treasury.gov (OFAC) and scsanctions.un.org (UN)'}.` }
        : { mode: 'settings', label: '$(gear) Downloading is turned off', detail: 'Turn on clauseguard.lists.allowDownload to let ClauseGuard download the official files when you ask.' },
    ];
    const pick = await vscode.window.showQuickPick(items, { title: 'ClauseGuard: Update Sanctions Lists', placeHolder: `Lists in use: ${current}` });
    if (!pick) return undefined;
    if (pick.mode === 'settings') {
      await vscode.commands.executeCommand('workbench.action.openSettings', 'clauseguard.lists.allowDownload');
      return undefined;
    }
    if (pick.mode === 'import') {
      const uris = await vscode.window.showOpenDialog({ canSelectMany: true, openLabel: 'Import', title: 'Choose sanctions list files', filters: { 'Sanctions lists': ['csv', 'xml', 'json', 'jsonl', 'ndjson'] } });
      if (!uris?.length) return undefined;
      request = { mode: 'import', files: uris.map((u) => u.fsPath) };
    } else {
      const chosen = await vscode.window.showQuickPick(
        Object.entries(OFFICIAL_FILES).map(([id, l]) => ({ label: l.title, description: id, id, picked: true })),
        { canPickMany: true, title: 'Which lists should ClauseGuard download?' },
      );
      if (!chosen?.length) return undefined;
      request = { mode: 'download', lists: chosen.map((c) => c.id) };
    }
  }
  if (request.mode === 'download' && !settings.allowDownload) {
    const message = 'Downloading is turned off. Turn on clauseguard.lists.allowDownload, or import files you downloaded yourself.';
    void vscode.window.showWarningMessage(`ClauseGuard: ${message}`);
    return { ok: false, lists: [], message };
  }
  const staging = vscode.Uri.joinPath(listsRoot(services.context.globalStorageUri), `.staging-${Date.now()}`).fsPath;
  try {
    const primaries = request.mode === 'import' ? await stageImport(request.files, staging) : await stageDownload(request.lists, settings.downloadBaseUrl, staging);
    const { loaded } = await services.worker.request({ type: 'validate', paths: primaries });
    if (loaded.errors.length) {
      const e = loaded.errors[0];
      throw new Error(`${path.basename(e.file)}${e.line ? `, line ${e.line}` : ''}: ${e.message.replace(e.file + ': ', '')}`);
    }
    await install(primaries, loaded.lists, listsRoot(services.context.globalStorageUri).fsPath);
    await services.loadLists();
    const message = `Now using ${loaded.lists.map((l) => `${l.name} of ${l.date} (${l.entries} entries)`).join('; ')}.`;
    void vscode.window.showInformationMessage(`ClauseGuard: lists updated. ${message}`);
    return { ok: true, lists: loaded.lists, message };
  } catch (e) {
    const message = `The lists were not updated, and the lists in use are unchanged. ${e instanceof Error ? e.message : String(e)}`;
    services.output.error(`Update lists: ${message}`);
    void vscode.window.showErrorMessage(`ClauseGuard: ${message}`);
    return { ok: false, lists: [], message };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/** Copies chosen files into groups under the staging folder; returns the path to load for each group. */
async function stageImport(files: string[], staging: string): Promise<string[]> {
  const primaries: string[] = [];
  const names = new Set(files.map((f) => path.basename(f).toLowerCase()));
  for (const [i, file] of files.entries()) {
    const base = path.basename(file).toLowerCase();
    if (Object.values(OFAC_COMPANIONS).flat().includes(base) && [...names].some((n) => OFAC_COMPANIONS[n]?.includes(base))) continue; // copied with its primary
    const dir = path.join(staging, String(i));
    await fs.mkdir(dir, { recursive: true });
    await fs.copyFile(file, path.join(dir, path.basename(file)));
    const companions = OFAC_COMPANIONS[base];
    if (companions) {
      for (const c of companions) {
        const src = path.join(path.dirname(file), c);
        try {
          await fs.copyFile(src, path.join(dir, c));
        } catch {
          /* companion files are optional */
        }
      }
      const st = await fs.stat(file);
      await fs.utimes(path.join(dir, path.basename(file)), st.atime, st.mtime); // OFAC CSVs are dated by file date
      primaries.push(dir);
    } else {
      primaries.push(path.join(dir, path.basename(file)));
    }
  }
  return primaries;
}

/** Downloads every file of each list into the staging folder. Any failure or short read aborts. */
async function stageDownload(ids: string[], baseUrl: string, staging: string): Promise<string[]> {
  const primaries: string[] = [];
  for (const id of ids) {
    const spec = OFFICIAL_FILES[id];
    if (!spec) throw new Error(`“${id}” is not a list ClauseGuard can download (use ${Object.keys(OFFICIAL_FILES).join(', ')}).`);
    const dir = path.join(staging, id);
    await fs.mkdir(dir, { recursive: true });
    for (const f of spec.files) {
      const url = baseUrl ? `${baseUrl}/${f.name}` : f.url;
      const { bytes, lastModified } = await download(url);
      const target = path.join(dir, f.name);
      await fs.writeFile(target, bytes);
      const when = lastModified ?? new Date();
      await fs.utimes(target, when, when);
    }
    primaries.push(spec.files.length > 1 ? dir : path.join(dir, spec.files[0].name));
  }
  return primaries;
}

async function download(url: string): Promise<{ bytes: Uint8Array; lastModified?: Date }> {
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(120_000) });
  } catch (e) {
    throw new Error(`could not download ${url}: ${describeFetchError(e)}.`);
  }
  if (!res.ok) throw new Error(`could not download ${url}: the server answered ${res.status} ${res.statusText}.`);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await res.arrayBuffer());
  } catch (e) {
    throw new Error(`the download of ${url} broke off before the end (${describeFetchError(e)}).`);
  }
  const expected = Number(res.headers.get('content-length'));
  if (expected && !res.headers.get('content-encoding') && bytes.length !== expected) throw new Error(`the download of ${url} is incomplete: ${bytes.length} of ${expected} bytes arrived.`);
  if (!bytes.length) throw new Error(`the download of ${url} is empty.`);
  const lm = res.headers.get('last-modified');
  const lastModified = lm && !Number.isNaN(Date.parse(lm)) ? new Date(lm) : undefined;
  return { bytes, lastModified };
}

function describeFetchError(e: unknown): string {
  const err = e as { message?: string; cause?: { message?: string; code?: string } };
  return err?.cause?.code ?? err?.cause?.message ?? err?.message ?? String(e);
}

/** Moves each validated group into lists/<id>, replacing that id's previous import. */
async function install(primaries: string[], lists: ListInfo[], root: string): Promise<void> {
  if (primaries.length !== lists.length) throw new Error('some files did not contain a list.');
  for (const [i, primary] of primaries.entries()) {
    const id = lists[i].id.replace(/[^A-Za-z0-9_.-]+/g, '_');
    const groupDir = (await fs.stat(primary)).isDirectory() ? primary : path.dirname(primary);
    const target = path.join(root, id);
    const old = `${target}.old-${Date.now()}`;
    await fs.rename(target, old).catch(() => undefined);
    await fs.rename(groupDir, target);
    await fs.rm(old, { recursive: true, force: true });
  }
}
