import type { SourceDocument } from '../../document/sourceDocument';
import { checkDocument } from '../../review/pipeline';
import { sanctionsClauseMissing } from '../sanctionsClause/sanctionsMissing';
import { sanctionsClauseWeak } from '../sanctionsClause/sanctionsWeak';
import { subcontractingConsentMissing } from '../subcontracting/consentMissing';
import { subcontractingConsentWeak } from '../subcontracting/consentWeak';

/** One contract's sanctions-clause verdict: absent (-missing), partial (-weak), present (neither). */
export interface SanctionsVerdict {
  result: 'absent' | 'partial' | 'present';
  missing?: string[];
  decidingSentence?: string;
  message?: string;
}

/** One contract's clause verdicts, as the accuracy script and the label tests compare them. */
export interface ContractVerdict {
  result: 'missing' | 'weak' | 'ok';
  performingParty?: string;
  performerReason?: string;
  missing?: string[];
  decidingSentence?: string;
  message?: string;
  sanctions: SanctionsVerdict;
}

const CLAUSE_RULES = [subcontractingConsentMissing, subcontractingConsentWeak, sanctionsClauseMissing, sanctionsClauseWeak];

export function evaluateContract(doc: SourceDocument): ContractVerdict {
  const { findings } = checkDocument(doc, { rules: CLAUSE_RULES });
  const byRule = (id: string) => findings.find((x) => x.rule === id);
  const s = byRule(sanctionsClauseMissing.id) ?? byRule(sanctionsClauseWeak.id);
  const sd = (s?.data ?? {}) as Record<string, unknown>;
  const sanctions: SanctionsVerdict = s
    ? { result: s.rule === sanctionsClauseMissing.id ? 'absent' : 'partial', missing: sd.missing as string[], decidingSentence: sd.decidingSentence as string | undefined, message: s.message }
    : { result: 'present' };
  const f = byRule(subcontractingConsentMissing.id) ?? byRule(subcontractingConsentWeak.id);
  if (!f) return { result: 'ok', sanctions };
  const d = (f.data ?? {}) as Record<string, unknown>;
  return {
    result: f.rule === subcontractingConsentMissing.id ? 'missing' : 'weak',
    performingParty: d.performingParty as string | undefined,
    performerReason: d.performerReason as string | undefined,
    missing: d.missing as string[] | undefined,
    decidingSentence: d.decidingSentence as string | undefined,
    message: f.message,
    sanctions,
  };
}
