import type { LineInfo } from './lines';
import { endsSentence } from './sentences';
import type { Party, PlainText } from './types';

/**
 * Parties from the preamble ("by and between X, a Delaware corporation ("Company"), and Y ("Contractor")",
 * "BETWEEN: (1) X … (the "Company"); and (2) Y …", "made … by X … and Y") and, when the preamble names
 * fewer than two, from the signature blocks. Roles are the quoted terms that follow each name.
 */
const KEYWORD = /\b(?:by\s+and\s+between|by\s+and\s+among|between|among|BETWEEN|AMONG)\b:?|\b(?:made|entered\s+into|executed)\b[^.;"“]{0,160}?\bby\s+(?!and\b|the\s+parties)/gi;
const STOP = /\b(?:WHEREAS|RECITALS|W\s?I\s?T\s?N\s?E\s?S\s?S\s?E\s?T\s?H|BACKGROUND|NOW,?\s+THEREFORE|IT\s+IS\s+(?:HEREBY\s+)?AGREED|PREAMBLE|Each\s+of\s+the|each\s+of\s+(?:which|whom)|The\s+parties\s+agree)\b/;
const PAREN = /\(([^()]{0,300})\)/g;
const QUOTED = /[“"‘']{1,2}\s*([^“”"]{1,60}?)\s*[”"’']{1,2}/;
const HEREIN = /\b(?:hereinafter|hereafter|HEREINAFTER|HEREAFTER|Hereinafter|Hereafter)\s+(?:(?:referred\s+to|REFERRED\s+TO|called|known)\s+as\s+)?(?:the\s+)?[“"]([^”"]{1,60})[”"]/g;
const AS_ROLE = /\(as\s+([A-Z][A-Za-z ]{1,30})\)/g;
/** Defined terms that name things, never a party: "Payment", "Services", "Deliverables". */
export const NOT_A_PARTY_ROLE =
  /^(?:the\s+)?(?:payments?|fees?|compensation|consideration|price|royalt(?:y|ies)|invoices?|services?|deliverables?|work(?:\s+product)?|works|goods|products?|materials?|inventions?|developments?|results|software|documentation|content|submissions?|contributions?|feedback|equipment|premises|property|confidential\s+information|intellectual\s+property|data|personal\s+data|term|territory|project|program(?:me)?|platform|website|site|account|subscription|order|order\s+form|statement\s+of\s+work|sow|schedule|exhibit|effective\s+date)$/i;
const GENERIC = /^(?:the\s+)?(?:agreement|effective\s+date|parties|party|amendment(?:\s+effective)?\s+date|execution\s+date|commencement\s+date|date|contract|effectivedate|effective)$/i;
const NAME_END =
  /,?\s+(?:a|an)\s+(?=\S)|,\s*(?:with|having|whose|located|organized|organised|incorporated|existing|duly|registered|residing|domiciled|acting|being|on\s+behalf|together\s+with|its|which|doing\s+business|also\s+known|formerly|through|c\/o|of\s+\d)\b|\s+(?:with\s+(?:its|a|an|offices|principal)|having|whose|located\s+at|organized|incorporated|existing|registered|residing|being|together\s+with|through|of\s+\d)\b|,\s*\d|,\s+(?:[\p{Lu}][\p{L}]+\s+){1,3}(?:corporation|company|partnership|association|limited\s+liability\s+company)\b|\s*\((?![^()]{1,30}\)\s*(?:Inc|Limited|Ltd|LLC|Corp|Co|GmbH|AG|S\.A|B\.V|plc|PLC|Pty|L\.P)\b)|\s{3,}|\t/u;
const SEPARATOR = /(?:^|[\s,;)])(?:and|AND|And)\s*:?\s+(?=(?:\(\d+\)\s*)?["“]?[\p{Lu}\d[])|^\s*[-–—]\s*and\s*[-–—]\s*/u;

interface Anchor {
  start: number;
  end: number;
  role: string;
  roleStart: number;
}

export function findParties(plain: PlainText, lines: LineInfo[], firstClauseAt: number): Party[] {
  const p = plain.text;
  const limit = Math.min(p.length, 40000);
  let best: { parties: Party[]; score: number } | undefined;
  const consider = (from: number, to: number, keywordAt: number, needRoles = false) => {
    const result = partiesIn(p, from, to, plain);
    // Inside the body, "between" is only a preamble when the names carry defined roles.
    if (result.parties.length === 0 || ((needRoles || keywordAt > firstClauseAt) && result.anchored < 2)) return;
    // "This Agreement is made … between" beats a cover-page title "X AGREEMENT BETWEEN A AND B".
    const sentence = /\b(?:made|entered|executed|dated|effective|agree)\b/i.test(p.slice(Math.max(0, keywordAt - 250), keywordAt)) ? 5 : 0;
    const score = Math.min(result.anchored, 4) * 10 + sentence + Math.min(result.parties.length, 4);
    if (!best || score > best.score) best = { parties: result.parties, score };
  };
  KEYWORD.lastIndex = 0;
  for (let m = KEYWORD.exec(p); m && m.index < limit; m = KEYWORD.exec(p)) {
    const segStart = m.index + m[0].length;
    consider(segStart, segmentEnd(p, segStart), m.index);
  }
  // "X, with a place of business at … ("Aduro") and Y … ("Consultant") agree to …": no keyword at all.
  if (!best || best.score < 20) {
    for (const para of leadingParagraphs(p, lines, Math.min(firstClauseAt, 6000))) consider(para.start, para.end, 0, true);
  }
  const parties: Party[] = best ? best.parties : [];
  if (parties.length < 2) {
    for (const c of coverParties(plain, lines, firstClauseAt)) {
      if (!parties.some((q) => sameName(q.name, c.name) || (q.role && q.role === c.role))) parties.push(c);
    }
  }
  if (parties.length < 2) {
    for (const s of signatureParties(plain, lines)) {
      if (!parties.some((q) => sameName(q.name, s.name))) parties.push(s);
    }
  }
  return parties.slice(0, 8);
}

/** Paragraphs (runs of non-blank lines) before `end`. */
function leadingParagraphs(p: string, lines: LineInfo[], end: number): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let cur: { start: number; end: number } | undefined;
  for (const l of lines) {
    if (l.plainStart >= end) break;
    if (l.kind === 'blank' || l.kind === 'noise' || l.kind === 'meta') {
      if (cur) out.push(cur);
      cur = undefined;
      continue;
    }
    if (cur) cur.end = l.plainEnd;
    else cur = { start: l.plainStart, end: l.plainEnd };
  }
  if (cur) out.push(cur);
  return out.filter((x) => x.end - x.start > 40 && x.end - x.start < 3000);
}

/** The end of the party list: the end of its sentence, a recital, the next "between", or 1,500 characters. */
function segmentEnd(p: string, from: number): number {
  const max = Math.min(p.length, from + 1500);
  const window = p.slice(from, max);
  const stop = STOP.exec(window);
  const again = /\b(?:between|among)\b/i.exec(window.slice(10));
  let end = Math.min(stop ? from + stop.index : max, again ? from + 10 + again.index : max);
  let depth = 0;
  for (let i = from; i < end; i++) {
    const c = p[i];
    if (c === '(') depth++;
    else if (c === ')') depth = Math.max(0, depth - 1);
    else if (c === '.' && depth === 0 && /^\s+[\p{Lu}]/u.test(p.slice(i + 1, i + 4)) && /[a-z]{3,}["”)]?$/.test(p.slice(Math.max(0, i - 12), i)) && endsSentence(p, i, i + 1)) {
      end = i + 1;
      break;
    }
  }
  return end;
}

function anchorsIn(p: string, from: number, to: number): Anchor[] {
  const seg = p.slice(from, to);
  const out: Anchor[] = [];
  for (const m of seg.matchAll(PAREN)) {
    const q = QUOTED.exec(m[1]);
    if (!q) continue;
    const role = q[1].trim();
    if (!isRole(role)) continue;
    const roleStart = from + m.index + 1 + q.index + q[0].indexOf(q[1]);
    out.push({ start: from + m.index, end: from + m.index + m[0].length, role, roleStart });
  }
  for (const m of seg.matchAll(HEREIN)) {
    const start = from + m.index;
    if (out.some((a) => a.start <= start && start < a.end)) continue;
    const role = m[1].trim();
    if (!isRole(role)) continue;
    let end = start + m[0].length;
    if (p[end] === ')') end++;
    out.push({ start: p[start - 1] === '(' ? start - 1 : start, end, role, roleStart: start + m[0].lastIndexOf(m[1]) });
  }
  for (const m of seg.matchAll(AS_ROLE)) {
    const role = m[1].trim();
    if (isRole(role)) out.push({ start: from + m.index, end: from + m.index + m[0].length, role, roleStart: from + m.index + 4 });
  }
  return out.sort((a, b) => a.start - b.start);
}

function isRole(role: string): boolean {
  return !GENERIC.test(role) && !NOT_A_PARTY_ROLE.test(role) && (/^[\p{Lu}\d]/u.test(role) || /^\p{Ll}{1,3}\p{Lu}\p{L}+$/u.test(role)) && role.split(/\s+/).length <= 5 && !/[.;]$/.test(role);
}

function partiesIn(p: string, from: number, to: number, plain: PlainText): { parties: Party[]; anchored: number } {
  const anchors = anchorsIn(p, from, to);
  const parties: Party[] = [];
  let cursor = from;
  for (const a of anchors) {
    let t0 = cursor;
    if (parties.length > 0) {
      const sep = SEPARATOR.exec(p.slice(cursor, a.start));
      if (!sep) {
        cursor = a.end;
        continue;
      }
      t0 = cursor + sep.index + sep[0].length;
    }
    const party = partyFrom(p, t0, a.start, plain, 'preamble');
    cursor = a.end;
    if (!party) continue;
    party.role = a.role;
    party.roleSpan = plain.toSourceSpan(a.roleStart, a.roleStart + a.role.length);
    parties.push(party);
    // "X, a … company and Y, a … company (each and both of them "Recipient")": Y shares the role.
    const desc = p.slice(t0 + party.name.length, a.start);
    const extra = /\s(?:and|AND)\s+(\p{Lu}[^()]{1,80}?),\s*(?:a|an)\s/u.exec(desc);
    if (extra) {
      const s = t0 + party.name.length + extra.index + extra[0].indexOf(extra[1]);
      const second = partyFrom(p, s, s + extra[1].length, plain, 'preamble');
      if (second) parties.push({ ...second, role: a.role, roleSpan: party.roleSpan });
    }
  }
  if (parties.length > 0) return { parties, anchored: parties.length };
  // No roles: "between X and Y" — split on "and".
  const seg = p.slice(from, to);
  const pieces = seg.split(/\s+(?:and|AND|And)\s*:?\s+(?=["“(\p{Lu}\d[])/u).slice(0, 4);
  let at = from;
  for (const piece of pieces) {
    const start = p.indexOf(piece, at);
    at = start + piece.length;
    const party = partyFrom(p, start, start + piece.length, plain, 'preamble');
    if (!party) continue;
    const role = /\(([A-Z][A-Za-z-]{1,30})\)\s*[,.;]?\s*$/.exec(piece);
    if (role && isRole(role[1])) {
      party.role = role[1];
      const rs = start + piece.lastIndexOf(role[1]);
      party.roleSpan = plain.toSourceSpan(rs, rs + role[1].length);
    }
    parties.push(party);
  }
  return { parties: parties.length >= 2 ? parties : [], anchored: parties.length >= 2 ? parties.filter((x) => x.role).length : 0 };
}

function partyFrom(p: string, from: number, to: number, plain: PlainText, source: Party['source']): Party | undefined {
  let s = from;
  const lead = /^[\s,;:]*(?:\(\s*(?:\d{1,2}|[a-z])\s*\)\s*)?(?:the\s+(?=\p{Lu}))?/u.exec(p.slice(s, to));
  if (lead) s += lead[0].length;
  const text = p.slice(s, to);
  const end = NAME_END.exec(text);
  let nameEnd = end ? end.index : text.length;
  let name = text.slice(0, nameEnd);
  const trimmed = name.replace(/[\s,;:]+$/, '').replace(/\s+of$/i, '');
  nameEnd = trimmed.length;
  name = trimmed;
  if (!name || name.length > 120 || !/^[\p{Lu}\d[“"]/u.test(name) || !/\p{L}|\*/u.test(name)) return undefined;
  if (/^(?:this|the\s+parties|each|both|either|you|we|it)\b/i.test(name)) return undefined;
  // A name is mostly capitalised words ("Bank of America, N.A."), not a clause.
  const words = name.split(/\s+/).filter((w) => /\p{L}/u.test(w) && !/^(?:of|and|the|de|du|des|la|le|del|der|von|van|for|in|&|y|e|et|zu|a\/k\/a|dba|d\/b\/a)$/i.test(w));
  const capitalised = words.filter((w) => /^[^\p{L}]*[\p{Lu}\d]/u.test(w)).length;
  if (words.length > 0 && capitalised / words.length < 0.6) return undefined;
  if (words.length > 10) return undefined;
  const description = text.slice(nameEnd).replace(/^[\s,]+|[\s,(]+$/g, '').replace(/\s+/g, ' ');
  return {
    name: name.replace(/\s+/g, ' '),
    nameSpan: plain.toSourceSpan(s, s + nameEnd),
    description: description && description.length <= 300 ? description : undefined,
    source,
  };
}

const LEGAL = /\b(?:INC|INCORPORATED|LLC|L\.L\.C|LTD|LIMITED|CORP|CORPORATION|COMPANY|CO|GMBH|AG|S\.A|SA|B\.V|N\.V|PLC|L\.P|LP|LLP|N\.A|S\.A\.S|PTE|PTY|SPA|S\.P\.A|AB|AS|OY|KK|SRL|SARL|BANK|UNIVERSITY|TRUST)\b\.?/i;

/** Role words a cover page or key-terms table uses as labels ("Provider: Acme Ltd.", "| Customer | Beta Inc. |"). */
const COVER_ROLE =
  /^(?:provider|service\s+provider|customer|supplier|client|contractor|consultant|vendor|company|buyer|seller|purchaser|licensor|licensee|processor|controller|partner|studio|producer|developer|distributor|reseller|contributor|agency|manufacturer)$/i;
const COVER_LINE = /^[\s|>*_-]*(?:\*\*|__)?([A-Za-z][A-Za-z ]{1,30}?)(?:\*\*|__)?(?:\s*(?::|\|)|\s{2,})\s*(?:\*\*|__)?\s*([^|\n]{2,120}?)\s*(?:\*\*|__)?\s*\|?\s*$/;

/** Parties from a cover page before the first clause: a role label and a legal name on one line. */
function coverParties(plain: PlainText, lines: LineInfo[], firstClauseAt: number): Party[] {
  const p = plain.text;
  const out: Party[] = [];
  for (const l of lines) {
    if (l.plainStart >= Math.max(firstClauseAt, 4000)) break;
    const raw = p.slice(l.plainStart, l.plainEnd);
    const m = COVER_LINE.exec(raw);
    if (!m || !COVER_ROLE.test(m[1].trim()) || /^[-\s:|]*$/.test(m[2])) continue;
    const start = l.plainStart + raw.indexOf(m[2], m.index + m[0].indexOf(m[1]) + m[1].length);
    const party = partyFrom(p, start, start + m[2].length, plain, 'cover');
    if (!party || !LEGAL.test(party.name) || out.some((q) => q.role?.toLowerCase() === m[1].trim().toLowerCase())) continue;
    const role = m[1].trim();
    const rs = l.plainStart + raw.indexOf(role);
    party.role = role.charAt(0).toUpperCase() + role.slice(1).toLowerCase();
    party.roleSpan = plain.toSourceSpan(rs, rs + role.length);
    out.push(party);
    if (out.length >= 4) break;
  }
  return out;
}

/** Company names above "By:" lines after "IN WITNESS WHEREOF". */
function signatureParties(plain: PlainText, lines: LineInfo[]): Party[] {
  const p = plain.text;
  const witness = p.search(/IN WITNESS WHEREOF|In Witness Whereof|IN WITNESS THEREOF/);
  if (witness < 0) return [];
  const out: Party[] = [];
  // A label line above the name ("SUPPLIER:", "“Customer”") gives the party's role.
  let label: { role: string; start: number; line: number } | undefined;
  let lineNo = -1;
  for (const l of lines) {
    lineNo++;
    if (l.plainStart < witness || l.kind !== 'text') continue;
    const raw = p.slice(l.plainStart, l.plainEnd);
    const t = raw.trim();
    const lab = /^["“]?([A-Z][A-Za-z]{2,20}(?: [A-Z][A-Za-z]{2,20})?)["”]?\s*:\s*$|^["“]([A-Z][A-Za-z]{2,20}(?: [A-Z][A-Za-z]{2,20})?)["”]\s*$/.exec(t);
    if (lab && !/^(?:By|Name|Title|Date|Its|Address|Witness|Attest|Signature|Email|Phone|Fax)$/i.test(lab[1] ?? lab[2])) {
      const written = lab[1] ?? lab[2];
      const title = written.charAt(0) + written.slice(1).toLowerCase();
      // "SUPPLIER:" above the signature, "the Supplier" in the body: the role as the body writes it.
      const role = written === written.toUpperCase() && new RegExp(`\\b${title}\\b`).test(p.slice(0, witness)) ? title : written;
      label = { role, start: l.plainStart + raw.indexOf(written), line: lineNo };
      continue;
    }
    if (t.length < 3 || t.length > 90 || !LEGAL.test(t) || /^(?:by|name|title|date|its|witness|in witness|attest)\b/i.test(t) || /[.;]\s*$/.test(t) && !/\b(?:inc|ltd|co|corp|n\.a|s\.a|b\.v|l\.p|llc)\.$/i.test(t)) continue;
    if (/\b(?:shall|hereby|hereto|agreement|executed|written)\b/i.test(t)) continue;
    const s = l.plainStart + raw.indexOf(t);
    const party = partyFrom(p, s, s + t.replace(/:\s*$/, '').length, plain, 'signature');
    if (party && label && lineNo - label.line <= 4) {
      party.role = label.role;
      party.roleSpan = plain.toSourceSpan(label.start, label.start + label.role.length);
    }
    label = undefined;
    if (party && !out.some((q) => sameName(q.name, party.name))) out.push(party);
    if (out.length >= 4) break;
  }
  return out;
}

export function normaliseName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .replace(/\b(?:inc|incorporated|llc|l l c|ltd|limited|corp|corporation|company|co|plc|gmbh|ag|s a|sa|b v|n v|l p|lp|llp|the)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function sameName(a: string, b: string): boolean {
  const x = normaliseName(a);
  const y = normaliseName(b);
  return x.length > 0 && y.length > 0 && (x === y || x.startsWith(y + ' ') || y.startsWith(x + ' '));
}
