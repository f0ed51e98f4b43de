import type { Rule } from './rule';
import { subcontractingConsentMissing } from './subcontracting/consentMissing';
import { subcontractingConsentWeak } from './subcontracting/consentWeak';
import { sanctionsClauseMissing } from './sanctionsClause/sanctionsMissing';
import { sanctionsClauseWeak } from './sanctionsClause/sanctionsWeak';
import { sanctionedParty } from './sanctionedMentions/sanctionedParty';
import { sanctionedJurisdiction } from './sanctionedMentions/sanctionedJurisdiction';
import { bidiControl } from './bidiControl/bidiControl';

/** Every rule, in the order their findings are documented. Add a new rule here (see CONTRIBUTING.md). */
export const allRules: readonly Rule[] = [subcontractingConsentMissing, subcontractingConsentWeak, sanctionsClauseMissing, sanctionsClauseWeak, sanctionedParty, sanctionedJurisdiction, bidiControl];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}
