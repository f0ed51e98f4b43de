import type { Rule, RuleFinding } from '../rule';
import type { ContractModel } from '../../model/types';
import type { Span } from '../../document/positions';

// FIRST VERSION (foundation). Issue 5 deepens it: who performs, the full phrasing catalogue, weak clauses.
const RESTRICTION =
  /\b(?:shall|will|may|must)\s+not\b[^.;]{0,120}?\b(?:sub-?contract\w*|sublet\w*|delegat\w*|outsourc\w*)\b|\bno\s+(?:sub-?contract\w*|delegation)\b[^.;]{0,80}\b(?:without|unless)\b/i;
const CONSENT = /\b(?:consent|approv\w*|authori[sz]\w*|permission)\b/i;

export const subcontractingConsentMissing: Rule = {
  id: 'subcontracting-consent-missing',
  title: 'No subcontracting-consent clause',
  description:
    'Reports a contract with no clause that stops the party performing the work from subcontracting or delegating it without the other party’s consent.',
  rationale:
    'Without such a clause a supplier may pass the work down a chain of subcontractors the customer never vetted — the route by which work for a US producer reached a sanctioned North Korean studio in 2024.',
  defaultSeverity: 'error',
  tags: ['subcontracting'],
  examples: [
    {
      title: 'Consent clause present',
      format: 'markdown',
      expect: 'pass',
      text: '# Services Agreement\n\n## 7. Subcontracting\n\nThe Studio shall not subcontract any of the Services without the Producer’s prior written consent.\n',
    },
    {
      title: 'No clause about subcontracting at all',
      format: 'plaintext',
      expect: 'fail',
      text: 'SERVICES AGREEMENT\n\n1. Services. The Studio shall produce the animation described in Schedule A.\n\n2. Payment. The Producer shall pay the fees within 30 days.\n',
      messageIncludes: 'subcontract',
    },
  ],
  check({ model }) {
    const restricted = model.sentences.some((s) => RESTRICTION.test(s.text) && CONSENT.test(s.text));
    if (restricted) return [];
    const finding: RuleFinding = {
      span: anchorSpan(model),
      message:
        'No clause requires the other party’s prior written consent before the work is subcontracted or delegated. Add a subcontracting-consent clause.',
      data: { anchor: 'title' },
    };
    return [finding];
  },
};

/** Where a lawyer would add the clause: the assignment clause, else the general/miscellaneous section, else the title. */
function anchorSpan(model: ContractModel): Span {
  const byTitle = (re: RegExp) => model.allClauses.find((c) => c.title && re.test(c.title));
  const clause = byTitle(/assign|subcontract|delegat/i) ?? byTitle(/general|miscellaneous|boilerplate/i);
  if (clause) return clause.headingSpan;
  if (model.title) return model.title.span;
  const text = model.doc.text;
  const first = text.search(/\S/);
  if (first < 0) return { start: 0, end: 0 };
  const lineEnd = text.indexOf('\n', first);
  return { start: first, end: (lineEnd < 0 ? text.length : lineEnd) - (text[lineEnd - 1] === '\r' ? 1 : 0) };
}
