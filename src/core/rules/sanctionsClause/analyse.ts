import type { ContractModel, Sentence } from '../../model/types';
import { perModel } from '../support/perModel';
import { regExpFor } from '../support/regexCache';
import { sentencesMatching } from '../support/sentenceIndex';
import { escapeRe } from '../support/performer';

/** The parts a sanctions clause needs (domain guide: representation, ongoing covenant, notice, termination, flow-down). */
export type SanctionsElement = 'representation' | 'covenant' | 'owners' | 'personnel' | 'subcontractors' | 'jurisdictions' | 'notice' | 'termination' | 'flow-down';

export const SANCTIONS_ELEMENTS: readonly SanctionsElement[] = ['representation', 'covenant', 'owners', 'personnel', 'subcontractors', 'jurisdictions', 'notice', 'termination', 'flow-down'];

export interface SanctionsAnalysis {
  /** The sentences of the sanctions / export-control clause (and their neighbours in the same section). */
  sentences: Sentence[];
  /** The sentence that names sanctions or export controls first (the weak finding sits there). */
  first?: Sentence;
  present: SanctionsElement[];
  missing: SanctionsElement[];
  /** "Each party …", "Neither party …": the clause binds both sides. */
  mutual: boolean;
}

// Sanctions in the trade-control sense — lists of prohibited, restricted or denied parties, SDN, OFAC, EU/UK/UN
// sanctions, embargoed countries, export-control and anti-boycott laws — not penalties ("disciplinary
// sanctions", "sanctioned by a court"), export duties or "exporting data".
const SANCTIONS = new RegExp(
  [
    String.raw`\b(?:economic|trade|financial|international|u\.?\s?s\.?|united\s+states|us|eu|european\s+union|un|united\s+nations|uk|united\s+kingdom|hm\s+treasury|comprehensive|government)\s+(?:and\s+\w+\s+|or\s+\w+\s+)?sanctions\b`,
    String.raw`\bsanctions?\s+(?:and\s+export[-\s]control\s+|or\s+export[-\s]control\s+)?(?:laws?|regulations?|programs?|programmes?|lists?|regimes?|authorit\w+|targets?|restrictions?|rules?)\b`,
    String.raw`\bexport[-\s]controls?\b|\b(?:export|import)\s*(?:and|or|\/|and\/or)\s*(?:import|export)\s+(?:control\s+)?(?:laws?|regulations?|restrictions?|controls?)\b|\bexport\s+(?:and\s+re-?export\s+)?(?:control\s+)?(?:laws?|regulations?|restrictions?|administration|rules)\b`,
    String.raw`\bExport\s+Administration\b|\bInternational\s+Traffic\s+in\s+Arms\b|\bArms\s+Export\b|\bITAR\b|\bEntity\s+List\b`,
    String.raw`\bsanctioned\s+(?:persons?|part(?:y|ies)|countr(?:y|ies)|jurisdictions?|territor\w+|entit\w+|individuals?|person\s+or\s+entity)\b`,
    String.raw`\b(?:subject|target)\s+of\s+(?:any\s+)?sanctions\b|\bsubject\s+to\s+(?:any\s+)?(?:comprehensive\s+)?(?:u\.?s\.?\s+)?sanctions\b|\bsubject\s+to\s+(?:an?\s+)?(?:u\.?s\.?\s+|united\s+states\s+)?embargo\b`,
    String.raw`\bOFAC\b|\bForeign\s+Assets?\s+Control\b|\bSpecially\s+Designated\s+Nationals?\b|\bSDN\b|\bBlocked\s+Persons?\b|\bDenied\s+Persons?\b|\bdenied\s+part(?:y|ies)\b`,
    String.raw`\b(?:prohibited|restricted|denied|blocked|sanctioned)(?:,?\s+(?:or\s+|and\s+)?(?:prohibited|restricted|denied|blocked|sanctioned))*\s+part(?:y|ies)\b|\brestricted\s+trade\s+list`,
    String.raw`\bembargo(?:ed)?\s+(?:countr\w+|territor\w+|jurisdictions?|destinations?|regions?)\b|\b(?:u\.?s\.?|united\s+states)\s+embargoed\b`,
    String.raw`\banti-?boycott\b|\btrade\s+(?:control|sanctions?)\s+(?:laws?|regulations?)`,
  ].join('|'),
  'i',
);
/** Cheap first test: most sentences mention none of these words. */
const SANCTIONS_HINT = /sanction|export|ofac|foreign\s+asset|designated\s+national|sdn|blocked\s+person|denied\s+p|embargo|restricted\s+|prohibited\s+part|boycott|traffic\s+in\s+arms|itar|entity\s+list/i;
const FORCE_MAJEURE = /\bforce\s+majeure\b|\bbeyond\s+(?:its|their|the|such\s+party's|that\s+party's)\s+(?:reasonable\s+)?control\b|\bacts?\s+of\s+god\b/i;
/** A clause binds someone: a bare list of topics ("• Export controls • Denied party screening") does not. */
const NORMATIVE =
  /\b(?:shall|will|must|may\s+not|cannot|can\s+not|agrees?|represents?|warrants?|compl(?:y|ies)|in\s+compliance|certif\w*|covenants?|undertakes?|prohibit\w*|responsib\w*|not\s+(?:be|use|export|sell|allowed)|is\s+not|are\s+not|aren[’']t|subject\s+to|restrict\w*)\b/i;
const COMPLY_WITH_LAWS = /\bcompl(?:y|ies|iance)\s+with\s+(?:all\s+)?(?:applicable\s+)?(?:laws|legal\s+requirements|regulations)\b/i;
const DEFINITION = /^\W{0,3}["“]([^"”]{2,60})["”]\s+(?:means|shall\s+mean|has\s+the\s+meaning|refers\s+to|includes)\b/i;
const MUTUAL = /\b(?:each|neither|both|either)\s+(?:of\s+the\s+)?part(?:y|ies)\b|\bthe\s+parties\b|\beach\s+of\s+\w+\s+and\s+\w+\b/i;

const ELEMENT_TESTS: Record<SanctionsElement, RegExp> = {
  representation: /\b(?:represents?|warrants?|certif(?:y|ies)|confirms?\s+that)\b/i,
  covenant:
    /\b(?:shall|will|must|agrees?\s+(?:not\s+)?to|undertakes?\s+(?:not\s+)?to|covenants?)\b[^.]{0,80}\b(?:compl(?:y|iance)|not\s+(?:\w+\s+){0,2}(?:engage|deal|export|re-?export|transact|perform|use|employ|sell|provide|transfer|permit|allow)|remain|continue|maintain|keep|refrain)|\bagrees?\s+not\s+to\b|\b(?:shall|will|must)\s+(?:not\s+)?(?:\w+\s+){0,2}?(?:violate|breach|contravene|act\s+in\s+breach)\b|\b(?:shall|will|may|must)\s+not\s+(?:\w+\s+){0,3}(?:export|re-?export|sell|transfer|use|engage|deal|provide|permit|allow)|\baren[’']t\s+allowed\b|\b(?:at\s+all\s+times|throughout\s+the\s+term|during\s+the\s+term|ceases?\s+to\s+be\s+(?:true|accurate|correct)|becomes?\s+(?:untrue|inaccurate|incorrect)|no\s+longer\s+(?:true|accurate))\b/i,
  owners: /\b50\s*%|\bfifty\s+(?:percent|per\s+cent)|\bowned\s+or\s+controlled\b|\b(?:owns?|ownership|owners?|shareholders?|beneficial\s+owners?|interest\s+in)\b|\bcontrolled\s+by\b/i,
  personnel: /\b(?:employees|personnel|officers|directors|staff|workers)\b/i,
  subcontractors: /\b(?:sub-?contractors?|sub-?processors?|suppliers|agents|contractors)\b/i,
  jurisdictions:
    /\b(?:located|organi[sz]ed|resident|residing|domiciled|incorporated|national)\s+(?:or\s+\w+\s+)?(?:in|of|under)\b|\b(?:sanctioned|embargoed)\s+(?:country|countries|territor\w*|jurisdictions?|regions?|destinations?)|\b(?:country|countries|territor\w*|jurisdictions?|destinations?)\s+(?:that\s+is\s+|which\s+is\s+|to\s+which\s+)?(?:subject\s+to|targeted\s+by|the\s+u\.?s\.?\s+has\s+embargoed)\b|\b(?:Cuba|Iran|North\s+Korea|DPRK|Syria|Crimea)\b|\bembargoed\b/i,
  notice: /\b(?:notif(?:y|ies|ication)|notice|inform|advise)\b/i,
  termination: /\bterminat(?:e|es|ion|ing)\b|\bsuspend\b/i,
  'flow-down':
    /\bflow[-\s]?down\b|\bflowed\s+down\b|\b(?:require|cause|ensure|procure)s?\s+(?:that\s+)?(?:each\s+of\s+)?(?:its|each|all|any|their)\s+(?:[\w-]+\s+){0,3}?(?:sub-?contractors?|sub-?processors?|suppliers|contractors|agents)\s+(?:in\s+writing\s+|,\s+in\s+writing,\s+)?(?:to\s+|will\s+|shall\s+)?(?:compl|abide|agree|are\s+bound|be\s+bound|do\s+the\s+same)|\bflow\s+(?:the\s+)?(?:obligations\s+of\s+)?(?:this\s+clause|these\s+obligations|the\s+obligations)\s+down\b|\bimpos\w+\s+(?:the\s+)?(?:same|equivalent|similar)\s+(?:obligations|terms|restrictions)\b/i,
};

export const analyseSanctions = perModel(analyse);

/** Re-export or export licences alone are trade-control wording only beside law ("re-export … without Miltenyi's consent" is commerce). */
const REEXPORT =
  /\bre-?export\w*|\bexport\s+licen[cs]es?\b|\b(?:shall|will|may|must)\s+not\s+(?:\w+\s+){0,3}?export\s+(?:or\s+re-?export\s+)?(?:any\s+|the\s+)?(?:such\s+)?(?:products?|software|technology|technical\s+data|items?|goods|commodities|licensed\s+\w+)\b/i;
const LAW_CONTEXT = /\b(?:laws?|regulations?|government\w*|embargo\w*|countr(?:y|ies)|administration|authori[sz]ation\s+of\s+the|u\.?s\.?|united\s+states|department\s+of)\b/i;
const LOGISTICS = /\b(?:fees|taxes|duties|freight|customs\s+clearance)\b/i;

function isSanctionsWording(t: string, before = ''): boolean {
  // A run of bullets ("• Export controls • Denied party screening • …") lists services, it binds no one.
  if (FORCE_MAJEURE.test(t) || (t.match(/[•▪●]/g) ?? []).length >= 3) return false;
  if (SANCTIONS.test(t)) return true;
  return REEXPORT.test(t) && (LAW_CONTEXT.test(t) || LAW_CONTEXT.test(before)) && !LOGISTICS.test(t);
}

function analyse(model: ContractModel): SanctionsAnalysis {
  const root = (id?: string): string | undefined => {
    let c = id ? model.clauseById(id) : undefined;
    while (c?.parentId) c = model.clauseById(c.parentId);
    return c?.id ?? id;
  };
  const candidates = sentencesMatching(model, SANCTIONS_HINT);
  const hits: number[] = [];
  // "Government Controls" means economic and other sanctions …: later uses of the term are sanctions wording too.
  const terms: string[] = [];
  for (const i of [...candidates].sort((x, y) => x - y)) {
    const t = model.sentences[i].text;
    // The sentence before, in the same clause, may carry the law ("… subject to all United States laws …. Licensee shall not export …").
    const prev = i > 0 && model.sentences[i - 1].clauseId === model.sentences[i].clauseId ? model.sentences[i - 1].text : '';
    if (!isSanctionsWording(t, prev)) continue;
    const def = DEFINITION.exec(t);
    if (def) terms.push(def[1]);
    // "Each party agrees to comply with all applicable laws. These laws include … the export control laws": the
    // list belongs to the promise before it.
    else if (NORMATIVE.test(t) || (COMPLY_WITH_LAWS.test(prev) && /^\W*(?:these|such|the\s+foregoing)\s+(?:laws|regulations)\b/i.test(t))) hits.push(i);
  }
  if (terms.length) {
    const re = regExpFor(`\\b(?:${terms.map(escapeRe).join('|')})\\b`, '');
    model.sentences.forEach((s, i) => {
      if (!DEFINITION.test(s.text) && re.test(s.text) && NORMATIVE.test(s.text) && !hits.includes(i)) hits.push(i);
    });
    hits.sort((x, y) => x - y);
  }
  const picked = new Set<number>();
  for (const i of hits) {
    // Neighbours in the same section (4.1 and 4.2 of "4. Sanctions") carry the notice / termination parts.
    const section = root(model.sentences[i].clauseId);
    for (let j = Math.max(0, i - 2); j <= Math.min(model.sentences.length - 1, i + 3); j++) {
      if (root(model.sentences[j].clauseId) === section) picked.add(j);
    }
  }
  const sentences = [...picked].sort((x, y) => x - y).map((i) => model.sentences[i]);
  const first = hits.length ? model.sentences[hits[0]] : undefined;
  const text = sentences.map((s) => s.text).join(' ');
  const present = sentences.length ? SANCTIONS_ELEMENTS.filter((e) => ELEMENT_TESTS[e].test(text)) : [];
  return { sentences, first, present, missing: SANCTIONS_ELEMENTS.filter((e) => !present.includes(e)), mutual: hits.some((i) => MUTUAL.test(model.sentences[i].text)) };
}
