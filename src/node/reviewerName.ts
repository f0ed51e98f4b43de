import { execFile, spawnSync } from 'node:child_process';
import { userInfo } from 'node:os';

/**
 * Who is reviewing, the same way in every host: the configured name (`reviewer.name` in
 * .clauseguard/config.json, the `clauseguard.reviewer.name` setting, or --reviewer), else
 * CLAUSEGUARD_REVIEWER, else "Name <email>" from git config in the project folder, else the
 * operating-system user.
 */
export function reviewerNameSync(configured: string | undefined, cwd: string | undefined): string {
  return pick(configured, () => [gitSync('user.name', cwd), gitSync('user.email', cwd)]);
}

export async function reviewerName(configured: string | undefined, cwd: string | undefined): Promise<string> {
  const git = await Promise.all([gitAsync('user.name', cwd), gitAsync('user.email', cwd)]);
  return pick(configured, () => git);
}

function pick(configured: string | undefined, git: () => (string | undefined)[]): string {
  if (configured?.trim()) return configured.trim();
  const env = process.env.CLAUSEGUARD_REVIEWER?.trim();
  if (env) return env;
  const [name, email] = git();
  if (name && email) return `${name} <${email}>`;
  if (name || email) return (name || email)!;
  try {
    return userInfo().username || 'unknown user';
  } catch {
    return process.env.USER || process.env.USERNAME || 'unknown user';
  }
}

function gitSync(key: string, cwd: string | undefined): string | undefined {
  try {
    const r = spawnSync('git', ['config', '--get', key], { cwd, encoding: 'utf8', timeout: 2000, windowsHide: true });
    return r.status === 0 ? r.stdout.trim() || undefined : undefined;
  } catch {
    return undefined;
  }
}

function gitAsync(key: string, cwd: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', '--get', key], { cwd, timeout: 3000, windowsHide: true }, (err, stdout) => resolve(err ? undefined : stdout.trim() || undefined));
  });
}
