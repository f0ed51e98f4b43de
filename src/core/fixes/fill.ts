import type { ClauseTemplate } from './library';
import type { InsertionPlan } from './plan';

/** Values known from the contract, keyed by variable source; missing ones fall back to the defaults. */
export interface FillContext {
  /** "the Studio" / "Provider" as the contract writes it. */
  performingParty?: string;
  otherParty?: string;
  /** Explicit values by variable name (override everything). */
  values?: Record<string, string>;
}

export interface RenderedClause {
  /** Plain text to insert at plan.offset. */
  text: string;
  /** The same as a VS Code snippet: placeholders are tab stops. */
  snippet: string;
  /** The heading or run-in title used, for messages. */
  label: string;
}

interface Piece {
  literal?: string;
  variable?: string;
  value?: string;
}

/** Fills a clause with the contract's names and numbering, in the file's format and line endings. */
export function renderClause(template: ClauseTemplate, plan: InsertionPlan, ctx: FillContext = {}): RenderedClause {
  const values = new Map<string, string>();
  const known = new Set<string>();
  for (const v of template.variables) {
    const fromCtx = v.from === 'performingParty' ? ctx.performingParty : v.from === 'otherParty' ? ctx.otherParty : undefined;
    const given = ctx.values?.[v.name] ?? fromCtx;
    if (given !== undefined) known.add(v.name);
    values.set(v.name, given ?? v.default);
  }
  const title = plan.upperTitle ? template.title.toUpperCase() : template.title;
  const paragraphs = template.body.split(/\n[ \t]*\n/).map((p) => p.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean);
  const md = plan.format === 'markdown';
  let head: string;
  let headIsLine: boolean;
  if (plan.heading && plan.number) {
    head = plan.heading.replace('{number}', plan.number).replace('{title}', title);
    headIsLine = !plan.runIn;
  } else {
    head = md ? `**${title}.**` : `${title}.`;
    headIsLine = false;
  }
  const eol = plan.eol;
  const indent = plan.indent;
  const blocks: Piece[][] = [];
  paragraphs.forEach((p, i) => {
    // A value taken from the contract (a party name) is text, not a blank for the reviewer to fill.
    const pieces = splitPlaceholders(p, values).map((x) => (x.variable && known.has(x.variable.replace(/#cap$/, '')) ? { literal: x.value ?? '' } : x));
    if (i === 0 && !headIsLine) blocks.push([{ literal: indent + head + ' ' }, ...pieces]);
    else blocks.push([{ literal: indent }, ...pieces]);
  });
  if (headIsLine) blocks.unshift([{ literal: indent + head }]);
  const lead = plan.offset === 0 ? '' : eol + eol;
  const text = lead + blocks.map((b) => b.map((x) => x.literal ?? x.value ?? '').join('')).join(eol + eol);
  const snippet = toSnippet(lead, blocks, eol + eol);
  return { text, snippet, label: plan.number ? `${plan.number} ${title}` : title };
}

function splitPlaceholders(paragraph: string, values: Map<string, string>): Piece[] {
  const out: Piece[] = [];
  let last = 0;
  for (const m of paragraph.matchAll(/\{\{\s*([\w-]+)\s*\}\}/g)) {
    const i = m.index ?? 0;
    const before = paragraph.slice(last, i);
    if (before) out.push({ literal: before });
    const atStart = /(?:^|[.!?:]\s+|\(\w+\)\s+)$/.test(paragraph.slice(0, i));
    const raw = values.get(m[1]) ?? m[1];
    out.push({ variable: m[1] + (atStart ? '#cap' : ''), value: atStart ? raw.charAt(0).toUpperCase() + raw.slice(1) : raw });
    last = i + m[0].length;
  }
  if (last < paragraph.length) out.push({ literal: paragraph.slice(last) });
  return out;
}

/**
 * Each distinct placeholder the reviewer must fill (and its capitalised form) is one tab stop; repeats
 * mirror it. Values from the contract (party names) are plain text: no linked selections on them.
 */
function toSnippet(lead: string, blocks: Piece[][], sep: string): string {
  const stops = new Map<string, number>();
  const parts = blocks.map((b) =>
    b
      .map((p) => {
        if (p.literal !== undefined) return escapeSnippet(p.literal);
        const key = p.variable!;
        const known = stops.get(key);
        if (known) return `$${known}`;
        const n = stops.size + 1;
        stops.set(key, n);
        return `\${${n}:${escapeSnippet(p.value ?? '')}}`;
      })
      .join(''),
  );
  return escapeSnippet(lead) + parts.join(escapeSnippet(sep)) + '$0';
}

export function escapeSnippet(s: string): string {
  return s.replace(/[\\$}]/g, (c) => '\\' + c);
}
