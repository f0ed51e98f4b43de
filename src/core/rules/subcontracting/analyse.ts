import type { ContractModel, Sentence } from '../../model/types';
import { perModel } from '../support/perModel';
import { regExpFor } from '../support/regexCache';
import { sentencesMatching } from '../support/sentenceIndex';
import { escapeRe, performerOf, type PartyLabel, type PerformerResult } from '../support/performer';
import {
  ACTIONS,
  ACTION_LOOKALIKES,
  ASSIGN,
  CONSENT_LOOKALIKES,
  DEFINITION,
  SUBCONTRACTOR_CONSENT_LINK,
  CARVE_OUTS,
  CONSENT,
  CONSENT_CONDITION,
  FLOW_DOWN,
  GENERAL_AUTHORISATION,
  LIABILITY,
  MAY,
  MAY_WITHOUT,
  MUTUAL_SUBJECT,
  NOTICE,
  PERFORMANCE_OBJECT,
  PERMISSION_CANCEL,
  PRIOR,
  PROHIBITION,
  SUBCONTRACTOR_MENTION,
  SUCCESSOR_SCOPE,
  WRITTEN,
  type ActionKind,
  type CarveOut,
} from './phrases';

export type HitKind = 'restriction' | 'permission' | 'carve-out' | 'notice-only';
export type Bound = 'mutual' | 'performer' | 'counterparty' | 'unknown';

/** One statement about subcontracting found in a sentence. */
export interface SubcontractingHit {
  kind: HitKind;
  sentence: Sentence;
  /** The part of the sentence text that decided ("; provided that …" parts are separate). */
  segment: string;
  action: ActionKind;
  /** A ban with no consent route ("shall not subcontract"). */
  absolute: boolean;
  consent?: { prior: boolean; written: boolean };
  bound: Bound;
  gaps: CarveOut[];
  /** Only the noun "subcontractor(s)" with an approval ("approved subcontractors"): weaker evidence. */
  nounOnly?: boolean;
  /** "Notwithstanding any other provision …": carve-outs elsewhere do not cut into it. */
  overrides?: boolean;
  /** A general authorisation to add sub-processors on notice (GDPR Art. 28(2)), not consent to each. */
  general?: boolean;
}

export interface SubcontractingAnalysis {
  performer: PerformerResult;
  hits: SubcontractingHit[];
  /** Restrictions that bind the performing party (or everyone). */
  restrictions: SubcontractingHit[];
  /** The restriction a lawyer would read as "the" clause: the strongest one. */
  best?: SubcontractingHit;
  liability?: Sentence;
  flowDown?: Sentence;
  /** A permission or notice-only clause for the performer that the best restriction does not override. */
  freeElsewhere?: SubcontractingHit;
}

/** Shared by the -missing and -weak rules (and the accuracy script); computed once per model. */
export const analyseSubcontracting = perModel(analyse);

const PREFILTER = /sub[-\s\u2010\u2011\u2013]?contract|sub[-\s]?processor|other\s+processor|sub[-\s]?agent|(?:key|named|designated|approved|specified)\s+(?:personnel|persons?|staff|individuals?|employees?|members?)|sub[-\s]?let|delegat|out[-\s]?sourc|third[-\s]part|assign|transfer|contractor|agent|person\s+other/i;
const SEGMENT_BREAK = /;|(?:(?<=[a-z]{2}[)”"]?)|(?<=\s[A-Z]))\.\s+(?=[A-Z][a-z])|,\s*but\b|\bprovided\s*,?\s*(?:however|further|further\s*,\s*however)?\s*,?\s*that\b|\bexcept\s+that\b|\bhowever\s*,|\bnotwithstanding\s+the\s+foregoing\b/gi;

function analyse(model: ContractModel): SubcontractingAnalysis {
  const performer = performerOf(model);
  const masks = performer.parties.filter((p) => /\b(?:sub-?contract\w*|outsourc\w*|delegat\w*|agents?|contractors?)\b/i.test(p.label));
  const hits: SubcontractingHit[] = [];
  let liability: Sentence | undefined;
  let flowDown: Sentence | undefined;
  const candidates = sentencesMatching(model, PREFILTER);
  for (const [index, sentence] of model.sentences.entries()) {
    if (!candidates.has(index) || DEFINITION.test(sentence.text)) continue;
    let text = sentence.text.replace(CONSENT_LOOKALIKES, 'designated person').replace(ACTION_LOOKALIKES, 'service ');
    for (const m of masks) text = text.replace(regExpFor(`\\b${escapeRe(m.label)}\\b`, 'gi'), 'PARTYX');
    // Runaway "sentences" (tables, text without full stops) are read in bounded pieces.
    for (const segment of segments(text).flatMap((seg) => (seg.length > MAX_SEGMENT ? chunk(seg) : [seg]))) {
      const hit = classify(segment, sentence, performer);
      if (hit) hits.push(hit);
    }
    if (SUBCONTRACTOR_MENTION.test(text)) {
      if (!liability && LIABILITY.test(text) && SUBCONTRACTOR_WORD.test(text)) liability = sentence;
      if (!flowDown && FLOW_DOWN.test(text) && SUBCONTRACTOR_WORD.test(text)) flowDown = sentence;
    }
  }
  // "Supplier may use subcontractors. Supplier remains responsible for their performance.": the liability
  // sentence may follow the permission in the same clause without naming subcontractors again.
  liability ??= sameClauseLiability(model, hits);
  const restrictions = hits.filter((h) => h.kind === 'restriction' && h.bound !== 'counterparty');
  // Carve-outs in permissions that bind the performer widen the restriction's gaps.
  const carveGaps = new Set<CarveOut>();
  for (const h of hits) if (h.kind === 'carve-out' && h.bound !== 'counterparty') h.gaps.forEach((g) => carveGaps.add(g));
  for (const r of restrictions) if (!r.overrides) for (const g of carveGaps) if (!r.gaps.includes(g)) r.gaps.push(g);
  const best = [...restrictions].sort((x, y) => strength(y) - strength(x))[0];
  // A clause elsewhere that lets the performer subcontract freely or on notice only cuts into the restriction.
  const freeElsewhere = best && !best.overrides ? hits.find((h) => (h.kind === 'permission' || h.kind === 'notice-only') && (h.bound === 'performer' || h.bound === 'mutual') && h.action !== 'assign-obligations') : undefined;
  return { performer, hits, restrictions, best, liability, flowDown, freeElsewhere };
}

const SUBCONTRACTOR_WORD = /sub[-\s\u2010\u2011]?contract|sub[-\s]?processor|sub[-\s]?agent|delegat/i;

function sameClauseLiability(model: ContractModel, hits: SubcontractingHit[]): Sentence | undefined {
  for (const h of hits) {
    if (h.kind === 'restriction' && h.bound === 'counterparty') continue;
    const i = model.sentences.indexOf(h.sentence);
    for (let j = i; j >= 0 && j <= i + 2 && j < model.sentences.length; j++) {
      const s = model.sentences[j];
      if (s.clauseId === h.sentence.clauseId && LIABILITY.test(s.text) && /\b(?:their|such|its|them|they|any)\b/i.test(s.text)) return s;
    }
  }
  return undefined;
}

function strength(h: SubcontractingHit): number {
  let s = h.action === 'assign-obligations' || h.action === 'personnel' ? 0 : 8;
  if (h.general) s -= 1;
  if (h.absolute) s += 3;
  if (h.consent?.prior) s += 1;
  if (h.consent?.written) s += 1;
  if (h.bound === 'performer') s += 1;
  if (h.nounOnly) s -= 3;
  return s - h.gaps.length;
}

const OVERRIDE = /\bnotwithstanding\s+any(?:thing)?\s+(?:other\s+provision|to\s+the\s+contrary)|\bprevails?\s+over\b/i;

const MAX_SEGMENT = 3000;

function chunk(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += MAX_SEGMENT - 500) out.push(text.slice(i, i + MAX_SEGMENT));
  return out;
}

function segments(text: string): string[] {
  const out: string[] = [];
  let last = 0;
  for (const m of text.matchAll(SEGMENT_BREAK)) {
    const i = m.index ?? 0;
    if (i > last) out.push(text.slice(last, i));
    last = i + (m[0] === ';' ? 1 : 0);
  }
  out.push(text.slice(last));
  return out.filter((s) => s.trim().length > 0);
}

interface ActionMatch {
  kind: ActionKind;
  index: number;
  text: string;
}

/** Every action in the segment, in text order (the first decides, a later one can carry a ban). */
function findActions(segment: string): ActionMatch[] {
  const found: ActionMatch[] = [];
  for (const a of ACTIONS) {
    a.re.lastIndex = 0;
    for (const m of segment.matchAll(a.re)) found.push({ kind: a.kind, index: m.index ?? 0, text: m[0] });
  }
  for (const m of segment.matchAll(ASSIGN)) {
    const at = m.index ?? 0;
    const after = segment.slice(at, at + 200);
    const stop = after.search(/\bwithout\b|\bexcept\b|\bunless\b|\bto\s+(?:any|a|an)\s+(?:third|person|entity)/i);
    const object = stop > 0 ? after.slice(0, stop) : after;
    // Passive: "no right or obligation hereunder may be assigned", "obligations … shall not be assignable".
    const before = segment.slice(Math.max(0, at - 120), at);
    const passive = /\bbe\s+(?:\w+\s+){0,3}$/i.test(before) || /able$/i.test(m[0]);
    if (PERFORMANCE_OBJECT.test(object) || (passive && PERFORMANCE_OBJECT.test(before))) found.push({ kind: 'assign-obligations', index: at, text: m[0] });
  }
  // Subcontracting words first at equal positions; assignment only where nothing else is said.
  const direct = found.filter((f) => f.kind !== 'assign-obligations');
  const pool = direct.length ? direct : found;
  return pool.sort((x, y) => x.index - y.index);
}

function classify(segment: string, sentence: Sentence, perf: PerformerResult): SubcontractingHit | undefined {
  const actions = findActions(segment);
  const action = actions[0];
  if (!action) return undefined;
  const make = (kind: HitKind, extra: Partial<SubcontractingHit> = {}): SubcontractingHit => ({
    kind,
    sentence,
    segment: segment.trim(),
    action: action.kind,
    absolute: false,
    bound: boundParty(segment, action.index, perf),
    gaps: [],
    overrides: OVERRIDE.test(segment),
    nounOnly: !isVerbUse(action),
    ...extra,
  });
  const gaps = CARVE_OUTS.filter((c) => c.re.test(segment)).map((c) => c.gap);
  const permission = (): SubcontractingHit | undefined => {
    if (SUCCESSOR_SCOPE.test(segment) && action.kind === 'assign-obligations') return undefined;
    if (gaps.length) return make('carve-out', { gaps });
    return make('permission');
  };
  if (PERMISSION_CANCEL.some((re) => re.test(segment))) return permission();
  // GDPR Art. 28(2): "without prior specific or general written authorisation", "authorises Processor to
  // engage Sub-processors" — binds the processor, but a general authorisation only means notice and objection.
  if (GENERAL_AUTHORISATION.test(segment) && /processor/i.test(segment)) {
    return make('restriction', { consent: { prior: true, written: true }, general: true, bound: 'performer', gaps: exceptCarveOuts(segment) });
  }
  const consent = CONSENT.exec(segment);
  const neg = PROHIBITION.exec(segment);
  // "… shall not unreasonably withhold its consent" qualifies a consent right; it restricts nothing itself.
  if (consent && /\bwithh[eo]ld(?:ing)?\s+(?:its\s+|their\s+|such\s+|any\s+)?$/i.test(segment.slice(0, consent.index))) return undefined;
  if (consent) {
    const before = segment.slice(0, consent.index);
    const withoutConsent = /\bwithout\b[^;]{0,80}$/i.test(before);
    if (withoutConsent && !neg) return MAY_WITHOUT.test(segment) || MAY.test(segment) ? permission() : undefined;
    // The bare noun "subcontractor" needs the consent to be about the subcontractor ("approved subcontractors").
    if (!isVerbUse(action) && !SUBCONTRACTOR_CONSENT_LINK.test(segment)) return undefined;
    if (withoutConsent || neg || CONSENT_CONDITION.test(segment)) {
      const window = segment.slice(Math.max(0, consent.index - 60), consent.index + consent[0].length + 60);
      const exceptGaps = exceptCarveOuts(segment);
      return make('restriction', {
        consent: { prior: PRIOR.test(window), written: WRITTEN.test(window) },
        gaps: exceptGaps,
      });
    }
    return undefined;
  }
  // No consent word: an outright ban, a notice-only clause or a free permission.
  const banned = neg ? actions.find((a) => a.index >= neg.index + neg[0].length && a.index - neg.index < 70 && isVerbUse(a) && !/\b(?:as|that|which|who|whom|relieve\w*|release\w*|discharge\w*|affect\w*|limit\w*|excuse\w*|diminish\w*)\b/i.test(segment.slice(neg.index + neg[0].length, a.index))) : undefined;
  if (banned) return { ...make('restriction', { absolute: true, gaps: exceptCarveOuts(segment) }), action: banned.kind };
  if (NOTICE.test(segment) && (MAY.test(segment) || /\bshall\s+(?:promptly\s+)?(?:notify|inform|advise|give)/i.test(segment)) && isVerbUse(action)) {
    return make('notice-only');
  }
  const may = MAY.exec(segment);
  if (may && may.index < action.index && !neg && isVerbUse(action)) return permission();
  return undefined;
}

/** "subcontract" / "delegate" used as what the party does, not just the noun "subcontractor". */
function isVerbUse(a: ActionMatch): boolean {
  if (a.kind === 'third-party' || a.kind === 'personnel' || a.kind === 'assign-obligations') return true;
  return !/ors?'?$/i.test(a.text);
}

function exceptCarveOuts(segment: string): CarveOut[] {
  const m = /\b(?:except|other\s+than|excluding|save\s+(?:for|to)|apart\s+from|but\s+not)\b(.{0,160})/i.exec(segment);
  if (!m) return [];
  return CARVE_OUTS.filter((c) => c.re.test(m[1])).map((c) => c.gap);
}

/** Who a restriction binds: the subject before the modal, else the opposite of whoever gives consent. */
function boundParty(segment: string, actionIndex: number, perf: PerformerResult): Bound {
  const modals = [...segment.slice(0, actionIndex).matchAll(/\b(?:shall|will|may|must|can|agrees|is|are|undertakes)\b/gi)];
  // The subject before the first modal ("Subject to …, Miltenyi may, at its discretion, … subcontract"); when it
  // names no party, the subject of the last modal clause before the action ("This Agreement is personal to you,
  // and you may not assign …").
  const first = subjectOf(segment, modals[0]?.index ?? actionIndex, false);
  const last = modals.length > 1 ? subjectOf(segment, modals[modals.length - 1].index ?? actionIndex, true) : first;
  const firstBound = boundBySubject(first, perf);
  const bound = firstBound !== 'unknown' ? firstBound : boundBySubject(last, perf);
  if (bound !== 'unknown') return bound;
  const giver = consentGiver(segment, perf);
  if (giver === 'performer') return 'counterparty';
  if (giver === 'counterparty') return 'performer';
  if (/\bother\s+party\b/i.test(segment)) return 'mutual';
  return 'unknown';
}

function subjectOf(segment: string, modalAt: number, clauseOnly: boolean): string {
  const head = segment.slice(0, modalAt);
  const cut = clauseOnly ? Math.max(head.lastIndexOf(', and '), head.lastIndexOf(', but '), head.lastIndexOf(', or ')) : -1;
  // "without the consent of Vendor, AT&T may …": the consent-giver is not the subject.
  return head.slice(cut >= 0 ? cut + 2 : 0).replace(/\b(?:without|with|upon|subject\s+to)\b[^,]{0,100}?\b(?:consent|approval|authori[sz]ation|permission)\b(?:\s+of\s+[^,]{1,40})?/gi, ' ');
}

function boundBySubject(subject: string, perf: PerformerResult): Bound {
  if (MUTUAL_SUBJECT.test(subject) || /\bneither\b/i.test(subject)) return 'mutual';
  if (perf.onlineTerms && /\b(?:you|your)\b/i.test(subject) && !/\b(?:we|us|our)\b/i.test(subject)) return 'counterparty';
  const inSubject = (p?: PartyLabel) => !!p && regExpFor(`\\b${escapeRe(p.label)}\\b`, 'i').test(subject);
  const subjPerf = inSubject(perf.performer);
  const subjCounter = inSubject(perf.counterparty);
  if (subjPerf && !subjCounter) return 'performer';
  if (subjCounter && !subjPerf) return 'counterparty';
  if (subjPerf && subjCounter) return 'mutual';
  return 'unknown';
}

function consentGiver(segment: string, perf: PerformerResult): 'performer' | 'counterparty' | undefined {
  for (const [who, p] of [['performer', perf.performer], ['counterparty', perf.counterparty]] as const) {
    if (!p) continue;
    const l = escapeRe(p.label);
    const re = regExpFor(
      `\\b${l}(?:'s|’s|')\\s+(?:\\w+\\s+){0,3}(?:consent|approval|authori[sz]ation|permission)|\\b(?:consent|approval|authori[sz]ation|permission)\\s+(?:\\w+\\s+){0,3}(?:of|from|by)\\s+(?:the\\s+)?${l}\\b|\\b(?:approved|authori[sz]ed|consented\\s+to)\\s+(?:in\\s+writing\\s+|in\\s+advance\\s+)*by\\s+(?:the\\s+)?${l}\\b`,
      'i',
    );
    if (re.test(segment)) return who;
  }
  return undefined;
}
