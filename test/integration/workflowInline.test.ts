import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAll, openDoc, ruleOf } from './helpers';
import { services, waitDiags, restoreSamples } from './workflowHelpers';

// A rule whose findings sit on a word ("Pyongyang"), so the comment above cannot move them.
const RULE = 'sanctioned-jurisdiction';

describe('workflow: inline control comments', () => {
  before(restoreSamples);
  before(services);
  afterEach(closeAll);

  it('a disable-next-line comment above the finding hides it in the editor and keeps it as suppressed', async () => {
    const editor = await openDoc('animation-production-agreement.md');
    const uri = editor.document.uri;
    const found = (await waitDiags(uri, (ds) => ds.some((x) => ruleOf(x) === RULE))).filter((x) => ruleOf(x) === RULE);
    const [d] = found;
    const line = d.range.start.line;
    const onLine = found.filter((x) => x.range.start.line === line).length;
    assert.match(editor.document.lineAt(line).text, /Pyongyang/);
    await editor.edit((b) => b.insert(new vscode.Position(line, 0), `<!-- clauseguard-disable-next-line ${RULE} -- reviewed with the client -->\n`));
    await waitDiags(uri, (ds) => !ds.some((x) => ruleOf(x) === RULE));
    const api = await services();
    const review = await api.checker.reviewFor(editor.document);
    const s = review!.review.suppressed.find((x) => x.finding.rule === RULE);
    assert.equal(review!.review.suppressed.filter((x) => x.finding.rule === RULE).length, onLine, 'every finding of the rule on that line is kept as suppressed');
    assert.ok(s, 'the finding is kept as suppressed');
    assert.equal(s.suppression.kind, 'inline');
    assert.equal(s.suppression.kind === 'inline' && s.suppression.reason, 'reviewed with the client');
    assert.equal(s.suppression.kind === 'inline' && s.suppression.line, line);
  });

  it('the plain-text form works in .txt contracts, and a misspelt rule is reported on the comment', async () => {
    const editor = await openDoc('it-outsourcing-agreement.txt');
    const uri = editor.document.uri;
    const api = await services();
    const before = await api.checker.reviewFor(editor.document);
    assert.ok(before && before.review.findings.length > 0, 'the sample has findings');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '[clauseguard-disable-file]\n[clauseguard-disable-next-line subcontracting-consnet-weak]\n\n'));
    const ds = await waitDiags(uri, (x) => x.some((d) => ruleOf(d) === 'inline-comment') && x.every((d) => ruleOf(d) === 'inline-comment'));
    assert.equal(ds.length, 1);
    assert.equal(ds[0].range.start.line, 1);
    assert.match(ds[0].message, /"subcontracting-consnet-weak" .* is not a ClauseGuard rule id or tag/);
    const after = await api.checker.reviewFor(editor.document);
    assert.equal(after!.review.suppressed.length, before!.review.findings.length, 'every finding moved to suppressed, none dropped');
  });
  afterEach(restoreSamples); // after the suite's own afterEach (editors closed first)
});
