// Text-scan evaluation (issue 13): listed-name variants written into contract text and found by `check`
// at warning or error naming the right entity; false alarms at warning or error on real contracts and on
// unlisted names written as parties. Used by scripts/eval-screening.mjs.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Contexts a listed name is written into (the first is the sentence; the others written here). */
export const CONTEXTS = {
  sentence: (v) => `# Production Agreement\n\n## 4. Subcontracting\n\n4.1 Studio may engage ${v} as a production partner for the Series, subject to clause 7.\n`,
  preamble: (v) => `# Services Agreement\n\nThis Services Agreement is made on 1 March 2025 between Northwind Animation Ltd., a company incorporated in England (the “Producer”), and ${v} (the “Supplier”).\n`,
  signature: (v) => `IN WITNESS WHEREOF the parties have signed this Agreement on the date first written above.\n\nSUPPLIER\n\n${v}\n\nBy: ______________________\nName: Managing Director\nDate:\n`,
  table: (v) => `# Schedule 2 — Approved Subcontractors\n\n| Role | Subcontractor | Work |\n|---|---|---|\n| Layout | Brightline Studio LLC | Backgrounds |\n| In-between animation | ${v} | Episodes 1–12 |\n`,
  address: (v) => `## 15. Notices\n\nNotices to the Supplier shall be sent to:\n\n${v}\n12 Harbour Road, Unit 4\nAttention: Legal Department\n`,
};

/** Unlisted names written as the other party. */
export const NEGATIVE_CONTEXT = (n) => `# Services Agreement\n\nThis Agreement is made between Northwind Animation Ltd. (the “Producer”) and ${n} (the “Supplier”). The Supplier shall deliver the Services to the Producer’s office.\n`;

/** Dev-set split by entity: a stable hash of the entity number, half to tune, half held out. */
export function isTuningEntity(ent) {
  let h = 2166136261;
  for (const c of String(ent)) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return ((h >>> 0) & 1) === 0;
}

export function readVariants(path) {
  return readFileSync(path, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => {
      const [ent, change, variant] = l.split('\t');
      return { ent, change, variant: variant.replace(/\\n/g, '\n') };
    });
}

export function contractFiles(data) {
  const files = [];
  const walk = (d) => {
    for (const f of readdirSync(d).sort()) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      // Not the data sets' own READMEs and SOURCES.md ("CORALGOLDRESOURCES…" is a contract).
      else if (/\.(txt|md)$/.test(f) && !/README|^SOURCES\.md$/i.test(f)) files.push(p);
    }
  };
  walk(join(data, 'contracts'));
  return files;
}

/** The sanctioned-party findings of one document. */
export function partyFindings(check, name, text) {
  return check(name, text).filter((f) => f.rule === 'sanctioned-party');
}

/** Does the document find `expected` at warning or error? Returns the best finding for it, or the best finding at all. */
export function foundAtWarning(findings, expected) {
  const serious = findings.filter((f) => f.severity !== 'info');
  const right = serious.find((f) => f.match.entity.id === expected);
  return { ok: !!right, best: right ?? findings.find((f) => f.match.entity.id === expected) ?? findings[0] };
}

/**
 * Recall per change kind and context. `variants`: {ent, change, variant, expected?}. Returns rows
 * {change, n, found} per context and the misses (for tuning, never printed in docs).
 */
export function recall(check, variants, contexts = Object.keys(CONTEXTS)) {
  const byContext = {};
  const misses = [];
  for (const ctx of contexts) {
    const kinds = new Map();
    for (const v of variants) {
      const expected = v.expected ?? `ofac-sdn:${v.ent}`;
      const { ok, best } = foundAtWarning(partyFindings(check, `${ctx}.md`, CONTEXTS[ctx](v.variant)), expected);
      const k = kinds.get(v.change) ?? { n: 0, found: 0 };
      k.n++;
      if (ok) k.found++;
      else misses.push({ ctx, ...v, got: best ? `${best.severity} ${best.match.entity.id} ${best.match.name} ${best.match.score}: ${best.match.explanation}` : 'nothing' });
      kinds.set(v.change, k);
    }
    byContext[ctx] = kinds;
  }
  return { byContext, misses };
}

/** Names (unlisted people) written as a party: how many give a warning or error. */
export function falseAlarms(check, names) {
  const alarms = [];
  for (const n of names) {
    const serious = partyFindings(check, 'negative.md', NEGATIVE_CONTEXT(n)).filter((f) => f.severity !== 'info');
    if (serious.length) alarms.push({ name: n, got: `${serious[0].severity} ${serious[0].match.entity.id} ${serious[0].match.name} ${serious[0].match.score}` });
  }
  return alarms;
}

// --- Extra variants from SDN entities outside the development set (same change kinds, seeded) ---

const CYRILLIC = { a: 'а', e: 'е', o: 'о', p: 'р', c: 'с', x: 'х', y: 'у', i: 'і', s: 'ѕ', A: 'А', E: 'Е', O: 'О', P: 'Р', C: 'С', X: 'Х', T: 'Т', H: 'Н', K: 'К', M: 'М', B: 'В' };
const ZERO_WIDTH = ['\u200B', '\u200C', '\u00AD', '\u2060'];
const SUFFIXES = ['LLC', 'Ltd.', 'Co., Ltd.', 'JSC', 'Inc.', 'Limited', 'Corp.'];
const SUFFIX_AT_END = /[,\s]+(CO\.?,? LTD\.?|CO\.?|LTD\.?|LIMITED|LLC|JSC|INC\.?|CORPORATION|CORP\.?|COMPANY LIMITED|S\.A\.?|GMBH|PJSC|OJSC|CJSC|OOO)$/i;

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const titleCase = (s) => s.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (m, a, b) => a + b.toUpperCase());

/** One variant of `name` by change `kind` (undefined when the change does not apply). */
export function makeVariant(name, kind, person, r) {
  const words = name.split(/\s+/);
  const longest = () => words.reduce((a, b, i) => (b.replace(/\W/g, '').length > words[a].replace(/\W/g, '').length ? i : a), 0);
  switch (kind) {
    case 'title':
      return titleCase(name);
    case 'lower':
      return name.toLowerCase();
    case 'typo': {
      const i = longest();
      const w = words[i];
      if (w.length < 6) return undefined;
      const p = 1 + Math.floor(r() * (w.length - 2));
      const op = Math.floor(r() * 3);
      const letter = 'AEIOURSTN'[Math.floor(r() * 9)];
      const nw = op === 0 ? w.slice(0, p) + w.slice(p + 1) : op === 1 ? w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2) : w.slice(0, p) + letter + w.slice(p + 1);
      if (nw === w) return undefined;
      return titleCase([...words.slice(0, i), nw, ...words.slice(i + 1)].join(' '));
    }
    case 'homoglyph': {
      const t = titleCase(name);
      const idx = [...t].map((c, k) => (CYRILLIC[c] ? k : -1)).filter((k) => k >= 0);
      if (!idx.length) return undefined;
      const k = idx[Math.floor(r() * idx.length)];
      return t.slice(0, k) + CYRILLIC[t[k]] + t.slice(k + 1);
    }
    case 'zero_width': {
      const t = titleCase(name).split(' ');
      const i = longest();
      const w = t[i];
      if (w.length < 4) return undefined;
      const p = 1 + Math.floor(r() * (w.length - 1));
      t[i] = w.slice(0, p) + ZERO_WIDTH[Math.floor(r() * ZERO_WIDTH.length)] + w.slice(p);
      return t.join(' ');
    }
    case 'wrap': {
      if (words.length < 2) return undefined;
      const p = 1 + Math.floor(r() * (words.length - 1));
      return titleCase(words.slice(0, p).join(' ')) + '\n' + titleCase(words.slice(p).join(' '));
    }
    case 'emphasis': {
      const t = titleCase(name).split(' ');
      const k = Math.max(1, Math.min(t.length, 1 + Math.floor(r() * 2)));
      const mark = ['**', '*', '_'][Math.floor(r() * 3)];
      return `${mark}${t.slice(0, k).join(' ')}${mark}${t.length > k ? ' ' + t.slice(k).join(' ') : ''}`;
    }
    case 'add_suffix':
      return person || SUFFIX_AT_END.test(name) ? undefined : `${name} ${SUFFIXES[Math.floor(r() * SUFFIXES.length)]}`;
    case 'drop_suffix': {
      if (person || !SUFFIX_AT_END.test(name)) return undefined;
      const d = name.replace(SUFFIX_AT_END, '');
      return d.split(/\s+/).length >= 1 && d !== name ? d : undefined;
    }
    case 'reorder': {
      if (!person || !name.includes(', ')) return undefined;
      const [sur, given] = name.split(', ');
      return `${titleCase(given)} ${sur}`;
    }
    case 'strip_punct':
      return /[.,'-]/.test(name) ? name.replace(/[.,'-]/g, ' ').replace(/\s+/g, ' ').trim() : undefined;
    default:
      return undefined;
  }
}

export const KINDS = ['title', 'lower', 'typo', 'homoglyph', 'zero_width', 'wrap', 'emphasis', 'add_suffix', 'drop_suffix', 'strip_punct', 'reorder'];

/** Parses sdn.csv rows (quoted fields): [ent_num, name, type, program, …]. */
function sdnRows(text) {
  const rows = [];
  for (const line of text.split('\n')) {
    const m = /^(\d+),"([^"]*)",("[^"]*"|-0- ),"([^"]*)"/.exec(line);
    if (m) rows.push({ ent: m[1], name: m[2], type: m[3].replace(/"/g, '').trim(), program: m[4] });
  }
  return rows;
}

/**
 * Variants of primary names of SDN entities not in the development set: `perKind` per change kind, one
 * entity per variant, seeded. Names shorter than two words are skipped (a one-word name written in a
 * contract is weak evidence by design); vessels and aircraft too (not parties to contracts).
 */
export function extraVariants(data, devEntities, perKind = 40, seed = 13, keep = () => true) {
  const r = rng(seed);
  const rows = sdnRows(readFileSync(join(data, 'sanctions/ofac/sdn_2024-05-03/sdn.csv'), 'utf8')).filter(
    (x) => !devEntities.has(x.ent) && keep(x.ent) && x.type !== 'vessel' && x.type !== 'aircraft' && x.name.split(/\s+/).length >= 2 && /^[\x20-\x7e]+$/.test(x.name),
  );
  const out = [];
  const used = new Set();
  for (const kind of KINDS) {
    let made = 0;
    for (let tries = 0; made < perKind && tries < perKind * 50; tries++) {
      const x = rows[Math.floor(r() * rows.length)];
      if (used.has(x.ent)) continue;
      const person = x.type === 'individual';
      const v = makeVariant(person && kind !== 'reorder' ? x.name.replace(/, /, ' ') : x.name, kind, person, r);
      if (!v) continue;
      used.add(x.ent);
      out.push({ ent: x.ent, change: kind, variant: v, person });
      made++;
    }
  }
  return out;
}
