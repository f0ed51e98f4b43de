/**
 * Comprehensively sanctioned countries and regions (US), with the ways contracts name them: English,
 * abbreviations ("N. Korea", "DPRK"), the country's own script and common names in other European
 * languages (Nordkorea, Corée du Nord, Irán, Kuba, Syrien …). Read by the sanctioned-jurisdiction rule and,
 * as evidence beside a listed name, by the text scan.
 */
export interface SanctionedPlace {
  key: string;
  label: string;
  regime: string;
  pattern: RegExp;
}

export const SANCTIONED_PLACES: readonly SanctionedPlace[] = [
  {
    key: 'north-korea',
    label: 'North Korea (DPRK)',
    regime: 'comprehensive US sanctions and UN Security Council measures',
    pattern:
      /\bNorth[\s-]+Korean?\b|\bN\.\s?Korean?\b|\bD\.?\s?P\.?\s?R\.?\s?K\b\.?|\bDPR\s+(?:of\s+)?Korea\b|\bKorea,?\s+DPR\b|\bDemocratic\s+People['’]s\s+Republic\s+of\s+Korea\b|\bKorea,\s*(?:North|Democratic People['’]s Republic of)\b|\bKorea\s+\(North\)|\bPyongyang\b|\bP['’]yŏngyang\b|\bSinuiju\b|\bNord[\s-]?[Kk]orea\b|\bNoord-Korea\b|\bNordcorea\b|\bCor[ée]e\s+du\s+Nord\b|\bCoreia\s+do\s+Norte\b|\bCorea\s+del\s+(?:Norte|Nord)\b|\bKorea\s+Północna\b|Северная\s+Корея|КНДР|조선민주주의인민공화국|(?<![\uAC00-\uD7A3])(?:조선|북한)(?=(?:에서|에|의|으로|은|는|이|과|와)?(?![\uAC00-\uD7A3]))|朝鲜|朝鮮/gu,
  },
  {
    key: 'iran',
    label: 'Iran',
    regime: 'comprehensive US sanctions',
    pattern: /\bIr[aá]n(?:ian)?\b|\bTehran\b|\bTeheran\b|\bT[ée]h[ée]ran\b|\bIslamic\s+Republic\s+of\s+Iran\b|ایران|Иран/gu,
  },
  { key: 'cuba', label: 'Cuba', regime: 'the comprehensive US embargo', pattern: /\b[CK]uba[n]?\b|\bHavana\b|\bLa\s+Habana\b|\bHavanna\b|Куба/gu },
  {
    key: 'syria',
    label: 'Syria',
    regime: 'US and other sanctions',
    pattern: /\bSyria[n]?\b|\bSyrien\b|\bSyrie\b|\bSiria\b|\bS[íi]ria\b|\bSuriye\b|\bSyrian\s+Arab\s+Republic\b|\bDamascus\b|\bDamaskus\b|\bAleppo\b|سوريا|Сирия/gu,
  },
  {
    key: 'crimea',
    label: 'the Crimea region of Ukraine',
    regime: 'comprehensive US sanctions (Executive Order 13685)',
    pattern: /\bCrimea[n]?\b|\bKrim\b|\bCrim[ée]e\b|\bKrym\b|\bSevastopol\b|\bSebastopol\b|\bSimferopol\b|Крым|Севастополь/gu,
  },
  {
    key: 'dnr-lnr',
    label: 'the so-called Donetsk or Luhansk People’s Republic regions of Ukraine',
    regime: 'comprehensive US sanctions (Executive Order 14065)',
    // The covered regions are named with or without "People's Republic": "work in Donetsk / Luhansk".
    pattern: /\b(?:so-called\s+)?(?:Donetsk|Luhansk|Lugansk)(?:\s+People['’]s\s+Republic)?\b|\bDonbass?\b|\bDNR\b|\bLNR\b|Донецк|Луганск|ДНР|ЛНР/gu,
  },
];

/** Any of the places above (for evidence beside a name: is such a place named nearby?). */
export const SANCTIONED_PLACE_IN_TEXT = new RegExp(SANCTIONED_PLACES.map((p) => p.pattern.source).join('|'), 'gu');
