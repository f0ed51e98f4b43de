import type { Rule } from './rule';
import { subcontractingConsentMissing } from './subcontracting/consentMissing';
import { subcontractingConsentWeak } from './subcontracting/consentWeak';
import { sanctionsClauseMissing } from './sanctionsClause/sanctionsMissing';
import { sanctionedParty } from './screening/sanctionedParty';
import { sanctionedJurisdiction } from './screening/sanctionedJurisdiction';
import { bidiControl } from './bidiControl/bidiControl';

/** Every rule, in the order their findings are documented. Add a new rule here (see CONTRIBUTING.md). */
export const allRules: readonly Rule[] = [subcontractingConsentMissing, subcontractingConsentWeak, sanctionsClauseMissing, sanctionedParty, sanctionedJurisdiction, bidiControl];

export function ruleById(id: string): Rule | undefined {
  return allRules.find((r) => r.id === id);
}
