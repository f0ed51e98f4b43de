import type { SourceDocument } from '../../document/sourceDocument';
import { checkDocument } from '../../review/pipeline';
import { subcontractingConsentMissing } from './consentMissing';
import { subcontractingConsentWeak } from './consentWeak';

/** One contract's subcontracting verdict, as the accuracy script and the label test compare it. */
export interface ContractVerdict {
  result: 'missing' | 'weak' | 'ok';
  performingParty?: string;
  performerReason?: string;
  missing?: string[];
  decidingSentence?: string;
  message?: string;
}

export function evaluateContract(doc: SourceDocument): ContractVerdict {
  const { findings } = checkDocument(doc, { rules: [subcontractingConsentMissing, subcontractingConsentWeak] });
  const f = findings.find((x) => x.rule === subcontractingConsentMissing.id) ?? findings.find((x) => x.rule === subcontractingConsentWeak.id);
  if (!f) return { result: 'ok' };
  const d = (f.data ?? {}) as Record<string, unknown>;
  return {
    result: f.rule === subcontractingConsentMissing.id ? 'missing' : 'weak',
    performingParty: d.performingParty as string | undefined,
    performerReason: d.performerReason as string | undefined,
    missing: d.missing as string[] | undefined,
    decidingSentence: d.decidingSentence as string | undefined,
    message: f.message,
  };
}
