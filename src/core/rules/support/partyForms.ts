import type { PartyLabel } from './performer';

/**
 * How a party is written in a message, by grammatical role: online terms say "we"/"us"/"our" for the
 * provider and "you"/"your" for the customer, so "stops we … without you’s consent" must never appear.
 */
export interface PartyForms {
  /** "the Studio", "we", "you". */
  subject: string;
  /** "the Studio", "us", "you". */
  object: string;
  /** "the Studio’s", "our", "your". */
  possessive: string;
  /** The pronoun for "its subcontractors": "its", "our", "your". */
  its: string;
  /** Takes a plural verb ("we stay", "you stay"; "the Studio stays"). */
  plural: boolean;
}

const PRONOUNS: Record<string, PartyForms> = {
  we: { subject: 'we', object: 'us', possessive: 'our', its: 'our', plural: true },
  you: { subject: 'you', object: 'you', possessive: 'your', its: 'your', plural: true },
};

export function partyForms(party: PartyLabel | undefined, fallback: string): PartyForms {
  const ref = party?.reference ?? fallback;
  const pronoun = PRONOUNS[ref.toLowerCase()];
  if (pronoun) return pronoun;
  return { subject: ref, object: ref, possessive: /s$/i.test(ref) ? `${ref}’` : `${ref}’s`, its: 'its', plural: false };
}

/** "stays" / "stay" by the party's number. */
export function verb(forms: PartyForms, singular: string, plural: string): string {
  return forms.plural ? plural : singular;
}

/** Capitalises the first letter (a party at the start of a sentence). */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
