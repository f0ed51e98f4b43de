import { createSourceDocument } from '../document/sourceDocument';
import { buildContractModel } from '../model/buildModel';
import type { Span } from '../document/positions';
import type { ContractModel } from '../model/types';
import { analyseSanctions } from '../rules/sanctionsClause/analyse';
import { analyseSubcontracting } from '../rules/subcontracting/analyse';
import type { Finding } from '../types';
import { consentSentences, upstreamMentions } from './mentions';
import { legalFormOf, partyKey } from './partyKey';
import type { ContractFacts, FactParty, SanctionedPlace, ScreenedName, SubcontractingStatus } from './types';

/** What contractFacts reads from a check: the model and the findings (a CheckResult has both). */
export interface CheckedForChain {
  model: ContractModel;
  findings: readonly Finding[];
}

/**
 * The one place where the chain reads a checked contract: parties and roles from the model, the
 * subcontracting and sanctions-clause verdicts from the analyses the rules already made for this model
 * (memoised per model, so nothing runs twice), and screening matches and sanctioned places from the
 * findings. When the review pipeline changes, only this function changes.
 */
export function contractFacts(contract: string, { model, findings }: CheckedForChain): ContractFacts {
  const lines = model.doc.lines;
  const range = (span: Span) => lines.rangeOf(span);
  const anchor = range(model.title?.span ?? firstLine(model.doc.text));
  const sub = analyseSubcontracting(model);
  const performerLabel = sub.performer.performer?.label;
  const customerLabel = sub.performer.counterparty?.label;

  const parties: FactParty[] = [];
  for (const p of model.parties) {
    const key = partyKey(p.name);
    if (!key || parties.some((q) => q.key === key)) continue;
    const label = (p.role ?? p.name).trim();
    const side = label === performerLabel ? 'performer' : label === customerLabel ? 'customer' : 'other';
    parties.push({ name: p.name.trim(), key, form: legalFormOf(p.name), ...(p.role ? { role: p.role } : {}), side, range: range(p.nameSpan) });
  }
  // Two parties and one of them known: the other is the customer (or the performer).
  if (parties.length === 2) {
    const [a, b] = parties;
    if (a.side === 'other' && b.side !== 'other') a.side = b.side === 'performer' ? 'customer' : 'performer';
    if (b.side === 'other' && a.side !== 'other') b.side = a.side === 'performer' ? 'customer' : 'performer';
  }

  const subFinding = findings.find((f) => f.rule === 'subcontracting-consent-missing') ?? findings.find((f) => f.rule === 'subcontracting-consent-weak');
  let subcontracting: SubcontractingStatus;
  if (sub.restrictions.length) subcontracting = sub.freeElsewhere || findings.some((f) => f.rule === 'subcontracting-consent-weak') ? 'weak' : 'consent-required';
  else subcontracting = sub.hits.some((h) => (h.kind === 'permission' || h.kind === 'notice-only') && h.bound !== 'counterparty') ? 'permitted' : 'missing';
  const subSpan = sub.best?.sentence.span ?? subFinding?.span;

  const sanctions = analyseSanctions(model);
  const sanctionsFinding = findings.find((f) => f.rule === 'sanctions-clause-missing');
  const sanctionsSpan = sanctions.first?.span ?? sanctions.sentences[0]?.span ?? sanctionsFinding?.span;

  const screened: ScreenedName[] = [];
  const places: SanctionedPlace[] = [];
  for (const f of findings) {
    if (f.rule === 'sanctioned-party' && f.match) {
      const key = partyKey(f.text) ?? f.text.toLowerCase();
      const { id, list, primaryName, type, programs } = f.match.entity;
      screened.push({ text: f.text.replace(/\s+/g, ' ').trim(), key, severity: f.severity, score: f.match.score, entity: { id, list, primaryName, type, programs: [...programs] }, listedName: f.match.name, range: f.range });
    } else if (f.rule === 'sanctioned-jurisdiction') {
      places.push({ text: f.text.replace(/\s+/g, ' ').trim(), label: String(f.data?.label ?? f.text), severity: f.severity, range: f.range });
    }
  }

  return {
    contract,
    ...(model.title ? { title: model.title.text } : {}),
    anchor,
    parties,
    subcontracting,
    subcontractingRange: subSpan ? range(subSpan) : anchor,
    flowDownClause: Boolean(sub.flowDown),
    sanctionsClause: sanctions.sentences.length === 0 ? 'missing' : sanctions.missing.length ? 'partial' : 'complete',
    sanctionsRange: sanctionsSpan ? range(sanctionsSpan) : anchor,
    screened,
    places,
    upstream: upstreamMentions(model),
    consents: consentSentences(model),
  };
}

function firstLine(text: string): Span {
  const start = Math.max(0, text.search(/\S/));
  const end = text.indexOf('\n', start);
  return { start, end: end < 0 ? text.length : end };
}

/**
 * For callers whose check ran on another thread and kept only the text and findings (the CLI's
 * CheckedContract): rebuilds the model from the same text, so the findings' spans still apply.
 */
export function contractFactsFromText(contract: string, text: string, findings: readonly Finding[]): ContractFacts {
  return contractFacts(contract, { model: buildContractModel(createSourceDocument(contract, text)), findings });
}
