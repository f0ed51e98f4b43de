import { resolve } from 'node:path';
import { resolveConfig, type ConfigLayer, type EffectiveConfig, type ListInfo } from '../core/index';
import { findContractFiles, type FoundFile, type PathWarning } from '../node/contractFiles';
import type { CheckedContract } from '../node/contractCheck';
import { startCheckRun, threadsFor, type FileNote, type PlannedFile } from '../node/parallelCheck';
import { decisionPath, projectPath, ProjectFinder, type Project, type ProjectOptions } from '../node/project';

export interface CheckedContracts {
  lists: ListInfo[];
  /** Problems loading list files, each naming the file (and line where known). */
  listProblems: string[];
  /** Problems with configuration or decisions files (the rest of the work goes on). */
  configProblems: string[];
  /** In the order found; contracts only. Undefined when list problems stopped the run before checking. */
  checked?: CheckedContract[];
  /** Files found in folders that do not read like a contract (named in the output, never silent). */
  skipped: FileNote[];
  /** Files that could not be read; the others were checked. The run ends with exit status 2. */
  failed: FileNote[];
  /** Paths passed over in folders: dangling links, link loops, unreadable folders. */
  warnings: PathWarning[];
  /** The effective configuration of the first project (what a report shows as "settings used"). */
  config: EffectiveConfig;
  /** The project of each checked contract, by its shown path. */
  projects: Map<string, Project>;
}

export interface CheckRunOptions extends ProjectOptions {
  partyScreening: boolean;
  stopOnListProblems: boolean;
  /** --lists: list files added to every project's lists. */
  extraListPaths: readonly string[];
  /** Values from flags (e.g. --no-inline-config), over every project's configuration. */
  flagLayer?: ConfigLayer;
  /** --accept-smaller-list: the user confirmed that a list file may have lost entries. */
  acceptSmallerList?: boolean;
}

/**
 * Reads and checks every contract under `paths` (folders: only files that read like a contract), each
 * with its project's configuration and decisions, on worker threads when there are many. Shared by
 * `check`, `report` and `decide`. Throws InputError.
 */
export async function checkContracts(paths: readonly string[], cwd: string, options: CheckRunOptions): Promise<CheckedContracts> {
  // Paths are relative to the caller's working folder (io.cwd), not necessarily this process's.
  const { files, warnings } = findContractFiles(paths, cwd);
  const finder = new ProjectFinder(options);
  const configProblems = new Set<string>();
  const groups = new Map<string, { bundled: string[]; extra: string[]; items: { index: number; planned: PlannedFile; project: Project }[] }>();
  let firstConfig: EffectiveConfig | undefined;
  files.forEach((file, index) => {
    const project = finder.forFile(file.path);
    for (const p of project.problems) configProblems.add(p);
    if (project.decisionsFatal) throw new DecisionsUnreadable(project.decisionsFile, project.decisionsFatal);
    const resolved = resolveConfig([project.layer, ...(options.flagLayer ? [options.flagLayer] : [])]);
    for (const p of resolved.problems) configProblems.add(`${project.configFile ?? 'configuration'}: ${p}`);
    const config = resolved.config;
    firstConfig ??= config;
    const extra = [...config.lists.extraFiles.map((p) => projectPath(project, p)), ...options.extraListPaths];
    const key = JSON.stringify([config.lists.bundled, extra]);
    const rel = decisionPath(project, file.path);
    const planned: PlannedFile = {
      file,
      plan: { config: config.check, decisions: project.decisions.filter((d) => d.file === rel), dismissals: project.dismissals.filter((d) => d.file === rel), always: alwaysChecked(file) },
    };
    if (!groups.has(key)) groups.set(key, { bundled: config.lists.bundled, extra, items: [] });
    groups.get(key)!.items.push({ index, planned, project });
  });
  const config = firstConfig ?? resolveConfig([...(options.flagLayer ? [options.flagLayer] : [])]).config;
  const checkedByIndex: (CheckedContract | undefined)[] = new Array(files.length);
  const skipped: FileNote[] = [];
  const failed: FileNote[] = [];
  const projects = new Map<string, Project>();
  let lists: ListInfo[] = [];
  const listProblems: string[] = [];
  // One run per distinct set of lists (usually one): each loads its lists once.
  for (const group of groups.size ? groups.values() : [{ bundled: config.lists.bundled, extra: [...options.extraListPaths], items: [] }]) {
    const run = await startCheckRun(group.extra, threadsFor(group.items.length), { bundledIds: group.bundled, acceptSmallerList: options.acceptSmallerList });
    try {
      if (!lists.length) lists = run.lists;
      listProblems.push(...run.problems.filter((p) => !listProblems.includes(p)));
      if (run.problems.length && options.stopOnListProblems) return { lists, listProblems, configProblems: [...configProblems], skipped: [], failed: [], warnings, config, projects };
      const outcome = await run.checkAll(
        group.items.map((i) => i.planned),
        { displayRoot: cwd, partyScreening: options.partyScreening },
      );
      skipped.push(...outcome.skipped);
      failed.push(...outcome.failed);
      const byPath = new Map(group.items.map((i) => [i.planned.file.path, i]));
      for (const c of outcome.checked) {
        const item = byPath.get(resolve(cwd, c.path));
        if (!item) continue;
        checkedByIndex[item.index] = c;
        projects.set(c.path, item.project);
      }
    } finally {
      await run.close();
    }
  }
  return { lists, listProblems, configProblems: [...configProblems], checked: checkedByIndex.filter((c): c is CheckedContract => !!c), skipped, failed, warnings, config, projects };
}

/** Named on the command line, or named as a contract (*.contract.md / *.contract.txt). */
function alwaysChecked(file: FoundFile): boolean {
  return file.explicit || /\.contract\.[a-z]+$/i.test(file.path);
}

/** A decisions file that exists but cannot be read: checking without it would show dismissed findings as new. */
export class DecisionsUnreadable extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}
