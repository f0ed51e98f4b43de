import * as fs from 'node:fs';
import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';

export const BLOCKING_STATS = 'clauseguard.debug.blockingStats';

/**
 * Hidden command for the responsiveness benchmark: returns (and logs) the extension host's longest
 * blocking stretch since the last reset. Args: { reset?: boolean, spinWorkerMs?: number }.
 * With CLAUSEGUARD_BLOCKING_STATS_FILE set, the stats are also written there as JSON.
 */
export function registerDebug(context: vscode.ExtensionContext, services: ExtensionServices): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(BLOCKING_STATS, async (args?: { reset?: boolean; spinWorkerMs?: number }) => {
      if (!services.probe.running) services.probe.start();
      if (args?.spinWorkerMs) await services.worker.request({ type: 'spin', ms: args.spinWorkerMs });
      const stats = { ...services.probe.read(), checksRun: services.checker.checksRun, lists: services.lists.map((l) => l.id) };
      if (args?.reset) services.probe.reset();
      services.output.info(`Blocking stats: ${JSON.stringify(stats)}`);
      const file = process.env.CLAUSEGUARD_BLOCKING_STATS_FILE;
      if (file) fs.writeFileSync(file, JSON.stringify(stats, null, 2));
      return stats;
    }),
  );
}
