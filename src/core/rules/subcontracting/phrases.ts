/**
 * The phrasings real contracts use to restrict (or free) subcontracting, gathered from the CUAD,
 * Common Paper and GitHub agreements in ../shared/data/contracts and the list in issue 5.
 * All patterns run on a sentence's markup-free, whitespace-folded text, case-insensitively.
 */

/** Verbs and nouns for having someone else do the work. `assign` is handled separately (see ASSIGN). */
export const ACTIONS: { kind: ActionKind; re: RegExp }[] = [
  { kind: 'subcontract', re: /\bsub[-\s\u2010\u2011\u2013]?contract(?:s|ed|ing|ors?|ors')?\b/gi },
  { kind: 'subcontract', re: /\bsub[-\s]?let(?:s|ting)?\b/gi },
  { kind: 'delegate', re: /\bdelegat(?:e|es|ed|ing|ion|ions)\b/gi },
  { kind: 'outsource', re: /\bout[-\s]?sourc(?:e|es|ed|ing)\b/gi },
  {
    kind: 'third-party',
    re: /\b(?:appoint|assign)\w*\s+(?:any\s+)?(?:[\w-]+,?\s+){0,3}(?:or\s+)?sub[-\s]?(?:contractors?|agents?|processors?)\b|\b(?:engag(?:e|es|ed|ing)|retain(?:s|ed|ing)?|hire|employ|appoint(?:s|ed|ing)?|us(?:e|es|ed|ing)(?:\s+of)?)\s+(?:(?:any|a|an|one\s+or\s+more|other|only|another)\s+)*(?:(?:foreign|new|additional|outside|external|independent)\s+)?(?:third[-\s]part(?:y|ies)|sub[-\s]?(?:contractors?|agents?|processors?)|contractors?|agents?|processors?|other\s+(?:person|entit)\w*)\b/gi,
  },
  // "shall not permit any third party to perform its obligations"
  {
    kind: 'third-party',
    re: /\b(?:permit|allow|authori[sz]e|suffer|cause|let)s?\s+(?:any\s+|a\s+|an\s+)?(?:third[-\s]part(?:y|ies)|other\s+(?:person|entit)\w*|person\s+other\s+than\s+[\w\s]{1,30}?|entit(?:y|ies)\s+other\s+than\s+[\w\s]{1,30}?)\s+to\s+(?:perform|provide|carry\s+out|undertake|discharge|fulfil\w*)\b/gi,
  },
  // Key personnel named in the contract may not be replaced without approval.
  {
    kind: 'personnel',
    re: /\b(?:substitut\w*|replac\w*|remov\w*|reassign\w*|chang\w*)\s+(?:(?:any|the|of|its|such|a|an|or)\s+)*(?:key|named|designated|approved|specified)\s+(?:personnel|persons?|staff|individuals?|employees?|members?)\b|\b(?:key|named|designated)\s+(?:personnel|staff|persons?|individuals?)\s+(?:shall|may|will)\s+not\s+be\s+(?:substituted|replaced|removed|reassigned)\b/gi,
  },
  { kind: 'third-party', re: /\b(?:performed|provided|carried\s+out)\s+by\s+(?:any\s+|a\s+)?(?:third[-\s]part(?:y|ies)|person\s+other\s+than)\b/gi },
];

export type ActionKind = 'subcontract' | 'delegate' | 'outsource' | 'third-party' | 'personnel' | 'assign-obligations';

/**
 * A general authorisation to use sub-processors (GDPR Art. 28(2)): the processor may add them on notice
 * and the controller can only object — weaker than specific prior written consent to each one.
 */
export const GENERAL_AUTHORISATION =
  /\bgeneral\s+(?:prior\s+)?(?:written\s+)?(?:authori[sz]ation|consent)\b|\b(?:hereby\s+)?authori[sz]es?\s+(?:the\s+)?[\w\s]{1,30}?\s+to\s+(?:appoint|engage|use|subcontract)\b[^;]{0,40}?sub[-\s]?processors?|\bconsents?\s+to\s+(?:the\s+)?(?:[\w’']+\s+)?(?:use|engagement|appointment)\s+of\s+(?:[\w-]+\s+){0,2}?sub[-\s]?processors?\b/i;
/** "specific" authorisation: consent to each sub-processor. */
export const SPECIFIC_AUTHORISATION = /\bspecific\s+(?:prior\s+)?(?:written\s+)?(?:authori[sz]ation|consent|approval)\b/i;

/** "assign … obligations/duties/performance": a transfer of the duty to perform (see docs/rules). */
export const ASSIGN = /\b(?:assign(?:s|ed|ing|ment|able)?|transfer(?:s|red|ring|able)?)\b/gi;
export const PERFORMANCE_OBJECT = /\b(?:obligations?|duties|duty|performance|responsibilities|services|work)\b/i;

/** A prohibition governing what follows it. */
export const PROHIBITION =
  /\b(?:shall|will|may|must|can|could|should)\s+(?:not|never|in\s+no\s+event|under\s+no\s+circumstances?)\b|\bneither\b|\bnor\b|\bno\s+(?:[\w,]+\s+){0,6}?(?:shall|may|will|can)\b|\bno\s+(?:party|rights?|sub-?contract\w*|delegation|assignment|outsourcing|third)\b|\bnot\s+(?:be\s+)?(?:permitted|entitled|allowed|authori[sz]ed|able)\s+to\b|\bprohibit\w*|\b(?:void|voidable|null|of\s+no\s+(?:force|effect))\b|\bshall\s+(?:not\s+)?be\s+(?:binding|effective)\s+(?:on\s+\w+\s+(?:\w+\s+)?)?unless\b|\bcannot\b|\b(?:shan't|won't|can't)\b/i;

/** A consent requirement: consent, approval, authorization, permission, written agreement. */
export const CONSENT =
  /\b(?:consent(?:s|ed)?|approv(?:al|als|e|ed|es|ing)|authori[sz](?:ation|e|ed)|permission|(?:prior\s+)?written\s+agreement\s+(?:of|from)|agreement\s+in\s+writing|agrees?\s+in\s+writing|agreed\s+(?:to\s+)?(?:upon\s+)?(?:in\s+writing\s+)?by\s+(?:the\s+)?(?:parties|both)|(?:prior\s+)?written\s+notice\s+and\s+approval)\b/i;

/** Conditions that make a permission depend on consent ("only with", "subject to", "unless"). */
export const CONSENT_CONDITION =
  /\bonly\b[^;]{0,60}?\b(?:approv|consent|authori[sz])\w*|\b(?:only\s+(?:with|upon|after|if|following|where|to\s+the\s+extent)|subject\s+to|unless|except\s+(?:with|upon)|(?:with|upon)(?=\s+(?:[\w’'-]+\s+){0,5}?(?:consent|approval|authori[sz]ation|permission|agreement\s+in\s+writing)\b)|after\s+(?:obtaining|receiving|receipt\s+of)|requir\w*|first\s+obtain\w*|obtain\w*|must\s+(?:be|first)|(?:be|been|being)\s+(?:approved|authori[sz]ed|consented))\b|\b(?:those|the)\s+(?:\w+\s+)?(?:sub-?contractors?|third\s+parties)\s+(?:identified|listed|named|approved|set\s+(?:out|forth)|specified)\b/i;

/** Phrasings that state there is NO restriction. These must never count as one. */
export const PERMISSION_CANCEL = [
  /\b(?:shall|will|does|do|is|are)\s+not\s+(?:be\s+)?(?:required|obliged|obligated|need)\s+to\s+(?:obtain|seek|request|get)\b/i,
  /\bwithout\s+(?:the\s+)?(?:need|requirement|necessity)\s+(?:for|of|to)\b/i,
  /\bwithout\s+(?:requiring|obtaining|having\s+to\s+obtain|seeking)\b/i,
  /\bnothing\b.{0,120}?\b(?:prevent|prohibit|restrict|limit|preclude|restrain)s?\b/i,
  /\b(?:is|are|shall\s+be|will\s+be)\s+(?:free|entitled|permitted|allowed|authori[sz]ed)\s+to\s+(?:freely\s+)?(?:sub-?contract|sub-?let|delegate|outsource|engage|use|retain|appoint)/i,
  /\b(?:consent|approval)\s+(?:is|shall\s+not\s+be|will\s+not\s+be|is\s+not)\s+(?:not\s+)?(?:required|necessary|needed)\b/i,
  /\bno\s+(?:such\s+|prior\s+|written\s+)*(?:consent|approval)\s+(?:is|shall\s+be|will\s+be)\s+(?:required|necessary|needed)\b/i,
];

/** "may subcontract … without (the) consent": free, unless negated. */
export const MAY_WITHOUT = /\b(?:may|can|is\s+entitled\s+to|has\s+the\s+right\s+to)\b[^;]{0,200}?\bwithout\b[^;]{0,60}?\b(?:consent|approval|authori[sz]ation|permission)\b/i;
export const MAY = /\b(?:may|can|is\s+entitled\s+to|has\s+the\s+right\s+to|is\s+permitted\s+to|reserves\s+the\s+right\s+to)\b/i;

export const NOTICE = /\b(?:notif(?:y|ies|ied|ication)|notice|inform(?:s|ed)?|advise)\b/i;

export const PRIOR = /\b(?:prior|in\s+advance|advance|beforehand|previous(?:ly)?|first\s+(?:obtain|obtaining|having\s+obtained|receiv))\b|\bbefore\b|\bprior\s+to\b/i;
export const WRITTEN = /\b(?:written|in\s+writing|signed|executed)\b/i;

/** Words that make a sentence bind every party. */
export const MUTUAL_SUBJECT = /\b(?:neither|either|each|no|any|both|all)\s+(?:of\s+the\s+)?part(?:y|ies)\b|\bparties\b|\bno\s+party\b/i;

/** Scope limits on a permission that leave a gap in the restriction. */
export const CARVE_OUTS: { gap: CarveOut; re: RegExp }[] = [
  { gap: 'affiliates', re: /\b(?:affiliat\w*|subsidiar\w*|parent\s+compan\w*|group\s+compan\w*|related\s+(?:compan|entit)\w*)\b/i },
  { gap: 'staffing agencies', re: /\b(?:staffing|temporary\s+(?:staff|personnel|workers|employees)|temp\s+agenc\w*|employment\s+agenc\w*|independent\s+contractors?|individual\s+contractors?|freelanc\w*|contract\s+(?:staff|personnel|workers))\b/i },
  { gap: 'lower tiers', re: /\b(?:lower[-\s]tier|sub-?sub-?contract\w*|second[-\s]tier|further\s+sub-?contract\w*|its\s+suppliers|sub-?suppliers)\b/i },
];
export type CarveOut = 'affiliates' | 'staffing agencies' | 'lower tiers';

/** A merger / change-of-control exception is about who the party is, not who does the work: ignore it. */
export const SUCCESSOR_SCOPE = /\b(?:merger|consolidat\w*|reorgani[sz]\w*|change\s+of\s+control|successor|acquir\w*|sale\s+of\s+(?:all\s+or\s+)?substantially\s+all|purchaser\s+of)\b/i;

/** The supplier stays liable for what its subcontractors do. */
export const LIABILITY =
  /\b(?:remain|remains|stay|stays|continue\s+to\s+be|be|is|shall\s+be)\s+(?:fully\s+|primarily\s+|solely\s+|wholly\s+|directly\s+|jointly\s+and\s+severally\s+|ultimately\s+|principally\s+)*(?:responsible|liable|accountable)\b|\bnot\s+(?:be\s+)?(?:relieve|release|discharge)d?\b|\bshall\s+not\s+(?:relieve|release|discharge)\b|\bnot\s+relieve\b|\banswer(?:s|able)?\s+for\b|\bno\s+(?:such\s+)?(?:\w+\s+){0,3}(?:shall|will)\s+(?:relieve|release|discharge)\b|\bas\s+if\s+(?:such\s+acts|they|it|the\s+same)\b|\bacts\s+and\s+omissions\s+of\b/i;

/** Obligations flowed down to subcontractors in writing. */
export const FLOW_DOWN =
  /\bflow[-\s]?down\b|\bflowed\s+down\b|\bsub-?(?:contractors?|processors?)\b[^.;]{0,80}?\bbound\s+by\b|\bbind(?:s|ing)?\s+(?:on\s+)?(?:each\s+|any\s+|all\s+|its\s+|such\s+|the\s+)*sub-?(?:contractors?|processors?)\b|\bwritten\s+(?:agreement|contract|subcontract)\b|\b(?:terms|obligations|provisions|restrictions|conditions)\s+(?:that\s+are\s+)?(?:at\s+least\s+as|no\s+less)\s+(?:protective|stringent|restrictive|onerous|favou?rable)\b|\bimpos\w+\s+(?:the\s+same\s+)?(?:[\w-]+\s+){0,4}?(?:on|upon)\s+(?:each|any|all|such|its|the|every)\s+(?:[\w-]+\s+)?sub-?contractors?\b|\bsame\s+(?:terms|obligations|restrictions|duties)\b|\b(?:cause|ensure|require)s?\s+(?:that\s+)?(?:each\s+|any\s+|all\s+|its\s+|such\s+)*sub-?contractors?\s+(?:to\s+)?(?:compl|abide|adhere|agree)\w*/i;

export const SUBCONTRACTOR_MENTION = /\b(?:sub[-\s]?contract\w*|sub[-\s]?processors?|sub[-\s]?agents?|delegat\w*|third[-\s]part(?:y|ies)|agents?)\b/i;

/** Look-alikes of consent words that grant nothing: "authorized representative", "Marketing Authorisation". */
export const CONSENT_LOOKALIKES =
  /\bapproved\s+(?:marketing|regulatory)\s+authori[sz]ations?\b|\bdelegat\w*\s+(?:such\s+|its\s+|the\s+)?(?:approval|authority|power|powers|right\s+to\s+approve)\b|\bassigned\s+to\s+(?!any\b|a\b|an\b|third\b|another\b|other\b)\w+(?:\s+\w+)?\s+(?:duties|work|tasks|projects?)\b|\bauthori[sz]ed\s+(?:representatives?|officers?|signator\w*|agents?|persons?|dealers?|distributors?|resellers?|users?|personnel|employees?)\b|\b(?:marketing|regulatory|government(?:al)?|product|import|export)\s+(?:authori[sz]ations?|approvals?|consents?)\b|\bapproved\s+(?:budget|plan|specifications?|marketing|label\w*|drug|product)s?\b/gi;

/** Nouns that look like actions: "Outsourcing Agreement", "Manufacturing Outsourcing Services". */
export const ACTION_LOOKALIKES = /\b(?:its|their|his|her)\s+own\s+use\s+or\s+(?:for\s+)?(?:the\s+)?use\s+of\b|\bout-?sourcing(?=\s+[A-Z][a-z])|\bsub-?contract(?:ing|or)?\s+(?=agreement\b|Agreement\b)|\b(?:successors|heirs|representatives)\s*(?:,|and)?\s*(?:permitted\s+)?assigns\b/gi;

/** A definition ("X" means …) describes a term, it does not restrict anything. */
export const DEFINITION = /^\W{0,3}["“][^"”]{1,80}["”]\s+(?:means|shall\s+mean|has\s+the\s+meaning|refers\s+to|includes)\b/i;

/** Consent words that govern the noun "subcontractor": "approved subcontractors", "subcontractors must be approved". */
export const SUBCONTRACTOR_CONSENT_LINK =
  /\bsub-?(?:contractors?|processors?)\s+(?:must|shall|will|are\s+to|need\s+to|is\s+to)\s+(?:first\s+)?be\s+(?:first\s+|pre-?)?(?:approved|consented|authori[sz]ed)\b|\b(?:approved|authori[sz]ed|consented)\s+sub-?(?:contractors?|processors?)\b|\b(?:approv\w*|consent\w*|authori[sz]ation)\s+(?:to|for)\s+(?:the\s+|any\s+|each\s+|such\s+|a\s+|its\s+)?(?:use\s+of\s+|appointment\s+of\s+|engagement\s+of\s+)?(?:\w+\s+)?sub-?contractors?\b|\b(?:approv\w*|consent\w*|authori[sz]ation)\s+of\s+(?:any|each|such|a|its|the\s+proposed|the\s+use\s+of|the\s+appointment\s+of|the\s+engagement\s+of)\s+(?:\w+\s+)?sub-?contractors?\b|\bsub-?contractors?\s+(?:\w+\s+){0,4}?(?:approved|consented\s+to|authori[sz]ed)\s+(?:in\s+(?:writing|advance)\s+)*by\b/i;
