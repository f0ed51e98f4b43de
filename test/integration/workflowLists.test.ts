import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { UPDATE_LISTS, type UpdateOutcome } from '../../src/vscode/features/updateLists';
import { closeAll, openDoc } from './helpers';
import { services, setSetting, restoreSamples, itShared } from './workflowHelpers';

// Real list files (read-only shared data); tests may read them, the product never needs them.
const DATA = path.resolve(__dirname, '../../../../shared/data/sanctions');
const UN_XML = path.join(DATA, 'un/UN_consolidated.xml');
const UN_SHA = '66b392a4090868d2d39161e8d748efd39138377b0e6e60b7921aa67a4f99c8bf';

/**
 * A local stand-in for the official servers on 127.0.0.1, serving the real UN file:
 *   /ok/consolidated.xml         the whole file
 *   /broken/consolidated.xml     announces the full length, sends half, then drops the connection
 *   /truncated/consolidated.xml  sends the first half as a complete (chunked) response
 */
function startServer(): Promise<{ base: string; hits: string[]; close: () => void }> {
  const body = fs.readFileSync(UN_XML);
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/ok/consolidated.xml') {
      res.writeHead(200, { 'content-type': 'application/xml', 'content-length': body.length, 'last-modified': 'Fri, 27 Feb 2026 00:00:09 GMT' });
      res.end(body);
    } else if (req.url === '/broken/consolidated.xml') {
      res.writeHead(200, { 'content-type': 'application/xml', 'content-length': body.length });
      res.write(body.subarray(0, body.length >> 1), () => res.destroy());
    } else if (req.url === '/truncated/consolidated.xml') {
      res.writeHead(200, { 'content-type': 'application/xml' });
      res.end(body.subarray(0, body.length >> 1));
    } else {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits, close: () => server.close() })),
  );
}

const unList = async () => (await services()).lists.find((l) => l.id === 'un');

describe('workflow: sanctions lists — status, freshness, import, download', function () {
  before(restoreSamples);
  this.timeout(120000);
  before(async () => {
    const api = await services();
    await api.listsReady;
  });
  after(async () => {
    for (const k of ['lists.allowDownload', 'lists.downloadBaseUrl', 'lists.maxAgeDays', 'lists.bundled', 'lists.extraFiles']) await setSetting(k, undefined);
    const api = await services();
    await vscode.workspace.fs.delete(vscode.Uri.joinPath(api.context.globalStorageUri, 'lists'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await api.loadLists();
    await closeAll();
  });

  it('loads the bundled lists in the background and shows them, with dates, in the status item', async () => {
    const api = await services();
    assert.deepEqual(api.lists.map((l) => l.id).sort(), ['ofac-cons', 'ofac-sdn', 'un']);
    await openDoc('animation-production-agreement.md');
    const item = api.statusItems!.lists;
    // Short enough for the popup to keep its "Update Lists…" link on screen: the oldest list and its date.
    const oldest = [...api.lists].sort((a, b) => a.date.localeCompare(b.date))[0];
    assert.ok(item.detail?.includes(oldest.date), `${item.detail} shows ${oldest.date}`);
    assert.ok(`${item.text} ${item.detail}`.length <= 80, `${item.text} ${item.detail}`);
    assert.ok(api.lists.every((l) => item.accessibilityInformation?.label.includes(l.date)), 'every list date is read out');
  });

  it('warns when a list is older than clauseguard.lists.maxAgeDays, and not when the limit is off', async () => {
    const api = await services();
    await setSetting('lists.maxAgeDays', 30);
    assert.equal(api.statusItems!.lists.severity, vscode.LanguageStatusSeverity.Warning, 'the 2024 SDN snapshot is older than 30 days');
    assert.match(api.statusItems!.lists.text, /\$\(warning\)/);
    await setSetting('lists.maxAgeDays', 0);
    assert.equal(api.statusItems!.lists.severity, vscode.LanguageStatusSeverity.Information);
  });

  it('clauseguard.lists.bundled chooses the bundled lists', async () => {
    const api = await services();
    const loaded = new Promise<void>((r) => {
      const sub = api.onDidChangeLists(() => (sub.dispose(), r()));
    });
    await setSetting('lists.bundled', ['un']);
    await loaded;
    assert.deepEqual(api.lists.map((l) => l.id), ['un']);
    await setSetting('lists.bundled', undefined);
    await api.loadLists();
    assert.equal(api.lists.length, 3);
  });

  itShared('imports an official file from disk: stored in global storage, used at once and after a reload', async () => {
    const api = await services();
    assert.notEqual((await unList())?.sha256, UN_SHA, 'the bundled UN snapshot is not the raw XML');
    const outcome = (await vscode.commands.executeCommand<UpdateOutcome>(UPDATE_LISTS, { mode: 'import', files: [UN_XML] }))!;
    assert.equal(outcome.ok, true, outcome.message);
    assert.equal((await unList())?.sha256, UN_SHA);
    assert.equal((await unList())?.date, '2026-02-27');
    const stored = vscode.Uri.joinPath(api.context.globalStorageUri, 'lists', 'un');
    assert.deepEqual((await vscode.workspace.fs.readDirectory(stored)).map(([n]) => n), ['UN_consolidated.xml']);
    await api.loadLists(); // as on the next start
    assert.equal((await unList())?.sha256, UN_SHA);
  });

  itShared('a damaged file is refused with the line at fault, and the lists in use stay', async () => {
    const before = await unList();
    const bad = path.join(os.tmpdir(), `cg-bad-${Date.now()}.xml`);
    fs.writeFileSync(bad, fs.readFileSync(UN_XML, 'utf8').slice(0, 500_000));
    const outcome = (await vscode.commands.executeCommand<UpdateOutcome>(UPDATE_LISTS, { mode: 'import', files: [bad] }))!;
    assert.equal(outcome.ok, false);
    assert.match(outcome.message, /lists in use are unchanged/);
    assert.match(outcome.message, /line \d+.*truncated/);
    assert.deepEqual(await unList(), before);
  });

  itShared('downloads only when allowed, from the configured server; a broken or truncated download changes nothing', async () => {
    const server = await startServer();
    try {
      const api = await services();
      // Off by default: nothing is fetched.
      await setSetting('lists.downloadBaseUrl', `${server.base}/ok`);
      let outcome = (await vscode.commands.executeCommand<UpdateOutcome>(UPDATE_LISTS, { mode: 'download', lists: ['un'] }))!;
      assert.equal(outcome.ok, false);
      assert.match(outcome.message, /allowDownload/);
      assert.deepEqual(server.hits, []);

      await setSetting('lists.allowDownload', true);
      // Start from the bundled UN list so the download visibly replaces it.
      await vscode.workspace.fs.delete(vscode.Uri.joinPath(api.context.globalStorageUri, 'lists'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
      await api.loadLists();
      const bundled = await unList();
      assert.notEqual(bundled?.sha256, UN_SHA);

      for (const kind of ['broken', 'truncated']) {
        await setSetting('lists.downloadBaseUrl', `${server.base}/${kind}`);
        outcome = (await vscode.commands.executeCommand<UpdateOutcome>(UPDATE_LISTS, { mode: 'download', lists: ['un'] }))!;
        assert.equal(outcome.ok, false, `${kind}: ${outcome.message}`);
        assert.match(outcome.message, /lists in use are unchanged/);
        assert.deepEqual(await unList(), bundled, `${kind}: the old list is still in use`);
      }

      await setSetting('lists.downloadBaseUrl', `${server.base}/ok`);
      outcome = (await vscode.commands.executeCommand<UpdateOutcome>(UPDATE_LISTS, { mode: 'download', lists: ['un'] }))!;
      assert.equal(outcome.ok, true, outcome.message);
      assert.equal((await unList())?.sha256, UN_SHA);
      assert.deepEqual(server.hits, ['/broken/consolidated.xml', '/truncated/consolidated.xml', '/ok/consolidated.xml']);
    } finally {
      server.close();
    }
  });
  afterEach(restoreSamples); // after the suite's own afterEach (editors closed first)
});
