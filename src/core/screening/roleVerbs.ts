/**
 * Verbs and prepositions that put a party's name right after them ("engage X", "between X and Y"): where
 * the text scan looks up a lower-case name at all, and where mention evidence raises a match.
 */
export const ROLE_VERBS: ReadonlySet<string> = new Set(['engage', 'engages', 'engaged', 'appoint', 'appoints', 'appointed', 'retain', 'retains', 'retained', 'hire', 'hires', 'subcontract', 'subcontracts', 'subcontracted', 'between']);
