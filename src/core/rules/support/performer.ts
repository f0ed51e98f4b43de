import type { ContractModel } from '../../model/types';
import { lowerCasedPlain, sameLengthLowerCase } from './lowerCase';
import { perModel } from './perModel';
import { regExpFor } from './regexCache';
import { NOT_A_PARTY_ROLE } from '../../model/parties';

/** A contracting party as the rules refer to it: its defined role ("Studio") and how the text uses it. */
export interface PartyLabel {
  /** The defined role or short name used in the operative clauses: "Studio", "Provider". */
  label: string;
  /** Legal name when the model knows it. */
  name?: string;
  /** How the contract refers to it in running text: "the Studio" or "Studio". */
  reference: string;
}

export interface PerformerResult {
  performer?: PartyLabel;
  /** The party that receives the work (whose consent matters). */
  counterparty?: PartyLabel;
  parties: PartyLabel[];
  /** Why this party was chosen, for the finding data and the accuracy report. */
  reason: string;
  /** Online terms written to "you" by "we": a restriction on "you" binds the customer. */
  onlineTerms?: boolean;
  /** The operative sentence that shows the performer supplies the work ("The Studio shall produce …"), for the hover. */
  evidence?: string;
}

// Role words that by themselves say who supplies and who receives. Used as a prior, never alone when
// the operative clauses say otherwise.
const SUPPLIER_ROLE =
  /(?:^|\s)(?:supplier|service provider|provider|contractor|consultant|vendor|studio|manufacturer|developer|seller|distributor|agent|licensor|operator|servicer|company contractor|host|outsourcer|subcontractor|maintenance provider|producer of services|designer|artist|animator|cmo|manager|administrator|agency|processor)$/i;
const CUSTOMER_ROLE = /(?:^|\s)(?:customer|client|producer|buyer|purchaser|recipient|owner|licensee|principal|company|employer|user|controller|covered entity|sponsor|member)$/i;

const NOT_A_PARTY =
  /^(?:agreement|this agreement|effective date|parties|party|services|products?|work|deliverables?|term|territory|schedule|exhibit|confidential information|sow|statement of work|fees|specifications?|affiliates?|notes|exhibit [a-z]|commencement date|change orders?|key terms|standard terms|order form|plan|program|project|software|documentation|data|personal data|materials|intellectual property|field|launch date|closing date|effective time|purchase orders?|exw|fob|cif|ddp|incoterms|forecast|price|prices|quality agreement|specification|region|site|facility|equipment|system|contract|master agreement|rfi|rfp|po|rfq)$/i;

const THING_NAME = /\b(?:services|products|software|deliverables|agreement|schedule|exhibit|materials|fees|payments?)$/i;
const LEGAL_FORM = /\b(?:inc|llc|l\.l\.c|ltd|limited|corp|corporation|company|co|gmbh|ag|plc|lp|llp|s\.a|n\.v|b\.v|pty)\b\.?$/i;

const PERFORM_VERB =
  '(?:provide|perform|render|deliver|supply|manufacture|produce|develop|furnish|host|maintain|design|build|install|sell|create|animate|operate|administer|process|support|make available|conduct|carry out|fabricate|assemble|package|ship|service)';

/** Finds the parties' labels: the model's parties when it has them, else defined terms in the preamble. */
export function partyLabels(model: ContractModel): PartyLabel[] {
  const text = model.plain.text;
  const raw: { label: string; name?: string }[] = [];
  for (const p of model.parties) {
    const role = p.role && !NOT_A_PARTY.test(p.role.trim()) && !NOT_A_PARTY_ROLE.test(p.role.trim()) ? p.role : undefined;
    // "Reseller. 1." (a name run into the next clause number) is written "Reseller".
    const label = (role ?? p.name).trim().replace(/(?:[\s.,;:]+\d{0,3}[.)]?)+$/, '');
    // A name that ends in a thing ("End-User Customer Services") and has no legal form is not a party.
    if (!role && THING_NAME.test(label) && !LEGAL_FORM.test(label)) continue;
    if (label && !raw.some((r) => r.label === label)) raw.push({ label, name: p.name });
  }
  if (raw.length < 2) {
    // Fallback while the model has no parties: quoted defined terms in the opening of the contract.
    // Defined terms right after a legal name ("Acme Ltd. (the "Studio")") in the opening pages; tables of
    // contents come first in many filings, so look further than the first lines.
    const head = text.slice(0, 20000);
    const re = /\(\s*(?:each\s+(?:and\s+both\s+)?of\s+them\s+|collectively\s+|individually\s+|hereinafter\s+(?:referred\s+to\s+as\s+)?|herein\s+|referred\s+to\s+(?:herein\s+)?as\s+|the\s+|as\s+)*["“”']{1,2}\s*([A-Z][A-Za-z0-9&.\-’' ]{1,40}?)\s*["“”']{1,2}/g;
    const ENTITY = /\b(?:Inc|LLC|L\.L\.C|Ltd|Limited|Corp|Corporation|Company|Co|S\.p\.A|SpA|S\.A|GmbH|AG|plc|PLC|LP|L\.P|N\.V|B\.V|AB|Pty|Bank|University|Trust|corporation|company|partnership|organi[sz]ed|incorporated|residing|individual)\b|\bbetween\b|\band\b/;
    for (const m of head.matchAll(re)) {
      const label = m[1].trim().replace(/[.,]$/, '');
      if (NOT_A_PARTY.test(label) || NOT_A_PARTY_ROLE.test(label) || raw.some((r) => r.label.toLowerCase() === label.toLowerCase())) continue;
      const before = head.slice(Math.max(0, (m.index ?? 0) - 300), m.index);
      if (!ENTITY.test(before) || /\bmeans\b|\bshall\s+mean\b/i.test(before.slice(-120))) continue;
      raw.push({ label });
      if (raw.length >= 4) break;
    }
    // Markdown standard forms (Common Paper) have no preamble: fall back to role words that recur.
    if (raw.length < 2) {
      for (const role of ['Provider', 'Customer', 'Supplier', 'Contractor', 'Consultant', 'Vendor', 'Studio', 'Producer', 'Client', 'Company', 'Developer', 'Partner', 'Sponsor', 'Licensor', 'Licensee']) {
        if (raw.some((r) => r.label === role)) continue;
        const count = countWord(text, role);
        if (count >= 3) raw.push({ label: role });
      }
    }
  }
  // Online terms: "we/us" provide the service to "you".
  const count = (words: string[]) => words.reduce((n, w) => n + countWord(text, w) + countWord(text, w[0].toUpperCase() + w.slice(1)), 0);
  if (raw.length === 0 && count(['you', 'your']) >= 10 && count(['we', 'us', 'our']) >= 5) {
    return [
      { label: 'We', reference: 'we' },
      { label: 'You', reference: 'you' },
    ];
  }
  return raw.map((r) => ({ ...r, reference: referenceStyle(text, r.label) }));
}

/** "the Studio" when the contract mostly writes it with the article, else the bare label. */
function referenceStyle(text: string, label: string): string {
  // One pass over the label's uses: "the X", "X" inside defining quotes (ignored) or bare "X".
  let withThe = 0;
  let bare = 0;
  for (const m of text.matchAll(new RegExp(`\\b${escapeRe(label)}\\b`, 'g'))) {
    const before = text.slice(Math.max(0, (m.index ?? 0) - 6), m.index);
    if (/\b[Tt]he\s+["“]?$/.test(before)) withThe++;
    else if (!/["“']$/.test(before)) bare++;
  }
  return withThe >= bare && withThe > 0 ? `the ${label}` : label;
}

function countWord(text: string, word: string): number {
  return (text.match(new RegExp(`\\b${escapeRe(word)}\\b`, 'g')) ?? []).length;
}

/**
 * What text.match(/\b<label><rest>/gi) finds, but the regular expression is only tried where the label
 * occurs: a case-insensitive pattern scanned over a whole contract costs far more than a string search.
 * Exact for ASCII labels (a case-insensitive match never pairs an ASCII letter with a non-ASCII one).
 * `lowerText` is the text's sameLengthLowerCase (rules pass the model's, made once).
 */
export function matchesAfterLabel(text: string, label: string, rest: string, lowerText = sameLengthLowerCase(text)): string[] {
  const lower = label && !/[^\x00-\x7f]/.test(label) ? lowerText : undefined;
  if (lower === undefined) return text.match(new RegExp(`\\b${escapeRe(label)}${rest}`, 'gi')) ?? [];
  // The part after the label is one expression for every label and contract (compiling it is the cost).
  const after = regExpFor(rest, 'iy');
  const needle = label.toLowerCase();
  const labelIsWord = isWordChar(needle.charCodeAt(0));
  const out: string[] = [];
  for (let at = lower.indexOf(needle); at >= 0; ) {
    let end = -1;
    // \b before the label.
    if (at === 0 ? labelIsWord : isWordChar(text.charCodeAt(at - 1)) !== labelIsWord) {
      after.lastIndex = at + needle.length;
      const m = after.exec(text);
      if (m) end = at + needle.length + m[0].length;
    }
    if (end >= 0) out.push(text.slice(at, end));
    at = lower.indexOf(needle, end >= 0 ? end : at + 1);
  }
  return out;
}

/** \w of a regular expression without the u flag. */
function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** findPerformer, computed once per model and shared by every clause rule. */
export const performerOf = perModel((model: ContractModel) => findPerformer(model));

/** Decides which party supplies the services or goods: operative "X shall provide …" clauses, then role words. */
export function findPerformer(model: ContractModel): PerformerResult {
  const r = findPerformerByRoles(model);
  const text = model.plain.text;
  const you = (text.match(/\b[Yy]our?\b/g) ?? []).length;
  if (r.performer?.label === 'We') return { ...r, onlineTerms: true };
  if (you < 10) return r;
  const we = (text.match(/\b(?:[Ww]e|[Uu]s|[Oo]ur)\b/g) ?? []).length;
  return we >= 5 ? { ...r, onlineTerms: true } : r;
}

function findPerformerByRoles(model: ContractModel): PerformerResult {
  const parties = partyLabels(model);
  if (parties.length === 0) return { parties, reason: 'no parties identified' };
  const text = model.plain.text;
  if (parties.length === 2 && parties[0].label === 'We' && parties[1].label === 'You') {
    return { performer: parties[0], counterparty: parties[1], parties, reason: 'online terms: "we" provide the service to "you"' };
  }
  const scored = parties.map((p) => {
    const operative = matchesAfterLabel(text, p.label, `(?:\\s+(?:and|or|and\\/or)\\s+(?:its|their)\\s+\\w+)?\\s+(?:shall|will|agrees\\s+to|must|hereby\\s+agrees\\s+to|undertakes\\s+to)\\s+(?:\\w+\\s+){0,3}?${PERFORM_VERB}\\w*(?:\\s+[^\\s.;]+){0,4}`, lowerCasedPlain(model));
    // "shall provide notice / forecasts / payment" is not supplying the work.
    const supplying = operative.filter((m) => !/\b(?:notice|notif\w*|forecasts?|information|copy|copies|reports?|payment|access|assistance|cooperat\w*|comments|feedback|data|purchase\s+orders?|written)\b/i.test(m));
    const verbs = supplying.length;
    const role = SUPPLIER_ROLE.test(p.label) ? 3 : CUSTOMER_ROLE.test(p.label) ? -3 : 0;
    return { p, verbs, role, score: verbs + role, first: supplying[0] };
  });
  scored.sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (best.score <= 0) return { parties, reason: 'no party is clearly the one performing' };
  const counter = scored.slice(1).sort((a, b) => a.role - b.role || a.score - b.score)[0];
  const reason =
    best.verbs > 0
      ? `${best.p.label} ${best.verbs === 1 ? 'has 1 operative clause' : `has ${best.verbs} operative clauses`} providing the work${best.role > 0 ? ' and a supplier role' : ''}`
      : `${best.p.label} is a supplier role`;
  return { performer: best.p, counterparty: counter?.p, parties, reason, ...(best.first ? { evidence: evidenceSentence(model, best.first) } : {}) };
}

/** The whole sentence around an operative match ("The Studio shall produce …"), as the model splits it. */
function evidenceSentence(model: ContractModel, match: string): string {
  const folded = match.replace(/\s+/g, ' ').trim();
  return model.sentences.find((s) => s.text.includes(folded))?.text ?? folded;
}
