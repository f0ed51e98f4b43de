import type { Rule, RuleFinding } from '../rule';
import type { Severity } from '../../types';
import type { ScreenedMention, ScreeningMatch } from '../../screening/screener';

export const SANCTIONED_PARTY_ID = 'sanctioned-party';

const DEFAULT_BANDS = { error: 0.9, warning: 0.8, info: 0.7 };

export const sanctionedParty: Rule = {
  id: SANCTIONED_PARTY_ID,
  title: 'Name matches a sanctions list entry',
  description:
    'Reports a person or organisation named anywhere in the contract — parties, subcontractors, schedules, signature blocks, addresses — whose name matches an entry on a loaded sanctions list (OFAC SDN, OFAC non-SDN, UN Security Council, or your own watchlist).',
  rationale:
    'Dealing with a listed person or entity, directly or through a subcontractor, is prohibited. OFAC’s Framework for Compliance Commitments (2019) names screening that “did not account for alternative spellings of prohibited countries or parties” as a root cause of violations, so names are matched with their aliases, in any word order, across line breaks and emphasis, with look-alike letters and typos. The score says how close the match is; the reviewer decides whether it is the listed party, using the entry’s addresses, identifiers and remarks.',
  defaultSeverity: 'error',
  tags: ['sanctions', 'screening'],
  examples: [
    {
      title: 'A subcontractor that is on the OFAC SDN list (through an alias)',
      findings: [{ range: '5:25-5:66', firstSentence: '“April 26 Children’s Animation Film Studio” matches the OFAC Specially Designated Nationals (SDN) List entry SEK STUDIO (listed alias “APRIL 26 CHILDREN\'S ANIMATION FILM STUDIO”) [ofac-sdn:34022, program DPRK3, list dated 2024-05-03] (score 100/100).' }],
      format: 'markdown',
      expect: 'fail',
      text: '# Animation Services Agreement\n\n## 4. Subcontractors\n\nThe Studio may engage **April 26 Children’s Animation Film Studio** of Pyongyang to produce the in-between frames.\n',
      messageIncludes: 'SEK STUDIO',
    },
    {
      title: 'A listed name split across a line break in a signature block',
      findings: [{ range: '3:11-4:11', firstSentence: '“Yanbian Silverstar Network Technology” matches the OFAC Specially Designated Nationals (SDN) List entry YANBIAN SILVERSTAR NETWORK TECHNOLOGY CO., LTD. [ofac-sdn:24977, program DPRK3, DPRK4, list dated 2024-05-03] (score 100/100).' }],
      format: 'plaintext',
      expect: 'fail',
      text: 'IN WITNESS WHEREOF the parties have signed this Agreement.\n\nSUPPLIER: Yanbian Silverstar Network\nTechnology Co., Ltd.\nBy: ______________\n',
      messageIncludes: 'OFAC',
    },
    {
      title: 'Ordinary companies and defined terms',
      format: 'markdown',
      expect: 'pass',
      text: '# Services Agreement\n\nThis Agreement is made between **Northwind Animation Ltd.** (the “Producer”) and Brightline Studio LLC, a Delaware limited liability company (the “Studio”). The Studio shall deliver the Services to the Producer’s office in Los Angeles.\n',
    },
    {
      title: 'Generic words shared with listed names do not match',
      format: 'plaintext',
      expect: 'pass',
      text: 'GLOBAL TRADING SERVICES AGREEMENT\n\n1. The Company shall provide international trading, logistics and payment services to the Bank.\n',
    },
  ],
  check({ model, services }) {
    const screener = services.screener;
    if (!screener) return [];
    const bands = services.screeningBands ?? DEFAULT_BANDS;
    const findings: RuleFinding[] = [];
    // Struck-out and hidden text (HTML comments, display:none) is screened too: a name a reader cannot see is still in the contract.
    for (const m of screener.screenText(model.allText.text, { minScore: bands.info })) {
      const best = m.best;
      const severity: Severity = best.score >= bands.error ? 'error' : best.score >= bands.warning ? 'warning' : 'info';
      const span = model.allText.toSourceSpan(m.start, m.end);
      const hidden = model.hiddenSpans.some((h) => h.start <= span.start && span.end <= h.end);
      findings.push({
        span,
        message: message(m, severity) + (hidden ? ' The name is in text a reader does not see (struck out, hidden or in a comment).' : ''),
        severity,
        match: {
          score: best.score,
          name: best.name,
          entity: { id: best.entity.id, list: best.entity.list, primaryName: best.entity.primaryName, type: best.entity.type, programs: best.entity.programs },
          explanation: best.explanation,
        },
        data: {
          nameKind: best.nameKind,
          listName: best.list?.name ?? best.entity.list,
          listDate: best.list?.date,
          otherMatches: m.others.map((o) => ({ id: o.entity.id, name: o.name, primaryName: o.entity.primaryName, score: o.score })),
        },
      });
    }
    return findings;
  },
};

function message(m: ScreenedMention, severity: Severity): string {
  const b = m.best;
  const text = m.text.replace(/\s+/g, ' ').trim();
  const entry = describe(b);
  const score = `score ${Math.round(b.score * 100)}/100`;
  const others = m.others.length ? ` ${m.others.length} other listed ${m.others.length === 1 ? 'entry also resembles' : 'entries also resemble'} it.` : '';
  if (severity === 'error') {
    return `“${text}” matches ${entry} (${score}). Dealings with a listed party are prohibited, including through subcontractors: do not sign, perform or pay until your compliance team has confirmed whether this is the listed party.${others}`;
  }
  if (severity === 'warning') {
    return `“${text}” may be ${entry} (${score}). Verify the party’s identity (full legal name, address, registration number) against the entry before proceeding, and record the outcome.${others}`;
  }
  return `“${text}” resembles ${entry} (${score}). Probably a different party; confirm and record why it is not the listed one.${others}`;
}

function describe(b: ScreeningMatch): string {
  const list = b.list?.name ?? b.entity.list;
  const programs = b.entity.programs.length ? `, program ${b.entity.programs.join(', ')}` : '';
  const via = b.nameKind === 'primary' ? '' : ` (listed ${b.nameKind === 'fka' ? 'former name' : 'alias'} “${b.name}”)`;
  const date = b.list?.date ? `, list dated ${b.list.date}` : '';
  return `the ${list} entry ${b.entity.primaryName}${via} [${b.entity.id}${programs}${date}]`;
}
