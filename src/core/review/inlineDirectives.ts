import type { SourceDocument } from '../document/sourceDocument';
import type { Finding, SuppressedFinding } from '../types';
import type { DirectiveProblem } from './types';

export type { DirectiveProblem } from './types';

/**
 * Inline control: comments in the contract that switch rules off for a line, a region or the file.
 * Handled by the engine, never by rules, and nothing is dropped: a suppressed finding moves to
 * CheckResult.suppressed with the comment that suppressed it, so the report's appendix can list it.
 *
 * Syntax (each directive on its own line; both forms work in Markdown and plain text):
 *   <!-- clauseguard-disable-next-line [RULE[, RULE…]] [-- reason] -->
 *   <!-- clauseguard-disable [RULE…] -->   …   <!-- clauseguard-enable [RULE…] -->
 *   <!-- clauseguard-disable-file [RULE…] -->
 *   [clauseguard-disable-next-line RULE]      (plain-text form, same keywords)
 * RULE is a rule id or a rule tag; no rule means every rule. Documented in docs/settings.md.
 */

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable' | 'disable-file';

export interface Directive {
  kind: DirectiveKind;
  /** Rule ids or tags; empty = every rule. */
  rules: string[];
  /** Optional reason written after "--". */
  reason?: string;
  /** 0-based line of the comment. */
  line: number;
  /** The comment exactly as written (trimmed). */
  comment: string;
}

const KEYWORDS = '(disable-next-line|disable-file|disable|enable)';
const HTML_FORM = new RegExp(`^<!--\\s*clauseguard-${KEYWORDS}\\b(.*?)-->$`, 'i');
const BRACKET_FORM = new RegExp(`^\\[\\s*clauseguard-${KEYWORDS}\\b([^\\]]*)\\]$`, 'i');
/** Cheap pre-check so a 10 MB contract without directives costs one indexOf. */
const MARKER = /clauseguard-/i;

/** Finds every directive in the text. Lines inside fenced code blocks are ignored. */
export function parseDirectives(doc: SourceDocument): Directive[] {
  if (!MARKER.test(doc.text)) return [];
  const out: Directive[] = [];
  const { lines } = doc;
  let fence: string | undefined;
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStarts[line];
    const raw = doc.text.slice(start, lines.lineEndOffset(line));
    const text = raw.trim();
    const fenceMatch = /^(`{3,}|~{3,})/.exec(text);
    if (doc.format === 'markdown' && fenceMatch) {
      if (!fence) fence = fenceMatch[1][0];
      else if (fenceMatch[1][0] === fence) fence = undefined;
      continue;
    }
    if (fence || text.length < 12 || !MARKER.test(text)) continue;
    const m = HTML_FORM.exec(text) ?? BRACKET_FORM.exec(text);
    if (!m) continue;
    const [body, reason] = splitReason(m[2]);
    out.push({
      kind: m[1].toLowerCase() as DirectiveKind,
      rules: body.split(/[\s,]+/).filter(Boolean),
      ...(reason ? { reason } : {}),
      line,
      comment: text,
    });
  }
  return out;
}

function splitReason(s: string): [string, string | undefined] {
  const i = s.indexOf('--');
  if (i < 0) return [s.trim(), undefined];
  return [s.slice(0, i).trim(), s.slice(i + 2).trim() || undefined];
}

export interface SuppressionOutcome {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  problems: DirectiveProblem[];
}

/** What the engine tells the directive stage about the rules and the firm's policy. */
export interface DirectivePolicy {
  /** A rule's tags, so a directive may name a tag. */
  tagsOf(ruleId: string): readonly string[];
  /** Whether a name is a rule id or tag at all (unknown names are reported: a typo would do nothing). */
  known(name: string): boolean;
  /** false: every directive is ignored and said to be (CLI --no-inline-config). */
  enabled: boolean;
  /** Rules that contract text may not switch off (sanctions screening) unless `allowProtected`. */
  protectedRules: ReadonlySet<string>;
  allowProtected: boolean;
}

/**
 * Stage 2 of the review: splits findings into shown and suppressed according to the document's
 * directives. Contract text is untrusted, so a comment cannot hide a screening finding unless the
 * firm's configuration allows it; a comment that suppresses nothing, names an unknown rule or is
 * refused is itself reported, so every directive is visible.
 */
export function applyInlineSuppressions(doc: SourceDocument, findings: readonly Finding[], policy: DirectivePolicy): SuppressionOutcome {
  const directives = parseDirectives(doc);
  if (!directives.length) return { findings: [...findings], suppressed: [], problems: [] };
  const problems: DirectiveProblem[] = [];
  if (!policy.enabled) {
    for (const d of directives) problems.push({ line: d.line, message: `${d.comment} is ignored: inline comments are turned off for this review (--no-inline-config or "inlineComments": {"enabled": false}).` });
    return { findings: [...findings], suppressed: [], problems };
  }
  for (const d of directives) {
    for (const r of d.rules) {
      if (!policy.known(r)) problems.push({ line: d.line, message: `"${r}" in ${d.comment} is not a ClauseGuard rule id or tag, so this comment does not switch it off. Check the spelling (see the rules list in the documentation).` });
    }
  }
  const regions = buildRegions(doc, directives, problems);
  const lookup = regionLookup(regions);
  const shown: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const used = new Set<Directive>();
  const refused = new Map<Directive, Set<string>>();
  for (const f of findings) {
    const names = [f.rule, ...policy.tagsOf(f.rule)];
    const line = f.range.start.line;
    const accepts = (r: Region) => r.directive.rules.length === 0 || r.directive.rules.some((n) => names.includes(n));
    const hit = lookup(line, accepts);
    if (!hit) {
      shown.push(f);
      continue;
    }
    if (policy.protectedRules.has(f.rule) && !policy.allowProtected) {
      shown.push(f);
      // Every comment that tried to hide it says so, not only the first (screening findings are few).
      for (const r of regions) if (line >= r.from && line <= r.to && accepts(r)) refused.set(r.directive, (refused.get(r.directive) ?? new Set()).add(f.rule));
      continue;
    }
    const d = hit.directive;
    used.add(d);
    suppressed.push({ finding: f, suppression: { kind: 'inline', comment: d.comment, line: d.line, ...(d.reason ? { reason: d.reason } : {}) } });
  }
  for (const d of directives) {
    const r = refused.get(d);
    if (r) problems.push({ line: d.line, message: `${d.comment} cannot switch off sanctions screening (${[...r].join(', ')}): a comment in the contract text could come from the other side. The finding stays; record a reviewer's decision instead, or have your firm allow it in .clauseguard/config.json ("inlineComments": {"allowScreeningDisable": true}).` });
    else if (!used.has(d) && d.kind !== 'enable' && d.rules.every((n) => policy.known(n))) problems.push({ line: d.line, message: `${d.comment} switches nothing off: no finding it covers. Remove it, or check that it sits right above the finding's line.` });
  }
  problems.sort((a, b) => a.line - b.line);
  return { findings: shown, suppressed, problems };
}

interface Region {
  /** Inclusive 0-based lines. */
  from: number;
  to: number;
  directive: Directive;
}

/**
 * The first region (in the order built) covering a line that `accepts`. Next-line regions are kept
 * sorted: their starts and ends both grow with the directive's line, so the regions covering a line
 * are one run found by binary search; 50,000 consecutive directives stay fast. Other regions (one per
 * disable comment) are searched in turn.
 */
function regionLookup(regions: Region[]): (line: number, accepts: (r: Region) => boolean) => Region | undefined {
  const order = new Map(regions.map((r, i) => [r, i]));
  const nextLine = regions.filter((r) => r.directive.kind === 'disable-next-line');
  const wide = regions.filter((r) => r.directive.kind !== 'disable-next-line');
  return (line, accepts) => {
    let best: Region | undefined;
    const consider = (r: Region) => {
      if (accepts(r) && (!best || order.get(r)! < order.get(best)!)) best = r;
    };
    for (const r of wide) if (line >= r.from && line <= r.to) consider(r);
    // First next-line region that ends at or after `line`; the run goes on while regions start at or before it.
    let lo = 0;
    let hi = nextLine.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (nextLine[mid].to < line) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < nextLine.length && nextLine[k].from <= line; k++) consider(nextLine[k]);
    return best;
  };
}

function buildRegions(doc: SourceDocument, directives: Directive[], problems: DirectiveProblem[]): Region[] {
  const regions: Region[] = [];
  const last = doc.lines.lineCount - 1;
  const targets = nextContentLines(doc, directives);
  /** Open disable regions: one per disable directive until an enable closes it. */
  const open: Directive[] = [];
  for (const d of directives) {
    switch (d.kind) {
      case 'disable-file':
        regions.push({ from: 0, to: last, directive: d });
        break;
      case 'disable-next-line': {
        const target = targets.get(d);
        if (target === undefined) problems.push({ line: d.line, message: `${d.comment} is not followed by any text, so it has no effect.` });
        // The comment's own line counts too: a parser may join the comment to the paragraph below it.
        else regions.push({ from: d.line, to: target, directive: d });
        break;
      }
      case 'disable':
        open.push(d);
        break;
      case 'enable': {
        let closed = 0;
        for (let i = open.length - 1; i >= 0; i--) {
          const o = open[i];
          // "enable" with no rule closes every open region; "enable X" closes regions naming X (or all rules).
          if (d.rules.length === 0 || o.rules.length === 0 || o.rules.some((r) => d.rules.includes(r))) {
            regions.push({ from: o.line, to: d.line, directive: o });
            open.splice(i, 1);
            closed++;
          }
        }
        if (!closed) problems.push({ line: d.line, message: `${d.comment} has no matching clauseguard-disable comment above it.` });
        break;
      }
    }
  }
  for (const o of open) regions.push({ from: o.line, to: last, directive: o });
  return regions;
}

/**
 * For each directive, the next line after it that is not blank and is not itself a directive. Found
 * from the last directive up, each line read once: a directive followed by another directive takes
 * that one's answer, so a run of 50,000 consecutive comments is linear, not quadratic.
 */
function nextContentLines(doc: SourceDocument, directives: readonly Directive[]): Map<Directive, number | undefined> {
  const { lines, text } = doc;
  const out = new Map<Directive, number | undefined>();
  let after: number | undefined; // the answer for the directive below the current one
  for (let k = directives.length - 1; k >= 0; k--) {
    const d = directives[k];
    const stop = k + 1 < directives.length ? directives[k + 1].line : lines.lineCount;
    let found: number | undefined;
    for (let l = d.line + 1; l < stop && found === undefined; l++) {
      const t = text.slice(lines.lineStarts[l], lines.lineEndOffset(l)).trim();
      if (t && !HTML_FORM.test(t) && !BRACKET_FORM.test(t)) found = l;
    }
    // Two directives on one line cannot happen (one a line), so `stop` is after d.line or d is the last.
    if (found === undefined && stop < lines.lineCount) found = after;
    out.set(d, found);
    after = found;
  }
  return out;
}
