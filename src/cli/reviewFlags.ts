import { resolve } from 'node:path';
import type { ConfigLayer } from '../core/index';
import type { ParsedArgs } from './args';
import type { ProjectOptions } from '../node/project';

/** Flags every reviewing command (check, report, decide) takes, beside --config FILE. */
export const REVIEW_FLAGS = ['no-decisions', 'no-inline-config'];

/** Where configuration and decisions come from, by the flags given. */
export function reviewOptions(args: ParsedArgs, cwd: string): ProjectOptions {
  return {
    ...(args.values.config ? { configFile: resolve(cwd, args.values.config) } : {}),
    ...(args.values.decisions ? { decisionsFile: resolve(cwd, args.values.decisions) } : {}),
    ignoreDecisions: args.flags.has('no-decisions'),
  };
}

/** Values set by flags, over every project's configuration. */
export function flagLayer(args: ParsedArgs): ConfigLayer | undefined {
  if (!args.flags.has('no-inline-config')) return undefined;
  return { source: '--no-inline-config', values: { 'inlineComments.enabled': false } };
}
