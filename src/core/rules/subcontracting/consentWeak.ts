import type { ContractModel } from '../../model/types';
import type { Rule } from '../rule';
import { analyseSubcontracting, type SubcontractingAnalysis, type SubcontractingHit } from './analyse';
import { clauseFix, partyData, type WordEdit } from '../support/clauseFix';
import { capitalise, partyForms, verb, type PartyForms } from '../support/partyForms';
import { sectionOf } from '../support/sections';
import { SUBCONTRACTING_WEAK_EXAMPLES } from './examples';

export const SUBCONTRACTING_WEAK_ID = 'subcontracting-consent-weak';

/** What a strong clause has; data.missing lists the keys that are absent. */
export type WeakGap = 'permitted-elsewhere' | 'general-authorisation' | 'prior' | 'written' | 'assignment-only' | 'personnel-only' | 'affiliates' | 'staffing-agencies' | 'lower-tiers' | 'liability' | 'flow-down';

export const subcontractingConsentWeak: Rule = {
  id: SUBCONTRACTING_WEAK_ID,
  title: 'Weak subcontracting-consent clause',
  description:
    'Reports a subcontracting restriction that lacks what a reviewing lawyer expects: consent that is prior, written and specific (a DPA’s general authorisation to add sub-processors on notice is not); a bar on subcontracting itself, not only on assigning obligations or replacing key personnel; no carve-out for affiliates, staffing agencies or lower tiers; a statement that the supplier stays liable for its subcontractors; and a flow-down of obligations to them.',
  rationale:
    'In the 2024 animation case the producer’s contract did require consent, yet work still reached a sanctioned studio through vendors’ own subcontractors. OFAC’s Framework for Compliance Commitments (2019) notes violations that happened "despite … contractual language expressly prohibiting any such dealings": a clause needs the terms around it. Consent given orally or after the fact, carve-outs for affiliates and staffing agencies (the DPRK IT-worker guidance warns against leaving checks to staffing agencies), and the absence of flow-down and continuing liability each leave a route around the restriction. A clause that lets the supplier subcontract freely or on notice only is not a restriction at all and is reported by `subcontracting-consent-missing`.',
  defaultSeverity: 'warning',
  tags: ['subcontracting'],
  examples: SUBCONTRACTING_WEAK_EXAMPLES,
  check({ model }) {
    const a = analyseSubcontracting(model);
    const best = a.best;
    if (!best) return [];
    const missing = weakGaps(a, best);
    const freeWhere = a.freeElsewhere ? sectionOf(model, a.freeElsewhere.sentence.clauseId) : '';
    if (!missing.length) return [];
    const who = partyForms(a.performer.performer, 'the supplier');
    const where = capitalise(sectionOf(model, best.sentence.clauseId));
    const edits = wordEdits(model, best, missing);
    const structural = missing.some((m) => m === 'permitted-elsewhere' || m === 'general-authorisation' || m === 'assignment-only' || m === 'personnel-only' || m === 'affiliates' || m === 'staffing-agencies' || m === 'lower-tiers');
    const onlyTail = missing.every((m) => m === 'liability' || m === 'flow-down' || ((m === 'prior' || m === 'written') && edits.length > 0));
    const clauseIds = structural || !onlyTail ? ['subcontracting-consent-strict', 'subcontracting-approved-schedule'] : ['subcontracting-flow-down-liability', 'subcontracting-consent-strict'];
    const anchorClause = best.sentence.clauseId ? model.clauseById(best.sentence.clauseId) : undefined;
    return [
      {
        span: best.sentence.span,
        message: `${where} restricts subcontracting but is weak: ${missing.map((m) => describe(m, who, freeWhere)).join('; ')}. Add the missing terms.`,
        data: {
          ...partyData(a.performer),
          missing,
          decidingSentence: best.sentence.text,
          fix: clauseFix(model, clauseIds, anchorClause, a.performer, edits),
        },
      },
    ];
  },
};

export function weakGaps(a: SubcontractingAnalysis, best: SubcontractingHit): WeakGap[] {
  const out: WeakGap[] = [];
  if (a.freeElsewhere) out.push('permitted-elsewhere');
  if (best.general) out.push('general-authorisation');
  if (best.consent && !best.consent.prior) out.push('prior');
  if (best.consent && !best.consent.written) out.push('written');
  if (best.action === 'assign-obligations') out.push('assignment-only');
  if (best.action === 'personnel') out.push('personnel-only');
  for (const g of best.gaps) out.push(g === 'affiliates' ? 'affiliates' : g === 'staffing agencies' ? 'staffing-agencies' : 'lower-tiers');
  if (!a.liability) out.push('liability');
  if (!a.flowDown) out.push('flow-down');
  return out;
}

function describe(gap: WeakGap, who: PartyForms, freeWhere: string): string {
  switch (gap) {
    case 'permitted-elsewhere':
      return `${freeWhere} still lets ${who.object} subcontract without consent or on notice only`;
    case 'general-authorisation':
      return 'sub-processors may be added under a general authorisation, with notice and a right to object, instead of specific prior written consent to each one';
    case 'personnel-only':
      return 'it only restricts replacing key personnel, not subcontracting the work';
    case 'prior':
      return 'consent is not required in advance ("prior")';
    case 'written':
      return 'consent is not required in writing';
    case 'assignment-only':
      return 'it only bars assigning obligations, not subcontracting or having others perform the work';
    case 'affiliates':
      return 'work may go to affiliates without consent';
    case 'staffing-agencies':
      return 'staffing agencies or individual contractors are carved out';
    case 'lower-tiers':
      return 'lower-tier subcontractors are carved out';
    case 'liability':
      return `nothing says ${who.subject} ${verb(who, 'stays', 'stay')} liable for ${who.its} subcontractors`;
    case 'flow-down':
      return `nothing requires ${who.object} to flow ${who.its} obligations down to subcontractors in writing`;
  }
}

/** "consent" → "prior written consent" in place, when the clause names consent or approval as a noun. */
function wordEdits(model: ContractModel, best: SubcontractingHit, missing: WeakGap[]): WordEdit[] {
  const wantPrior = missing.includes('prior');
  const wantWritten = missing.includes('written');
  if (!wantPrior && !wantWritten) return [];
  const src = model.doc.text.slice(best.sentence.span.start, best.sentence.span.end);
  const m = /\b(?:(written|express)\s+)?(consent|approval|authori[sz]ation|permission)\b/i.exec(src);
  if (!m) return [];
  const upper = m[2] === m[2].toUpperCase();
  const words = [wantPrior ? 'prior' : '', wantWritten && !m[1] ? 'written' : ''].filter(Boolean).join(' ');
  if (!words) return [];
  const at = best.sentence.span.start + m.index;
  const insert = (upper ? words.toUpperCase() : words) + ' ';
  return [{ offset: at, insert, label: `Add “${words}” before “${m[1] ?? m[2]}”` }];
}
