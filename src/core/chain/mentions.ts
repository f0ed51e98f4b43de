import type { ContractModel } from '../model/types';
import { foldedText } from './partyKey';
import type { ConsentSentence, UpstreamMention } from './types';

// "under its subcontract with X", "pursuant to the production agreement with X", "as part of its engagement by X".
const UNDER_CONTRACT =
  /\b(?:under|pursuant\s+to|in\s+connection\s+with|as\s+part\s+of|in\s+performance\s+of)\s+(?:its|their|his|her|the|a|an)\s+(?:[\w-]+\s+){0,3}?(?:sub-?contract|agreement|contract|work\s+order|purchase\s+order|engagement|order|arrangement|appointment)\s+(?:with|for|from|by)\s+/gi;
// "the episodes that Contractor produces for X", "work the Studio performs for X".
const PRODUCES_FOR = /\b(?:that|which)\s+(?:the\s+)?[A-Z][\w-]*\s+(?:produces|performs|provides|delivers|supplies|renders|animates|creates|develops|manufactures|makes)\s+for\s+/g;
// A name as written: capitalised words, with the small words names contain.
const NAME_WORD = /^(?:[\p{Lu}\d][\p{L}\p{N}&'’.,-]*|of|and|&|de|du|der|van|von|the)$/u;

/** Names of upstream parties mentioned in the contract, with the sentence they are in. */
export function upstreamMentions(model: ContractModel): UpstreamMention[] {
  const out: UpstreamMention[] = [];
  for (const s of model.sentences) {
    if (!/\b(?:with|for|from|by)\b/.test(s.text)) continue;
    for (const re of [UNDER_CONTRACT, PRODUCES_FOR]) {
      re.lastIndex = 0;
      for (const m of s.text.matchAll(re)) {
        const words = leadingName(s.text.slice((m.index ?? 0) + m[0].length));
        if (words.length) out.push({ words, range: model.doc.lines.rangeOf(s.span) });
      }
    }
  }
  return out;
}

/** The run of name words at the start of `rest` (at most 10), without a trailing small word. */
function leadingName(rest: string): string[] {
  const words: string[] = [];
  for (const raw of rest.split(/\s+/).slice(0, 10)) {
    if (!NAME_WORD.test(raw)) break;
    words.push(raw);
    if (/[,;:)]$/.test(raw) && !/^(?:Co|Ltd|Inc|Corp|L\.?L\.?C)\.?,$/i.test(raw)) break;
  }
  while (words.length && /^(?:of|and|&|de|du|der|van|von|the)$/.test(words[words.length - 1])) words.pop();
  if (words.length && /^the$/i.test(words[0])) words.shift();
  return words;
}

// Consent given or recorded: "X hereby consents to …", "has given its prior written consent", "Approved subcontractors: …".
const CONSENT_GIVEN =
  /\b(?:hereby\s+)?(?:consents|approves|authori[sz]es)\b|\b(?:has|have)\s+(?:given|granted)\s+(?:its|their)?\s*(?:prior\s+)?(?:express\s+)?(?:written\s+)?(?:consent|approval)\b|\bconsent\s+(?:is|was|has\s+been)\s+(?:hereby\s+)?(?:given|granted)\b|\bhereby\s+(?:gives?|grants?)\s+(?:its|their)?\s*(?:prior\s+)?(?:written\s+)?(?:consent|approval)\b|\bapproved\s+sub-?contractors?\b\s*(?:[:–—-]|\b(?:are|is|include|includes)\b)/i;
// A consent that is refused, conditional on a future event, or a restriction's "without consent".
const NOT_GIVEN = /\b(?:not|no|without|unless|until|never|neither|nor|withhold|refuses?|refused|revoke[sd]?)\b/i;

/** Sentences that give or record consent to a subcontractor. */
export function consentSentences(model: ContractModel): ConsentSentence[] {
  const out: ConsentSentence[] = [];
  for (const s of model.sentences) {
    if (!CONSENT_GIVEN.test(s.text) || NOT_GIVEN.test(s.text)) continue;
    out.push({ text: s.text, folded: foldedText(s.text), range: model.doc.lines.rangeOf(s.span) });
  }
  return out;
}
