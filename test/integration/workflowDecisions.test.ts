import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseDecisionsFile } from '../../src/core/decisions';
import { ruleById } from '../../src/core/rules/registry';
import type { Finding } from '../../src/core/types';
import type { FindingDiagnostic } from '../../src/vscode/checker';
import { MARK_CONFIRMED, MARK_NOT_A_MATCH } from '../../src/vscode/features/decisions';
import { closeAll, openDoc, ruleOf, workspaceFile } from './helpers';
import { readWorkspaceFile, services, writeWorkspaceFile, waitDiags, restoreSamples } from './workflowHelpers';

/**
 * Decisions end to end: quick fix offered → decision recorded in .clauseguard/decisions.json → finding
 * hidden → survives an edit above it → returns (marked) when the matched text changes. Uses the
 * sanctioned-party rule on the animation sample when that rule is registered; otherwise the same
 * machinery on the subcontracting finding (decisions key on the rule when a finding has no list match).
 */
const SAMPLE = 'contracts/studio-services.contract.md';
const CONTRACT = [
  '# Studio Services Agreement',
  '',
  'This Agreement is made between Brightwater Pictures LLC ("Producer") and Mansudae Art Studio ("Studio").',
  '',
  '## 1. Services',
  '',
  '1.1 The Studio shall produce the key animation described in Schedule A.',
  '',
].join('\n');
const SANCTIONS = ruleById('sanctioned-party') !== undefined;
const RULE = SANCTIONS ? 'sanctioned-party' : 'subcontracting-consent-missing';
const DECISIONS = () => workspaceFile('.clauseguard/decisions.json');

async function findingDiagnostic(uri: vscode.Uri, pick: (d: FindingDiagnostic) => boolean = () => true): Promise<FindingDiagnostic> {
  const api = await services();
  await api.listsReady;
  const ds = await waitDiags(uri, (x) => x.some((d) => ruleOf(d) === RULE));
  const fd = findingDiagnostics(api, uri).filter((d) => d.finding.rule === RULE && pick(d));
  assert.ok(fd.length, `a ${RULE} finding (${ds.length} diagnostics)`);
  return fd[0];
}

/** The extension's own diagnostics (the test bundle has its own copy of the class: no instanceof). */
function findingDiagnostics(api: Awaited<ReturnType<typeof services>>, uri: vscode.Uri): FindingDiagnostic[] {
  return (api.checker.diagnostics.get(uri) ?? []).filter((d): d is FindingDiagnostic => 'finding' in d);
}

describe(`workflow: decisions (on ${RULE} findings)`, () => {
  before(restoreSamples);
  const original = CONTRACT;
  before(async () => {
    await services();
    await writeWorkspaceFile(workspaceFile(SAMPLE), CONTRACT);
  });
  after(() => vscode.workspace.fs.delete(workspaceFile(SAMPLE)).then(undefined, () => undefined));
  afterEach(async () => {
    await closeAll();
    await writeWorkspaceFile(workspaceFile(SAMPLE), original);
    await vscode.workspace.fs.delete(workspaceFile('.clauseguard'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
    await (await services()).decisions.loadAll();
  });

  it('offers the quick fixes on a sanctions finding', async function () {
    if (!SANCTIONS) this.skip(); // the code action is only offered on sanctions matches
    const editor = await openDoc(SAMPLE);
    const d = await findingDiagnostic(editor.document.uri);
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, d.range)) ?? [];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => /as not a match for/.test(t)), titles.join(' | '));
    assert.ok(titles.some((t) => /as a confirmed match for/.test(t)), titles.join(' | '));
  });

  it('not a match: recorded with the audit fields, hidden, survives an edit above, returns when the text changes', async () => {
    const editor = await openDoc(SAMPLE);
    const uri = editor.document.uri;
    const d = await findingDiagnostic(uri);
    const finding: Finding = d.finding;
    const api = await services();
    const id = await vscode.commands.executeCommand<string>(MARK_NOT_A_MATCH, uri, finding, 'Different studio: Lyon-registered, KYC file 42.');
    assert.ok(id, 'a decision was recorded');

    // File content: pretty-printed, one decision with every audit field.
    const text = await readWorkspaceFile(DECISIONS());
    assert.ok(text.endsWith('\n') && text.includes('\n  "decisions": [\n'), 'pretty-printed');
    const parsed = parseDecisionsFile(text);
    assert.deepEqual(parsed.problems, []);
    assert.equal(parsed.decisions.length, 1);
    const rec = parsed.decisions[0];
    assert.equal(rec.file, SAMPLE);
    if (SANCTIONS) assert.equal(rec.matchedText, 'Mansudae Art Studio');
    assert.equal(rec.matchedText, finding.text);
    assert.equal(rec.verdict, 'not-a-match');
    assert.equal(rec.reason, 'Different studio: Lyon-registered, KYC file 42.');
    assert.ok(rec.reviewer.length > 0, 'reviewer recorded');
    assert.ok(!Number.isNaN(Date.parse(rec.date)));
    assert.match(rec.fingerprint, /^[0-9a-f]{16}$/);
    if (SANCTIONS) {
      assert.equal(rec.entityId, finding.match!.entity.id);
      assert.match(rec.listVersion.sha256, /^[0-9a-f]{64}$/);
    }

    // No longer a problem in the editor (only a faint hint that says so), kept as suppressed with the decision.
    const shownNow = () => findingDiagnostics(api, uri).some((x) => x.finding.rule === RULE && x.finding.text === finding.text && x.severity !== vscode.DiagnosticSeverity.Hint);
    await waitDiags(uri, () => !shownNow());
    let review = await api.checker.reviewFor(editor.document);
    assert.ok(review!.review.suppressed.some((s) => s.suppression.kind === 'decision' && s.finding.text === finding.text));

    // An edit above it: the decision still applies.
    await editor.edit((b) => b.insert(new vscode.Position(1, 0), '\n> Draft 3 — circulated for signature.\n'));
    review = await api.checker.reviewFor(editor.document);
    assert.ok(review!.review.suppressed.some((s) => s.suppression.kind === 'decision' && s.finding.text === finding.text), 'still suppressed after the edit above');
    assert.ok(!shownNow(), 'still hidden after the edit above');

    // Change the matched text itself: the decision no longer applies and the finding returns, marked.
    const at = editor.document.getText().indexOf(finding.text);
    const range = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + finding.text.length));
    // Retyped in capitals: still the same listed name, but not the text the reviewer decided on.
    const changed = finding.text.toUpperCase();
    assert.notEqual(changed, finding.text);
    await editor.edit((b) => b.replace(range, changed));
    const back = await waitDiags(uri, (ds) => ds.some((x) => ruleOf(x) === RULE && /no longer applies because/.test(x.message)));
    const marked = back.find((x) => /no longer applies because/.test(x.message))!;
    assert.match(marked.message, /matched text changed from “/);
  });

  it('confirmed match: stays shown and says so; the hover source can read the decision', async () => {
    const editor = await openDoc(SAMPLE);
    const uri = editor.document.uri;
    const d = await findingDiagnostic(uri);
    await vscode.commands.executeCommand(MARK_CONFIRMED, uri, d.finding, 'Same studio: OFAC SDN entry, DPRK3.');
    const ds = await waitDiags(uri, (x) => x.some((y) => ruleOf(y) === RULE && /Confirmed match: Same studio/.test(y.message)));
    const fd = ds.find((y) => /Confirmed match/.test(y.message));
    const api = await services();
    const current = findingDiagnostics(api, uri).find((x) => /Confirmed match/.test(x.message))!;
    assert.ok(fd && current);
    assert.equal(api.decisionFor(current.finding)?.state, 'applies');
    assert.equal(api.decisionFor(current.finding)?.decision.verdict, 'confirmed-match');
    // The sanctions hover on the name shows the decision (the problem hover shows the diagnostic message above).
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, current.range.start)) ?? [];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    if (SANCTIONS) assert.match(text, /Reviewer decision: Confirmed match\*\* — Same studio/, text);
    // The entry's details travel from the check worker (read from the snapshot on demand).
    if (SANCTIONS) assert.match(text, /\*\*Addresses:\*\* Pyongyang,(&nbsp;| )Korea/, text);
  });

  it('a corrupt decisions file gives a clear error and is backed up before the next write', async () => {
    const editor = await openDoc(SAMPLE);
    const uri = editor.document.uri;
    const api = await services();
    const corrupt = '{ "version": 1, "decisions": [ { "id": "x", } ] ';
    await writeWorkspaceFile(DECISIONS(), corrupt);
    await api.decisions.loadAll();
    assert.match(api.decisions.problems().join('\n'), /decisions\.json is not valid JSON \(problem at line 1/);
    const d = await findingDiagnostic(uri);
    await vscode.commands.executeCommand(MARK_NOT_A_MATCH, uri, d.finding, 'Not the listed party.');
    const entries = await vscode.workspace.fs.readDirectory(workspaceFile('.clauseguard'));
    const backups = entries.map(([n]) => n).filter((n) => /^decisions\.json\.bak-\d{8}T\d{6}Z$/.test(n));
    assert.equal(backups.length, 1, `one backup: ${entries.map(([n]) => n).join(', ')}`);
    assert.equal(await readWorkspaceFile(workspaceFile(`.clauseguard/${backups[0]}`)), corrupt, 'the backup holds the old bytes');
    assert.equal(parseDecisionsFile(await readWorkspaceFile(DECISIONS())).decisions.length, 1);
  });
  afterEach(restoreSamples); // after the suite's own afterEach (editors closed first)
});
