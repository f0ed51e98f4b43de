import type { RuleExample } from '../rule';

const PREAMBLE_MD = '# Animation Services Agreement\n\nThis Agreement is between Pixel Forge Ltd. (the "Studio") and Northlight Pictures LLC (the "Producer").\n\n## 1. Services\n\nThe Studio shall produce the animation described in Schedule A.\n\n';
const PREAMBLE_TXT = 'ANIMATION SERVICES AGREEMENT\n\nThis Agreement is between Pixel Forge Ltd. (the "Studio") and Northlight Pictures LLC (the "Producer").\n\n1. Services. The Studio shall produce the animation described in Schedule A.\n\n';

export const SUBCONTRACTING_MISSING_EXAMPLES: RuleExample[] = [
  {
    title: 'Prior written consent required before subcontracting',
    format: 'markdown',
    expect: 'pass',
    text: PREAMBLE_MD + '## 2. Subcontracting\n\nThe Studio shall not subcontract any of the Services without the Producer’s prior written consent.\n',
  },
  {
    title: 'Mutual clause: "Neither party may … delegate … obligations"',
    format: 'plaintext',
    expect: 'pass',
    text: PREAMBLE_TXT + '2. Assignment. Neither party may assign this Agreement or delegate any of its obligations under it without the prior written consent of the other party.\n',
  },
  {
    title: 'Bar on assigning obligations counts (subcontracting-consent-weak then says subcontracting itself is not addressed)',
    format: 'markdown',
    expect: 'pass',
    text: PREAMBLE_MD + '## 2. Assignment\n\nThe Studio may not assign any of its obligations under this Agreement without the Producer’s prior written consent.\n',
  },
  {
    title: 'No clause about subcontracting at all',
    findings: [{ range: '7:1-7:12', firstSentence: 'No clause stops the Studio from subcontracting, delegating or outsourcing the work without the Producer’s prior written consent.' }],
    coveredText: "2. Payment.",
    firstSentence: "No clause stops the Studio from subcontracting, delegating or outsourcing the work without the Producer’s prior written consent.",
    format: 'plaintext',
    expect: 'fail',
    text: PREAMBLE_TXT + '2. Payment. The Producer shall pay the fees within 30 days of invoice.\n',
    messageIncludes: 'No clause stops the Studio from subcontracting',
  },
  {
    title: 'Only assignment of "this Agreement" is restricted',
    findings: [{ range: '9:1-9:17', firstSentence: 'No clause stops the Studio from subcontracting, delegating or outsourcing the work without the Producer’s prior written consent.' }],
    coveredText: "## 2. Assignment",
    firstSentence: "No clause stops the Studio from subcontracting, delegating or outsourcing the work without the Producer’s prior written consent.",
    format: 'markdown',
    expect: 'fail',
    text: PREAMBLE_MD + '## 2. Assignment\n\nThe Studio may not assign this Agreement without the Producer’s prior written consent.\n',
    messageIncludes: 'without the Producer’s prior written consent',
  },
  {
    title: 'Subcontracting expressly allowed without consent',
    findings: [{ range: '11:1-11:89', firstSentence: 'No clause stops the Studio from subcontracting, delegating or outsourcing the work without the Producer’s prior written consent.' }],
    coveredText: "The Studio may subcontract any part of the Services without the consent of the Producer.",
    firstSentence: "No clause stops the Studio from subcontracting, delegating or outsourcing the work without the Producer’s prior written consent.",
    format: 'markdown',
    expect: 'fail',
    text: PREAMBLE_MD + '## 2. Subcontracting\n\nThe Studio may subcontract any part of the Services without the consent of the Producer.\n',
    messageIncludes: 'subcontract without consent',
  },
  {
    title: 'Restriction binds only the Producer',
    findings: [{ range: '7:1-7:15', firstSentence: 'No clause stops the Studio from subcontracting, delegating or outsourcing the work without the Producer’s prior written consent.' }],
    coveredText: "2. Delegation.",
    firstSentence: "No clause stops the Studio from subcontracting, delegating or outsourcing the work without the Producer’s prior written consent.",
    format: 'plaintext',
    expect: 'fail',
    text: PREAMBLE_TXT + '2. Delegation. The Producer shall not delegate any of its obligations without the Studio’s prior written consent.\n',
    messageIncludes: 'binds the Producer only',
  },
];

export const SUBCONTRACTING_WEAK_EXAMPLES: RuleExample[] = [
  {
    title: 'Strong clause: prior written consent, every tier, flow-down, continuing liability',
    format: 'markdown',
    expect: 'pass',
    text:
      PREAMBLE_MD +
      '## 2. Subcontracting\n\nThe Studio shall not subcontract or delegate any of the Services, at any tier, without the Producer’s prior written consent. Before a subcontractor begins work, the Studio shall bind it by a written agreement to obligations no less protective of the Producer than those in this Agreement. The Studio remains fully liable for the acts and omissions of its subcontractors.\n',
  },
  {
    title: 'Consent not required to be in writing or in advance; no flow-down or liability',
    findings: [{ range: '7:20-7:104', firstSentence: 'Section 2 “Subcontracting” restricts subcontracting but is weak: consent is not required in advance ("prior"); consent is not required in writing; nothing says the Studio stays liable for its subcontractors; nothing requires the Studio to flow its obligations down to subcontractors in writing.' }],
    coveredText: "The Studio shall not subcontract any of the Services without the Producer’s consent.",
    firstSentence: "Section 2 “Subcontracting” restricts subcontracting but is weak: consent is not required in advance (\"prior\"); consent is not required in writing; nothing says the Studio stays liable for its subcontractors; nothing requires the Studio to flow its obligations down to subcontractors in writing.",
    format: 'plaintext',
    expect: 'fail',
    text: PREAMBLE_TXT + '2. Subcontracting. The Studio shall not subcontract any of the Services without the Producer’s consent.\n',
    messageIncludes: 'consent is not required in writing',
  },
  {
    title: 'Affiliates carved out',
    findings: [{ range: '11:1-11:175', firstSentence: 'Section 2 “Subcontracting” restricts subcontracting but is weak: work may go to affiliates without consent.' }],
    coveredText: "The Studio shall not subcontract any of the Services without the Producer’s prior written consent, provided that the Studio may subcontract to its Affiliates without consent.",
    firstSentence: "Section 2 “Subcontracting” restricts subcontracting but is weak: work may go to affiliates without consent.",
    format: 'markdown',
    expect: 'fail',
    text:
      PREAMBLE_MD +
      '## 2. Subcontracting\n\nThe Studio shall not subcontract any of the Services without the Producer’s prior written consent, provided that the Studio may subcontract to its Affiliates without consent. The Studio remains fully liable for its subcontractors, and shall bind each subcontractor by a written agreement to the same obligations.\n',
    messageIncludes: 'affiliates',
  },
  {
    title: 'Only assigning obligations is barred',
    findings: [{ range: '7:16-7:131', firstSentence: 'Section 2 “Assignment” restricts subcontracting but is weak: it only bars assigning obligations, not subcontracting or having others perform the work; nothing says the Studio stays liable for its subcontractors; nothing requires the Studio to flow its obligations down to subcontractors in writing.' }],
    coveredText: "The Studio may not assign any of its obligations under this Agreement without the Producer’s prior written consent.",
    firstSentence: "Section 2 “Assignment” restricts subcontracting but is weak: it only bars assigning obligations, not subcontracting or having others perform the work; nothing says the Studio stays liable for its subcontractors; nothing requires the Studio to flow its obligations down to subcontractors in writing.",
    format: 'plaintext',
    expect: 'fail',
    text: PREAMBLE_TXT + '2. Assignment. The Studio may not assign any of its obligations under this Agreement without the Producer’s prior written consent.\n',
    messageIncludes: 'only bars assigning obligations',
  },
];
