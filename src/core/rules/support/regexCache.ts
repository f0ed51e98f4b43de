/**
 * Regular expressions built from a contract's own words (party labels) are compiled once and reused:
 * compiling a long pattern costs more than running it, and the same labels recur sentence after sentence.
 * Bounded, so a long session checking many contracts does not grow it without end.
 */
const cache = new Map<string, RegExp>();
const MAX = 500;

/** The compiled pattern; a global or sticky one comes back with lastIndex reset to 0. */
export function regExpFor(source: string, flags = ''): RegExp {
  const key = `${flags}/${source}`;
  let re = cache.get(key);
  if (!re) {
    if (cache.size >= MAX) cache.clear();
    cache.set(key, (re = new RegExp(source, flags)));
  }
  re.lastIndex = 0;
  return re;
}
