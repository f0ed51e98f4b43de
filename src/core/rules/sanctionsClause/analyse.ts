import type { ContractModel, Sentence } from '../../model/types';
import { perModel } from '../support/perModel';
import { sentencesMatching } from '../support/sentenceIndex';

/** The parts a sanctions clause needs (domain guide: representation, ongoing covenant, notice, termination). */
export type SanctionsElement =
  | 'representation'
  | 'covenant'
  | 'owners'
  | 'personnel'
  | 'subcontractors'
  | 'jurisdictions'
  | 'notice'
  | 'termination';

export const SANCTIONS_ELEMENTS: readonly SanctionsElement[] = ['representation', 'covenant', 'owners', 'personnel', 'subcontractors', 'jurisdictions', 'notice', 'termination'];

export interface SanctionsAnalysis {
  /** Sentences that speak about sanctions (and their immediate neighbours in the same clause). */
  sentences: Sentence[];
  /** The first sentence that names sanctions itself (the finding sits there). */
  first?: Sentence;
  present: SanctionsElement[];
  missing: SanctionsElement[];
}

// Sanctions in the trade-control sense, not penalties ("disciplinary sanctions") or force-majeure embargoes.
const SANCTIONS =
  /\b(?:economic|trade|financial|international|u\.?s\.?|united\s+states|eu|un|uk)\s+sanctions\b|\bsanctions?\s+(?:laws?|regulations?|programs?|programmes?|lists?|regimes?|authorit\w+|targets?|restrictions?)\b|\bsanctioned\s+(?:persons?|part(?:y|ies)|countr(?:y|ies)|jurisdictions?|territor\w+|entit\w+|individuals?)\b|\bsubject\s+(?:of|to)\s+(?:any\s+)?sanctions\b|\bOFAC\b|\bOffice\s+of\s+Foreign\s+Assets\s+Control\b|\bSpecially\s+Designated\s+Nationals?\b|\bSDN\b|\bblocked\s+persons?\b|\bdenied\s+part(?:y|ies)\b|\bembargoed\s+(?:countr\w+|territor\w+|jurisdictions?)\b|\brestricted\s+part(?:y|ies)\s+list/i;
/** Cheap first test: most sentences mention none of these words. */
const SANCTIONS_HINT = /sanction|ofac|foreign\s+assets|designated\s+national|sdn|blocked\s+person|denied\s+part|embargo|restricted\s+part/i;
const FORCE_MAJEURE = /\bforce\s+majeure\b|\bbeyond\s+(?:its|their|the)\s+(?:reasonable\s+)?control\b|\bacts?\s+of\s+god\b/i;

const ELEMENT_TESTS: Record<SanctionsElement, RegExp> = {
  representation: /\b(?:represents?|warrants?|certif(?:y|ies))\b/i,
  covenant: /\b(?:shall|will|agrees?\s+to|undertakes?\s+to|covenants?)\b[^.]{0,80}\b(?:compl(?:y|iance)|not\s+(?:engage|deal|export|transact|perform|use|employ|sell|provide)|remain|continue|maintain|keep)|\b(?:at\s+all\s+times|throughout\s+the\s+term|during\s+the\s+term|ceases?\s+to\s+be\s+(?:true|accurate|correct)|becomes?\s+(?:untrue|inaccurate|incorrect)|no\s+longer\s+(?:true|accurate))\b/i,
  owners: /\b50\s*%|\bfifty\s+percent|\bowned\s+or\s+controlled\b|\b(?:owns?|ownership|owners?|shareholders?|beneficial\s+owners?)\b|\bcontrolled\s+by\b/i,
  personnel: /\b(?:employees|personnel|officers|directors|staff|workers)\b/i,
  subcontractors: /\b(?:sub-?contractors?|suppliers|agents|contractors|representatives)\b/i,
  jurisdictions: /\b(?:located|organi[sz]ed|resident|domiciled|incorporated)\s+in\b|\b(?:sanctioned|embargoed)\s+(?:country|countries|territor\w*|jurisdictions?|region)|\b(?:country|countries|territor\w*|jurisdictions?)\s+(?:that\s+is\s+|which\s+is\s+)?(?:subject\s+to|targeted\s+by)\b|\b(?:Cuba|Iran|North\s+Korea|DPRK|Syria|Crimea)\b/i,
  notice: /\b(?:notif(?:y|ies|ication)|notice|inform|advise)\b/i,
  termination: /\bterminat(?:e|es|ion|ing)\b|\bsuspend\b/i,
};

export const analyseSanctions = perModel(analyse);

function analyse(model: ContractModel): SanctionsAnalysis {
  const picked = new Set<number>();
  const root = (id?: string): string | undefined => {
    let c = id ? model.clauseById(id) : undefined;
    while (c?.parentId) c = model.clauseById(c.parentId);
    return c?.id ?? id;
  };
  let first: Sentence | undefined;
  const candidates = sentencesMatching(model, SANCTIONS_HINT);
  model.sentences.forEach((s, i) => {
    if (!candidates.has(i) || !SANCTIONS.test(s.text) || FORCE_MAJEURE.test(s.text)) return;
    first ??= s;
    // Neighbours in the same section (4.1 and 4.2 of "4. Sanctions") carry the notice / termination parts.
    const section = root(s.clauseId);
    for (let j = Math.max(0, i - 2); j <= Math.min(model.sentences.length - 1, i + 3); j++) {
      if (root(model.sentences[j].clauseId) === section) picked.add(j);
    }
  });
  const sentences = [...picked].sort((x, y) => x - y).map((i) => model.sentences[i]);
  const text = sentences.map((s) => s.text).join(' ');
  const present = sentences.length ? SANCTIONS_ELEMENTS.filter((e) => ELEMENT_TESTS[e].test(text)) : [];
  return { sentences, first, present, missing: SANCTIONS_ELEMENTS.filter((e) => !present.includes(e)) };
}
