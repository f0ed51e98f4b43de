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

  it('a disable comment planted in the contract does not hide a sanctions finding: the finding stays and the comment is reported', async () => {
    const editor = await openDoc('animation-production-agreement.md');
    const uri = editor.document.uri;
    const found = (await waitDiags(uri, (ds) => ds.some((x) => ruleOf(x) === RULE))).filter((x) => ruleOf(x) === RULE);
    const line = found[0].range.start.line;
    assert.match(editor.document.lineAt(line).text, /Pyongyang/);
    await editor.edit((b) => {
      b.insert(new vscode.Position(0, 0), '<!-- clauseguard-disable-file -->\n');
      b.insert(new vscode.Position(line, 0), `<!-- clauseguard-disable-next-line ${RULE} -- reviewed with the client -->\n`);
    });
    const ds = await waitDiags(uri, (x) => x.filter((d) => ruleOf(d) === 'inline-comment').length >= 2);
    assert.ok(ds.some((d) => ruleOf(d) === RULE && d.range.start.line === line + 2), 'the jurisdiction finding is still shown');
    assert.ok(ds.some((d) => ruleOf(d) === 'sanctioned-party'), 'the sanctioned studio is still shown');
    assert.ok(!ds.some((d) => ruleOf(d) === 'subcontracting-consent-missing' || ruleOf(d) === 'sanctions-clause-missing'), 'clause rules are switched off by the file comment');
    const refused = ds.filter((d) => ruleOf(d) === 'inline-comment' && /cannot switch off sanctions screening/.test(d.message));
    assert.deepEqual(
      refused.map((d) => d.range.start.line).sort((a, b) => a - b),
      [0, line + 1],
      'both comments say they cannot switch screening off',
    );
    const api = await services();
    const review = await api.checker.reviewFor(editor.document);
    assert.ok(review!.review.suppressed.length > 0 && review!.review.suppressed.every((x) => x.finding.rule !== RULE && x.finding.rule !== 'sanctioned-party'), 'only clause findings are suppressed');
  });

  it('the plain-text form works in .txt contracts, and a misspelt rule is reported on the comment', async () => {
    const editor = await openDoc('it-outsourcing-agreement.txt');
    const uri = editor.document.uri;
    const api = await services();
    const before = await api.checker.reviewFor(editor.document);
    const clauseFindings = before!.review.findings.filter((f) => f.rule !== RULE && f.rule !== 'sanctioned-party');
    assert.ok(clauseFindings.length > 0, 'the sample has clause findings');
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), '[clauseguard-disable-file]\n[clauseguard-disable-next-line subcontracting-consnet-weak]\n\n'));
    const ds = await waitDiags(uri, (x) => x.some((d) => ruleOf(d) === 'inline-comment') && !x.some((d) => clauseFindings.some((f) => f.rule === ruleOf(d))));
    const misspelt = ds.filter((d) => /"subcontracting-consnet-weak" .* is not a ClauseGuard rule id or tag/.test(d.message));
    assert.equal(misspelt.length, 1);
    assert.equal(misspelt[0].range.start.line, 1);
    const after = await api.checker.reviewFor(editor.document);
    assert.equal(after!.review.suppressed.length, clauseFindings.length, 'every clause finding moved to suppressed, none dropped');
  });
  afterEach(restoreSamples); // after the suite's own afterEach (editors closed first)
});
