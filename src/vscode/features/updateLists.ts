import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { writeFileAtomic } from '../../node/atomicWrite';
import { DATE_UNKNOWN, sidecarText, SIDECAR_NAME, type ListSidecar } from '../../node/listGuard';
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

/**
 * Arguments tests (and scripts) can pass to skip the dialogs. `date` is the list date the user gives
 * for files that carry none (OFAC CSV sets); `acceptSmallerList` answers "Use the smaller list".
 */
export type UpdateListsArgs = ({ mode: 'import'; files: string[]; date?: string } | { mode: 'download'; lists: string[] }) & { acceptSmallerList?: boolean };

/** The button that confirms a list much smaller than the one in use. */
export const USE_SMALLER_LIST = 'Use the smaller list';

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
  const interactive = !args;
  const staging = vscode.Uri.joinPath(listsRoot(services.context.globalStorageUri), `.staging-${Date.now()}`).fsPath;
  try {
    const downloaded = new Map<string, Date>();
    const primaries = request.mode === 'import' ? await stageImport(request.files, staging) : await stageDownload(request.lists, settings.downloadBaseUrl, staging, downloaded);
    const bundledDir = path.join(services.context.extensionPath, 'lists');
    let accepted = request.acceptSmallerList === true;
    let { loaded } = await services.worker.request({ type: 'validate', paths: primaries, acceptSmallerList: accepted, bundledDir });
    // Only "much smaller than the list in use" left: the user may confirm it, with both counts in view.
    if (loaded.errors.length && loaded.errors.every((e) => e.smaller) && interactive) {
      const e = loaded.errors[0];
      const pick = await vscode.window.showWarningMessage(`ClauseGuard: ${path.basename(e.file)}: ${e.message.replace(e.file + ': ', '')}`, { modal: true }, USE_SMALLER_LIST);
      if (pick === USE_SMALLER_LIST) {
        accepted = true;
        ({ loaded } = await services.worker.request({ type: 'validate', paths: primaries, acceptSmallerList: true, bundledDir }));
      }
    }
    if (loaded.errors.length) {
      const e = loaded.errors[0];
      throw new Error(`${path.basename(e.file)}${e.line ? `, line ${e.line}` : ''}: ${e.message.replace(e.file + ': ', '')}`);
    }
    if (primaries.length !== loaded.lists.length) throw new Error('some files did not contain a list.');
    // What the user said (or the server's Last-Modified header), kept beside the files it is about.
    for (const [i, list] of loaded.lists.entries()) {
      const given = list.date === DATE_UNKNOWN ? await listDate(list, request, downloaded.get(primaries[i]), interactive) : undefined;
      if (given || accepted) await writeSidecar(primaries[i], [{ sha256: list.sha256, ...(given ?? {}), ...(accepted ? { acceptedSmaller: true } : {}) }]);
    }
    await install(primaries, loaded.lists, listsRoot(services.context.globalStorageUri).fsPath);
    await services.loadLists();
    const now = loaded.lists.map((l) => services.lists.find((x) => x.sha256 === l.sha256) ?? l);
    const message = `Now using ${now.map((l) => `${l.name} of ${l.date} (${l.entries} entries)`).join('; ')}.`;
    void vscode.window.showInformationMessage(`ClauseGuard: lists updated. ${message}`);
    return { ok: true, lists: now, message };
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
      primaries.push(dir);
    } else {
      primaries.push(path.join(dir, path.basename(file)));
    }
  }
  return primaries;
}

/** Downloads every file of each list into the staging folder. Any failure or short read aborts. */
async function stageDownload(ids: string[], baseUrl: string, staging: string, lastModified: Map<string, Date>): Promise<string[]> {
  const primaries: string[] = [];
  for (const id of ids) {
    const spec = OFFICIAL_FILES[id];
    if (!spec) throw new Error(`“${id}” is not a list ClauseGuard can download (use ${Object.keys(OFFICIAL_FILES).join(', ')}).`);
    const dir = path.join(staging, id);
    await fs.mkdir(dir, { recursive: true });
    for (const f of spec.files) {
      const url = baseUrl ? `${baseUrl}/${f.name}` : f.url;
      const got = await download(url);
      await fs.writeFile(path.join(dir, f.name), got.bytes);
      if (got.lastModified && f === spec.files[0]) lastModified.set(spec.files.length > 1 ? dir : path.join(dir, f.name), got.lastModified);
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

/**
 * The date of a list whose files carry none: given in the arguments, asked for (interactive), or the
 * server's Last-Modified header for a download. Never a file's modification time.
 */
async function listDate(list: ListInfo, request: UpdateListsArgs, lastModified: Date | undefined, interactive: boolean): Promise<{ date: string; dateSource: string } | undefined> {
  if (request.mode === 'import' && request.date) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(request.date) || Number.isNaN(Date.parse(request.date))) throw new Error(`"${request.date}" is not a date written YYYY-MM-DD.`);
    return { date: request.date, dateSource: 'given by the user on import' };
  }
  if (lastModified) return { date: lastModified.toISOString().slice(0, 10), dateSource: "from the server's Last-Modified header on download" };
  if (!interactive) return undefined;
  const typed = await vscode.window.showInputBox({
    title: `ClauseGuard: date of the ${list.name}`,
    prompt: 'These files carry no date of their own. Enter the date the list was published (YYYY-MM-DD, as on the OFAC website), or leave empty: the list is then shown as "date unknown".',
    placeHolder: 'YYYY-MM-DD',
    validateInput: (v) => (!v.trim() || (/^\d{4}-\d{2}-\d{2}$/.test(v.trim()) && !Number.isNaN(Date.parse(v.trim()))) ? undefined : 'Write the date as YYYY-MM-DD, or leave it empty.'),
  });
  return typed?.trim() ? { date: typed.trim(), dateSource: 'given by the user on import' } : undefined;
}

async function writeSidecar(primary: string, lists: ListSidecar[]): Promise<void> {
  const dir = (await fs.stat(primary)).isDirectory() ? primary : path.dirname(primary);
  await writeFileAtomic(path.join(dir, SIDECAR_NAME), sidecarText(lists));
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
