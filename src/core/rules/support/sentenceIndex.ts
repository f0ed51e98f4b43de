import type { ContractModel } from '../../model/types';
import { lowerCasedPlain } from './lowerCase';
import { perModel } from './perModel';
import { regExpFor } from './regexCache';

/**
 * Indexes of the sentences in which `re` matches, found with one scan of the whole plain text instead
 * of one test per sentence (the rules' cheap first filter on long contracts).
 */
export function sentencesMatching(model: ContractModel, re: RegExp): Set<number> {
  const starts = sentenceStarts(model);
  const out = new Set<number>();
  // A case-insensitive pattern written in lower case runs faster, case-sensitively, on a lower-cased copy
  // (used only when lower-casing keeps every offset, which it does for all but a few letters).
  const lower = re.flags.includes('i') && re.source === re.source.toLowerCase() ? lowerCasedPlain(model) : undefined;
  const flags = (lower ? re.flags.replace('i', '') : re.flags).replace('g', '') + 'g';
  for (const m of (lower ?? model.plain.text).matchAll(regExpFor(re.source, flags))) {
    const src = model.plain.toSource(m.index ?? 0);
    // Last sentence starting at or before the match.
    let lo = 0;
    let hi = starts.length - 1;
    if (hi < 0 || starts[0] > src) continue;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= src) lo = mid;
      else hi = mid - 1;
    }
    if (src < model.sentences[lo].span.end) out.add(lo);
  }
  return out;
}

const sentenceStarts = perModel((model) => model.sentences.map((s) => s.span.start));
