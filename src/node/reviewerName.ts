import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';

/**
 * Who is recording a decision: "Name <email>" from git config (in the workspace folder, so a
 * repository's own identity wins), else the operating-system user name.
 */
export async function currentReviewer(cwd: string | undefined): Promise<string> {
  const [name, email] = await Promise.all([gitConfig('user.name', cwd), gitConfig('user.email', cwd)]);
  if (name && email) return `${name} <${email}>`;
  if (name || email) return (name || email)!;
  try {
    return userInfo().username || 'unknown user';
  } catch {
    return process.env.USER || process.env.USERNAME || 'unknown user';
  }
}

function gitConfig(key: string, cwd: string | undefined): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['config', '--get', key], { cwd, timeout: 3000, windowsHide: true }, (err, stdout) => resolve(err ? undefined : stdout.trim() || undefined));
  });
}
