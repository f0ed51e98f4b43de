import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { CONFIG_PATH, DECISIONS_PATH, DISMISSALS_PATH, parseDecisionsFile, parseDismissals, parseProjectConfig, type ConfigLayer, type Decision, type Dismissal } from '../core/index';

/**
 * A project: the folder that holds `.clauseguard/` (its config.json and decisions.json), found from a
 * contract's folder upwards, as ESLint and markdownlint find their configuration. Without one, the
 * contract's own folder is the project (where `clauseguard decide` starts a decisions file).
 */
export interface Project {
  /** The project folder (absolute). Decision paths and relative list / clause paths are relative to it. */
  root: string;
  /** The configuration file read, if any. */
  configFile?: string;
  /** Values from the configuration file (empty when there is none). */
  layer: ConfigLayer;
  decisionsFile: string;
  /** Decisions recorded in the project (all files). */
  decisions: Decision[];
  /** Reviewers' dismissals of other findings (.clauseguard/dismissals.json), all files. */
  dismissals: Dismissal[];
  /** Problems reading the configuration or the decisions, each naming the file. */
  problems: string[];
  /** The decisions file exists but cannot be read at all: refuse to report without it. */
  decisionsFatal?: string;
}

export interface ProjectOptions {
  /** --config FILE: use this configuration for every file (its folder's parent is the project if it is in `.clauseguard/`). */
  configFile?: string;
  /** --decisions FILE. */
  decisionsFile?: string;
  /** --no-decisions. */
  ignoreDecisions?: boolean;
}

/** Finds and reads projects, once per folder. */
export class ProjectFinder {
  private readonly byRoot = new Map<string, Project>();
  private readonly rootOfDir = new Map<string, string>();

  constructor(private readonly options: ProjectOptions = {}) {}

  /** The project of a contract file. */
  forFile(file: string): Project {
    const root = this.options.configFile ? projectRootOfConfig(resolve(this.options.configFile)) : this.findRoot(dirname(resolve(file)));
    let p = this.byRoot.get(root);
    if (!p) this.byRoot.set(root, (p = readProject(root, this.options)));
    return p;
  }

  private findRoot(start: string): string {
    const cached = this.rootOfDir.get(start);
    if (cached) return cached;
    let dir = start;
    let found: string | undefined;
    for (;;) {
      if (isDir(join(dir, '.clauseguard'))) {
        found = dir;
        break;
      }
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    const root = found ?? start;
    this.rootOfDir.set(start, root);
    return root;
  }
}

/** The project folder of a configuration file: the folder holding `.clauseguard/`, else the file's folder. */
export function projectRootOfConfig(configFile: string): string {
  const dir = dirname(configFile);
  return dir.endsWith(`${sep}.clauseguard`) || dir.endsWith('/.clauseguard') ? dirname(dir) : dir;
}

function readProject(root: string, options: ProjectOptions): Project {
  const problems: string[] = [];
  const configFile = options.configFile ? resolve(options.configFile) : join(root, CONFIG_PATH);
  let layer: ConfigLayer = { source: 'default', values: {} };
  let usedConfig: string | undefined;
  if (options.configFile || existsSync(configFile)) {
    const shown = relative(process.cwd(), configFile) || configFile;
    try {
      const parsed = parseProjectConfig(readFileSync(configFile, 'utf8'), shown);
      layer = { source: shown, values: parsed.values };
      problems.push(...parsed.problems);
      usedConfig = configFile;
    } catch (e) {
      problems.push(`${shown}: cannot be read (${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}).`);
    }
  }
  const decisionsFile = options.decisionsFile ? resolve(options.decisionsFile) : join(root, DECISIONS_PATH);
  let decisions: Decision[] = [];
  let decisionsFatal: string | undefined;
  if (!options.ignoreDecisions && (options.decisionsFile || existsSync(decisionsFile))) {
    const shown = relative(process.cwd(), decisionsFile) || decisionsFile;
    try {
      const parsed = parseDecisionsFile(readFileSync(decisionsFile, 'utf8'));
      if (parsed.fatal) decisionsFatal = parsed.problems[0] ?? `${shown} cannot be read`;
      else decisions = parsed.decisions;
      if (!parsed.fatal) problems.push(...parsed.problems);
    } catch (e) {
      decisionsFatal = `${shown}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`;
    }
  }
  let dismissals: Dismissal[] = [];
  const dismissalsFile = join(root, DISMISSALS_PATH);
  if (!options.ignoreDecisions && existsSync(dismissalsFile)) {
    try {
      const parsed = parseDismissals(readFileSync(dismissalsFile, 'utf8'));
      dismissals = parsed.dismissals;
      problems.push(...parsed.problems.map((p) => `${relative(process.cwd(), dismissalsFile) || dismissalsFile}: ${p}`));
    } catch (e) {
      problems.push(`${dismissalsFile}: cannot be read (${(e as Error).message}); no dismissal was applied.`);
    }
  }
  return { root, ...(usedConfig ? { configFile: usedConfig } : {}), layer, decisionsFile, decisions, dismissals, problems, ...(decisionsFatal ? { decisionsFatal } : {}) };
}

/** A file's path as decisions record it: relative to the project folder, with forward slashes. */
export function decisionPath(project: Project, file: string): string {
  return relative(project.root, resolve(file)).split(sep).join('/');
}

/** A path from the configuration (relative to the project folder unless absolute). */
export function projectPath(project: Project, p: string): string {
  return isAbsolute(p) ? p : join(project.root, p);
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
