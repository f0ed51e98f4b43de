import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { entryMarkdown } from './sanctionsHover';

type Match = Awaited<ReturnType<ExtensionServices['searchLists']>>[number];
interface MatchItem extends vscode.QuickPickItem {
  match: Match;
}

const DEBOUNCE_MS = 120;

/**
 * "ClauseGuard: Search Sanctions Lists…": a quick pick that searches the loaded lists as you type
 * (the index in the check worker, with the last word taken as a prefix) and opens the full entry.
 */
export function registerSearchSanctions(context: vscode.ExtensionContext, services: ExtensionServices): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('clauseguard.searchSanctions', (initial?: string) => searchSanctions(services, initial)),
    vscode.workspace.registerTextDocumentContentProvider(ENTRY_SCHEME, entryDocuments),
  );
}

/** Read-only documents of list entries (clauseguard-entry:/<id>.md), shown as a rendered Markdown preview. */
export const ENTRY_SCHEME = 'clauseguard-entry';
const entryTexts = new Map<string, string>();
const entryDocuments: vscode.TextDocumentContentProvider = {
  provideTextDocumentContent: (uri) => entryTexts.get(uri.path) ?? '# Entry no longer available\n\nSearch the lists again (ClauseGuard: Search Sanctions Lists…).',
};

export async function searchSanctions(services: ExtensionServices, initial?: string): Promise<void> {
  const pick = vscode.window.createQuickPick<MatchItem>();
  pick.title = 'Search Sanctions Lists';
  pick.placeholder = 'Type a person or organisation name, e.g. SEK Studio';
  pick.matchOnDescription = true;
  pick.matchOnDetail = true;
  // Results stay in score order (VS Code would re-sort them by how well the label matches the words typed).
  // The property exists in VS Code 1.100's API object though @types/vscode does not declare it yet.
  (pick as { sortByLabel?: boolean }).sortByLabel = false;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = async (value: string) => {
    const mine = ++seq;
    if (value.trim().length < 2) {
      pick.items = [];
      return;
    }
    pick.busy = true;
    try {
      await services.listsReady;
      const matches = await services.searchLists(value, { limit: 30, minScore: 0.4, prefix: true });
      if (mine !== seq) return; // a newer query is on its way
      pick.items = matches.map((m) => toItem(m));
      if (!matches.length) pick.items = [];
    } catch (e) {
      void vscode.window.showErrorMessage(`ClauseGuard: the search failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      if (mine === seq) pick.busy = false;
    }
  };
  pick.onDidChangeValue((v) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void run(v), DEBOUNCE_MS);
  });
  pick.onDidAccept(() => {
    const item = pick.selectedItems[0];
    if (item) void showEntry(services, item.match);
  });
  pick.onDidHide(() => pick.dispose());
  if (initial) {
    pick.value = initial;
    void run(initial);
  }
  pick.show();
}

function toItem(m: Match): MatchItem {
  const e = m.entity;
  const via = m.name !== e.primaryName ? `matched ${m.nameKind} “${m.name}” · ` : '';
  return {
    label: e.primaryName,
    description: `${Math.round(m.score * 100)} · ${m.list?.name ?? e.list}${e.programs.length ? ` · ${e.programs.join(', ')}` : ''}`,
    detail: `${via}${e.type}${e.addresses.length ? ` · ${e.addresses[0]}` : ''} · ${m.explanation}`,
    alwaysShow: true,
    match: m,
  };
}

/** Opens the entry read-only and rendered (a Markdown preview of a virtual document), beside the editor. */
export async function showEntry(services: ExtensionServices, m: Match): Promise<vscode.Uri> {
  const e = m.entity;
  const md = entryMarkdown({ id: e.id, list: e.list, primaryName: e.primaryName, type: e.type, programs: e.programs }, e, m.list ?? services.lists.find((l) => l.id === e.list), m);
  const uri = vscode.Uri.from({ scheme: ENTRY_SCHEME, path: `/${e.id.replace(/[^\w.-]+/g, '-')}.md` });
  entryTexts.set(uri.path, `# ${e.primaryName.replace(/[#*_`[\]<>\\]/g, '')}\n\n${md.value}\n`);
  await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
  return uri;
}
