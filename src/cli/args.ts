/** A small, strict argument parser: unknown flags are usage errors (exit 2), never ignored. */
export class UsageError extends Error {}

export interface FlagSpec {
  /** Flags taking a value; repeatable ones collect into an array. */
  values?: string[];
  repeatable?: string[];
  booleans?: string[];
}

export interface ParsedArgs {
  positional: string[];
  values: Record<string, string>;
  lists: Record<string, string[]>;
  flags: Set<string>;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const result: ParsedArgs = { positional: [], values: {}, lists: {}, flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      result.positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      result.positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    if (spec.booleans?.includes(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} does not take a value`);
      result.flags.add(name);
    } else if (spec.values?.includes(name) || spec.repeatable?.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      if (spec.repeatable?.includes(name)) (result.lists[name] ??= []).push(value);
      else result.values[name] = value;
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return result;
}

export function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}
