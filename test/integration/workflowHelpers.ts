import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../../src/vscode/extensionServices';
import { activateExtension, waitForDiagnostics } from './helpers';

/** waitForDiagnostics with room for a list load queued in the check worker ahead of the check. */
export function waitDiags(uri: vscode.Uri, ok: (d: readonly vscode.Diagnostic[]) => boolean): Promise<readonly vscode.Diagnostic[]> {
  return waitForDiagnostics(uri, ok, 90000);
}

/** Helpers shared by the workflow*.test.ts files (settings, lists, trust). */

export async function services(): Promise<ExtensionServices> {
  return (await activateExtension()).services;
}

/** Sets a clauseguard.* workspace setting (undefined removes it) and waits until VS Code reports it. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  const changed = new Promise<void>((resolve) => {
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`clauseguard.${key}`)) {
        sub.dispose();
        resolve();
      }
    });
  });
  const cfg = vscode.workspace.getConfiguration('clauseguard');
  const before = JSON.stringify(cfg.inspect(key)?.workspaceValue);
  await cfg.update(key, value, vscode.ConfigurationTarget.Workspace);
  if (JSON.stringify(value) !== before) await changed;
}

/** Writes a file into the test workspace. */
export async function writeWorkspaceFile(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

export async function readWorkspaceFile(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

/** Resolves when `event` fires with a value satisfying `ok` (or immediately if `now()` already does). */
export function waitFor<T>(event: vscode.Event<T>, ok: () => boolean, what: string, timeoutMs = 30000): Promise<void> {
  return new Promise((resolve, reject) => {
    if (ok()) return resolve();
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}`));
    }, timeoutMs);
    const sub = event(() => {
      if (ok()) {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      }
    });
  });
}

/** The repository's samples/ (this file runs from out/test/integration). */
const SAMPLES_DIR = path.resolve(__dirname, '../../../samples');

/**
 * Puts the sample contracts back exactly as shipped. code-server auto-saves edited documents, so a suite
 * that edits a sample changes it on disk for every later suite; the workflow suites start and end with this.
 */
export async function restoreSamples(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  // Sub-folders too (samples/chain/).
  for (const name of fs.readdirSync(SAMPLES_DIR, { recursive: true }) as string[]) {
    if (!fs.statSync(path.join(SAMPLES_DIR, name)).isFile()) continue;
    const target = vscode.Uri.joinPath(folder, ...name.split(path.sep));
    const want = fs.readFileSync(path.join(SAMPLES_DIR, name));
    const have = await vscode.workspace.fs.readFile(target).then(undefined, () => undefined);
    if (!have || Buffer.compare(Buffer.from(have), want) !== 0) await vscode.workspace.fs.writeFile(target, want);
  }
}

/** The shipped text of a sample contract. */
export function sampleText(name: string): string {
  return fs.readFileSync(path.join(SAMPLES_DIR, name), 'utf8');
}

/** The shared real data beside the repository (CI has it; a newcomer's clone may not). */
export const SHARED_DATA_DIR = path.resolve(__dirname, '../../../../shared/data');

/** A test that reads ../shared: skipped, saying why, when it is absent. */
export function itShared(title: string, fn: () => Promise<void>): void {
  if (fs.existsSync(SHARED_DATA_DIR)) it(title, fn);
  else it.skip(`${title} (needs ../shared/data beside the repository: not found, skipped)`, fn);
}
