import * as vscode from 'vscode';
import { disableFileComment } from '../../core/index';
import { FindingDiagnostic } from '../checker';
import type { ExtensionServices } from '../extensionServices';

/** Rules whose findings carry clause-insertion data (finding.data.fix). */
export const CLAUSE_RULES = new Set(['subcontracting-consent-missing', 'subcontracting-consent-weak', 'sanctions-clause-missing', 'sanctions-clause-weak']);
export const SHOW_RULE_DOCS = 'clauseguard.showRuleDocumentation';

/**
 * Quick fixes for the clause rules: insert the library clause (a snippet: tab through the party names
 * and blanks), add missing words to a weak clause, open the rule's documentation, or disable the rule
 * for the file with an inline comment (syntax from src/core/review/inlineDirectives.ts). Every fix only inserts
 * text; nothing else in the contract changes.
 */
export function registerClauseQuickFixes(context: vscode.ExtensionContext, services: ExtensionServices): void {
  const provider: vscode.CodeActionProvider = {
    async provideCodeActions(doc, _range, ctx) {
      const mine = ctx.diagnostics.filter((d): d is FindingDiagnostic => d instanceof FindingDiagnostic && CLAUSE_RULES.has(d.finding.rule));
      if (!mine.length) return [];
      // Offsets in the finding belong to the checked version; never apply them to a newer text.
      const review = services.checker.reviewOf(doc.uri);
      const current = !review || review.version === doc.version;
      const reviewer = await services.reviewerFor(doc.uri);
      const actions: vscode.CodeAction[] = [];
      for (const d of mine) {
        if (current) {
          for (const fix of reviewer.fixes(d.finding)) {
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
        const rule = d.finding.rule;
        const docs = new vscode.CodeAction(`Show documentation for ${rule}`, vscode.CodeActionKind.QuickFix);
        docs.diagnostics = [d];
        docs.command = { command: SHOW_RULE_DOCS, title: docs.title, arguments: [rule] };
        actions.push(docs);
        const disable = new vscode.CodeAction(`Disable ${rule} for this file`, vscode.CodeActionKind.QuickFix);
        disable.diagnostics = [d];
        disable.edit = new vscode.WorkspaceEdit();
        const { offset, text } = disableFileComment(doc.getText(), doc.languageId === 'markdown' || /\.(md|markdown)$/i.test(doc.uri.path), rule);
        disable.edit.insert(doc.uri, doc.positionAt(offset), text);
        actions.push(disable);
      }
      return actions;
    },
  };
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider([{ language: 'markdown' }, { language: 'plaintext' }, { language: 'contract' }, { language: 'contract-markdown' }], provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
    vscode.commands.registerCommand(SHOW_RULE_DOCS, async (rule: string) => {
      if (typeof rule !== 'string' || !/^[a-z-]+$/.test(rule)) return;
      const uri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule}.md`);
      try {
        await vscode.workspace.fs.stat(uri);
      } catch {
        return void vscode.window.showWarningMessage(`ClauseGuard has no documentation page for ${rule}.`);
      }
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    }),
  );
}
