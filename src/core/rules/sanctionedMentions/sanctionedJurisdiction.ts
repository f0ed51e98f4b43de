import type { Rule, RuleFinding } from '../rule';
import type { ContractModel } from '../../model/types';
import { SANCTIONED_PLACES } from '../../screening/sanctionedPlaces';

export const SANCTIONED_JURISDICTION_ID = 'sanctioned-jurisdiction';

const JURISDICTIONS = SANCTIONED_PLACES;

/** Words that mark a sentence as a sanctions-compliance statement (the place is named as prohibited). */
const COMPLIANCE =
  /\bsanction|\bembargo|\bOFAC\b|\bexport[\s-]+control|\bExport\s+Administration|\bre-?export|\bEAR\b|\bITAR\b|\brestricted\s+(?:countr|territor|part|destination)|\bprohibit|\bcomprehensive(?:ly)?\b|\bblocked\b|\bdesignated\b|\bSpecially\s+Designated|\bdenied\s+part|\btrade\s+control|\bboycott|\bTreasury\b|\bForeign\s+Assets\s+Control|\bshall\s+not\b|\bmay\s+not\b|\bmust\s+not\b|\bnot\s+(?:be\s+)?(?:located|organi[sz]ed|resident|ordinarily)|\bexcept\b|\bexclud/i;
const COMPLIANCE_TITLE = /sanction|export|compliance|trade\s+control|anti-?corruption|restricted/i;

/** Words that place something there: work, incorporation, residence, delivery or payment. */
const PLACE_CUE =
  /\b(?:in|at|from|to|into|within|located|location|based|incorporat\w*|organi[sz]ed|registered|resid\w*|domicil\w*|deliver\w*|ship\w*|perform\w*|work\w*|office|premises|facilit\w*|address|bank|account|pay\w*|remit\w*|wire|transfer\w*|citizen\w*|nationals?|branch|subsidiar\w*|employ\w*|staff|personnel|servers?|host\w*|studio|company|corporation|entity)\b/i;

/** The same cues in Korean and Chinese (in/at, located, resident, address, payment, delivery, work). */
const PLACE_CUE_CJK = /에서|위치|소재|거주|주소|지급|송금|납품|근무|在|位于|地址|住所|付款|支付|交付|工作/;

export const sanctionedJurisdiction: Rule = {
  id: SANCTIONED_JURISDICTION_ID,
  title: 'Place in a comprehensively sanctioned country or region',
  description:
    'Reports North Korea (DPRK, N. Korea, Pyongyang, 조선, 朝鲜), Iran, Cuba, Syria, Crimea and the so-called Donetsk and Luhansk People’s Republic regions (also “Donetsk” or “Luhansk” alone) named as a place of work, incorporation, residence, delivery or payment — also under their common names in other languages (Nordkorea, Corée du Nord, Coreia do Norte, Irán, Kuba, Syrien …) — but not where a sanctions-compliance clause names them as prohibited.',
  rationale:
    'Under comprehensive sanctions almost every transaction involving the country or region is prohibited, whether or not any party is on a list: OFAC FAQs 398–401 and the North Korea Sanctions Regulations block persons without designation, and the 2018 North Korea supply-chain advisory warns that suppliers move work to North Korean factories without telling the customer. A contract that places work, a party, delivery or payment there needs sanctions counsel before it goes further.',
  defaultSeverity: 'error',
  tags: ['sanctions', 'jurisdiction'],
  examples: [
    {
      title: 'Work performed in Pyongyang',
      findings: [{ range: '5:65-5:83', firstSentence: '“Pyongyang, DPRK.” places work, a party, delivery or payment in North Korea (DPRK), which is under comprehensive US sanctions and UN Security Council measures.' }],
      format: 'markdown',
      expect: 'fail',
      text: '# Subcontract\n\n## 3. Place of Performance\n\nThe Subcontractor shall perform the Services at its studio in **Pyongyang**, DPRK.\n',
      messageIncludes: 'North Korea',
    },
    {
      title: 'Payment to a bank in Tehran',
      findings: [{ range: '1:105-1:111', firstSentence: '“Tehran” places work, a party, delivery or payment in Iran, which is under comprehensive US sanctions.' }],
      format: 'plaintext',
      expect: 'fail',
      text: '5. PAYMENT. The Client shall pay each invoice by wire transfer to the Supplier’s account with a bank in Tehran.\n',
      messageIncludes: 'Iran',
    },
    {
      title: 'A sanctions clause that lists the regions as prohibited',
      format: 'markdown',
      expect: 'pass',
      text: '# Agreement\n\n## 12. Sanctions\n\nNeither party shall perform any part of this Agreement in, or make any payment to or from, Cuba, Iran, North Korea, Syria, the Crimea region or the so-called Donetsk or Luhansk People’s Republics.\n',
    },
    {
      title: 'No sanctioned place named',
      format: 'plaintext',
      expect: 'pass',
      text: '3. PLACE OF PERFORMANCE. The Studio shall perform the Services at its premises in Seoul, Republic of Korea, and deliver them to the Producer in Los Angeles.\n',
    },
  ],
  check({ model }) {
    const findings: RuleFinding[] = [];
    const text = model.plain.text;
    for (const j of JURISDICTIONS) {
      for (const m of text.matchAll(j.pattern)) {
        const start = m.index ?? 0;
        const end = start + m[0].length;
        const sentence = sentenceAround(text, start, end);
        if (isComplianceContext(model, sentence, text)) continue;
        if (!PLACE_CUE.test(sentence.text) && !PLACE_CUE_CJK.test(sentence.text)) continue;
        const span = model.plain.toSourceSpan(start, end);
        findings.push({
          span,
          message: `“${m[0]}” places work, a party, delivery or payment in ${j.label}, which is under ${j.regime}. Transactions can be prohibited even when no party is on a sanctions list: do not proceed without approval from sanctions counsel, and remove or replace this location.`,
          data: { jurisdiction: j.key, label: j.label },
        });
      }
    }
    return mergeAdjacent(findings.sort((a, b) => a.span.start - b.span.start), model.doc.text);
  },
};

/** "Pyongyang, North Korea" is one place: neighbouring mentions of the same country become one finding. */
function mergeAdjacent(findings: RuleFinding[], source: string): RuleFinding[] {
  const out: RuleFinding[] = [];
  for (const f of findings) {
    const prev = out[out.length - 1];
    const between = prev ? source.slice(prev.span.end, f.span.start) : '';
    if (prev && prev.data?.jurisdiction === f.data?.jurisdiction && f.span.start >= prev.span.end && /^[\s,;()*_\-–]{0,6}$/.test(between)) {
      prev.span = { start: prev.span.start, end: f.span.end };
      const text = source.slice(prev.span.start, prev.span.end).replace(/[*_]/g, '');
      prev.message = prev.message.replace(/^“[^”]*”/, `“${text}”`);
    } else out.push(f);
  }
  return out;
}

interface PlainSentence {
  start: number;
  end: number;
  text: string;
}

/** The plain-text sentence (or table row / line of a list) around a match. */
function sentenceAround(text: string, start: number, end: number): PlainSentence {
  let s = start;
  while (s > 0 && !/[.;!?\n|]/.test(text[s - 1]) && start - s < 600) s--;
  // A sentence can span lines: step back over single line breaks.
  while (s > 1 && text[s - 1] === '\n' && text[s - 2] !== '\n' && !/[.;!?]/.test(text[s - 2]) && start - s < 600) {
    s--;
    while (s > 0 && !/[.;!?\n|]/.test(text[s - 1]) && start - s < 600) s--;
  }
  let e = end;
  while (e < text.length && !/[.;!?|]/.test(text[e]) && !(text[e] === '\n' && text[e + 1] === '\n') && e - end < 600) e++;
  return { start: s, end: e, text: text.slice(s, e) };
}

function isComplianceContext(model: ContractModel, sentence: PlainSentence, text: string): boolean {
  if (COMPLIANCE.test(sentence.text)) return true;
  // A list of several sanctioned places is a compliance list, whatever its verb.
  let places = 0;
  for (const j of JURISDICTIONS) {
    j.pattern.lastIndex = 0;
    if (j.pattern.test(sentence.text)) places++;
    j.pattern.lastIndex = 0;
  }
  if (places >= 3) return true;
  const clause = model.clauseAt(model.plain.toSource(sentence.start));
  for (let c = clause; c; c = c.parentId ? model.clauseById(c.parentId) : undefined) {
    if (c.title && COMPLIANCE_TITLE.test(c.title)) return true;
  }
  void text;
  return false;
}
