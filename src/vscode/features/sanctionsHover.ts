import * as vscode from 'vscode';
import type { ExtensionServices } from '../extensionServices';
import { CONTRACT_SELECTOR } from './contractModel';
import { decisionHoverMarkdown } from './decisions';
import type { FindingMatch, ListEntity, ListInfo } from '../../core/index';

const REMARKS_MAX = 700;
const ADDRESSES_MAX = 5;

/** Hover on a name flagged by sanctioned-party: the list entry, the matched alias, the score and why. */
export function registerSanctionsHover(context: vscode.ExtensionContext, services: ExtensionServices): void {
  context.subscriptions.push(
    vscode.languages.registerHoverProvider(CONTRACT_SELECTOR, {
      async provideHover(doc, position) {
        const finding = services.checker
          .findingsAt(doc, new vscode.Range(position, position))
          .map((d) => d.finding)
          .find((f) => f.rule === 'sanctioned-party' && f.match);
        if (!finding?.match) return undefined;
        const entity = await services.entityById(finding.match.entity.id).catch(() => undefined);
        const list = services.lists.find((l) => l.id === finding.match!.entity.list);
        const others = (finding.data?.otherMatches as { id: string; name: string; primaryName: string; score: number }[] | undefined) ?? [];
        // The reviewer's decision on this match, if any, right below entry, score and why (the first screen).
        const decided = services.checker.findingsAt(doc, new vscode.Range(position, position)).find((d) => d.finding === finding)?.hidden;
        const decision = decisionHoverMarkdown(services.decisionFor(finding) ?? (decided?.kind === 'decision' ? { state: 'applies', decision: decided.decision } : undefined));
        const md = entryMarkdown(finding.match.entity, entity, list, finding.match, decision);
        if (others.length) {
          md.appendMarkdown('\n\n**Also resembles:** ');
          md.appendText(others.map((o) => `${o.primaryName} (${o.id}, ${Math.round(o.score * 100)})`).join('; '));
        }
        const r = finding.range;
        return new vscode.Hover(md, new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character));
      },
    }),
  );
}

/**
 * The list entry in Markdown (list text is inserted as plain text, never as Markdown). Shared with the
 * Search Sanctions Lists command.
 */
export function entryMarkdown(
  head: FindingMatch['entity'],
  entity: ListEntity | undefined,
  list: ListInfo | undefined,
  match?: { score: number; name: string; explanation?: string },
  decision?: vscode.MarkdownString,
): vscode.MarkdownString {
  const md = new vscode.MarkdownString();
  const line = (label: string, text: string | undefined) => {
    if (!text) return;
    md.appendMarkdown(`**${label}:** `);
    md.appendText(text);
    md.appendMarkdown('  \n');
  };
  md.appendMarkdown('**Sanctions list entry:** ');
  md.appendText(head.primaryName);
  md.appendMarkdown('\n\n');
  // First screen: entry, score, why (and the reviewer's decision); the list's details follow.
  if (match) {
    line('Score', `${Math.round(match.score * 100)}/100`);
    if (match.name !== head.primaryName) line('Matched alias', match.name);
    if (match.explanation) line('Why', match.explanation);
  }
  if (decision) md.appendMarkdown(`\n${decision.value}\n\n---\n\n`);
  line('List', list ? `${list.name} — list date ${list.date}, ${list.entries.toLocaleString('en')} entries, sha256 ${list.sha256.slice(0, 12)}…` : head.list);
  line('Entry id', head.id);
  line('Program', head.programs.join(', ') || 'not given');
  line('Type', head.type);
  if (entity) {
    const strong = entity.aliases.filter((a) => a.quality === 'strong').map((a) => a.name);
    const weak = entity.aliases.filter((a) => a.quality === 'weak').map((a) => a.name);
    if (strong.length) line('Aliases', strong.slice(0, 8).join('; ') + (strong.length > 8 ? ` (+${strong.length - 8})` : ''));
    if (weak.length) line('Weak aliases (not screened)', weak.slice(0, 5).join('; '));
    if (entity.addresses.length) line('Addresses', entity.addresses.slice(0, ADDRESSES_MAX).join(' | ') + (entity.addresses.length > ADDRESSES_MAX ? ` (+${entity.addresses.length - ADDRESSES_MAX} more)` : ''));
    if (entity.identifiers.length) line('Identifiers', entity.identifiers.slice(0, 5).join('; '));
    line('Listed on', entity.listedOn);
    if (entity.remarks) line('Remarks', entity.remarks.length > REMARKS_MAX ? entity.remarks.slice(0, REMARKS_MAX) + '…' : entity.remarks);
  }
  return md;
}
