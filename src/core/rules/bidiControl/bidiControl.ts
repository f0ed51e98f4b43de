import type { Rule, RuleFinding } from '../rule';

export const BIDI_CONTROL_ID = 'bidi-control';

/** Overrides (LRO, RLO) reorder any text; embeddings and isolates (LRE, RLE, LRI, RLI, FSI) matter only beside right-to-left letters. */
const OVERRIDE = /[\u202D\u202E]/;
const CONTROL = /[\u202A-\u202E\u2066-\u2068]/g;
/** Letters of right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo …): where bidi controls have a use. */
const RTL_LETTER = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

const NAMES: Record<string, string> = {
  '\u202A': 'left-to-right embedding (U+202A)',
  '\u202B': 'right-to-left embedding (U+202B)',
  '\u202D': 'left-to-right override (U+202D)',
  '\u202E': 'right-to-left override (U+202E)',
  '\u2066': 'left-to-right isolate (U+2066)',
  '\u2067': 'right-to-left isolate (U+2067)',
  '\u2068': 'first-strong isolate (U+2068)',
};

export const bidiControl: Rule = {
  id: BIDI_CONTROL_ID,
  title: 'Hidden text-direction control character',
  description:
    'Reports an invisible Unicode bidirectional control character (a right-to-left override, or an embedding or isolate in text with no Hebrew or Arabic letters) that makes the contract display differently from what it stores — for example “‮oidutS keS‬” stored, “Sek Studio” shown.',
  rationale:
    'A contract usually arrives from the other side of the deal. Direction overrides let a drafter show one name while the file holds another, which defeats search, copy-and-paste into a screening tool, and comparison with the signed copy (the “Trojan Source” technique, CVE-2021-42574). ClauseGuard reads such text in the order it is displayed when it screens names, and reports the control itself so that a reviewer removes it.',
  defaultSeverity: 'warning',
  tags: ['security', 'screening'],
  examples: [
    {
      title: 'A right-to-left override that shows a sanctioned name reversed in storage',
      findings: [{ range: '1:42-1:54', firstSentence: 'A hidden right-to-left override (U+202E) changes how this text is displayed: it is stored as “oidutS keS” but shown as “Sek Studio”.' }],
      format: 'plaintext',
      expect: 'fail',
      text: '4. Subcontractors. The Studio may engage \u202EoidutS keS\u202C of Pyongyang to produce the in-between frames.\n',
      messageIncludes: 'right-to-left override',
    },
    {
      title: 'Hebrew text with a direction mark where it belongs',
      format: 'plaintext',
      expect: 'pass',
      text: 'The Licensee’s name in Hebrew is \u2067שלום בע״מ\u2069 (Shalom Ltd.).\n',
    },
  ],
  check({ model }) {
    const text = model.doc.text;
    const findings: RuleFinding[] = [];
    CONTROL.lastIndex = 0;
    for (let m = CONTROL.exec(text); m; m = CONTROL.exec(text)) {
      const start = m.index;
      const end = runEnd(text, start);
      const line = lineAround(text, start);
      if (!OVERRIDE.test(m[0]) && RTL_LETTER.test(line)) continue;
      const stored = text.slice(start + 1, end).replace(/[\u202A-\u202E\u2066-\u2069]/g, '');
      const shown = m[0] === '\u202E' ? Array.from(stored).reverse().join('') : stored;
      findings.push({
        span: { start, end: Math.max(end, start + 1) },
        message: `A hidden ${NAMES[m[0]]} changes how this text is displayed${shown !== stored ? `: it is stored as “${stored}” but shown as “${shown}”` : ''}. Text that displays differently from what the file holds can hide a name from search and screening; remove the control character and check the passage against the signed copy.`,
        data: { control: `U+${m[0].codePointAt(0)!.toString(16).toUpperCase()}`, stored, shown },
      });
      CONTROL.lastIndex = end;
    }
    return findings;
  },
};

/** Where the control stops acting: its pop (PDF U+202C / PDI U+2069), the end of the line, or 200 characters on. */
function runEnd(text: string, start: number): number {
  let e = start + 1;
  while (e < text.length && e - start < 200 && text[e] !== '\u202C' && text[e] !== '\u2069' && text[e] !== '\n') e++;
  return e < text.length && (text[e] === '\u202C' || text[e] === '\u2069') ? e + 1 : e;
}

function lineAround(text: string, at: number): string {
  const s = text.lastIndexOf('\n', at) + 1;
  const e = text.indexOf('\n', at);
  return text.slice(s, e < 0 ? text.length : e);
}
