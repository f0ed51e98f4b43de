import * as vscode from 'vscode';
import { hardWrapWidth, wrapLines } from '../../core/index';
import { FindingDiagnostic } from '../checker';
import type { ExtensionServices } from '../extensionServices';

/** Rules whose findings carry clause-insertion data (finding.data.fix). */
export const CLAUSE_RULES = new Set(['subcontracting-consent-missing', 'subcontracting-consent-weak', 'sanctions-clause-missing', 'sanctions-clause-weak']);

/**
 * Quick fixes for the clause rules: insert the library clause (a snippet: tab through the blanks the
 * reviewer fills in) or add missing words to a weak clause. Every fix only inserts text; nothing else in
 * the contract changes. The actions every finding has (documentation, dismiss, disable) are in
 * findingActions.ts.
 */
export function registerClauseQuickFixes(context: vscode.ExtensionContext, services: ExtensionServices): void {
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(doc, _range, ctx) {
      const mine = ctx.diagnostics.filter((d): d is FindingDiagnostic => d instanceof FindingDiagnostic && !d.hidden && CLAUSE_RULES.has(d.finding.rule));
      if (!mine.length) return [];
      // Offsets in the finding belong to the checked version; never apply them to a newer text.
      const review = services.checker.reviewOf(doc.uri);
      const current = !review || review.version === doc.version;
      const reviewer = await services.reviewerFor(doc.uri);
      const actions: vscode.CodeAction[] = [];
      // A hard-wrapped document gets its inserted clause wrapped at the same width.
      const text = doc.getText();
      const width = hardWrapWidth(text);
      const eol = doc.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n';
      const wrap = (s: string, snippet = false) => (width ? wrapLines(s, width, eol, snippet) : s);
      for (const d of mine) {
        if (current) {
          for (const found of reviewer.fixes(d.finding)) {
            const fix = found.kind === 'insert-clause' ? { ...found, text: wrap(found.text), snippet: found.snippet && wrap(found.snippet, true) } : found;
            const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
            a.diagnostics = [d];
            a.isPreferred = fix.preferred;
            const edit = new vscode.WorkspaceEdit();
            const at = doc.positionAt(fix.offset);
            const extra = (fix.alsoInsert ?? []).map((e) => vscode.TextEdit.insert(doc.positionAt(e.offset), e.text));
            if (fix.snippet) edit.set(doc.uri, [new vscode.SnippetTextEdit(new vscode.Range(at, at), new vscode.SnippetString(fix.snippet)), ...extra]);
            else edit.set(doc.uri, [vscode.TextEdit.insert(at, fix.text), ...extra]);
            a.edit = edit;
            actions.push(a);
          }
        }
      }
      return actions;
    },
  };
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider([{ language: 'markdown' }, { language: 'plaintext' }, { language: 'contract' }, { language: 'contract-markdown' }], provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
}
