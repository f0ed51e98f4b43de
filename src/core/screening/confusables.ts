import { CONFUSABLE_FROM, CONFUSABLE_TO } from './confusables.generated';

/**
 * Letters that display as Latin ones (Unicode TR39 confusables: Armenian օ, Cherokee Ꮪ, Lisu ꓢ, Latin small
 * capitals ᴀ, mathematical letters …), read as the letter they show. Cyrillic and Greek look-alikes are
 * handled by normalize.ts, which also keeps whole words of those scripts as names in their own script.
 */
let table: Map<number, string> | undefined;

/** Non-ASCII characters outside the table's scripts are left alone; ASCII text returns unchanged at once. */
export function readAsDisplayed(word: string): string {
  if (/^[\x00-\x7f]*$/.test(word)) return word;
  if (!table) {
    table = new Map();
    const from = Array.from(CONFUSABLE_FROM);
    from.forEach((c, i) => table!.set(c.codePointAt(0)!, CONFUSABLE_TO[i]));
  }
  let out = '';
  let changed = false;
  for (const c of word) {
    const to = table.get(c.codePointAt(0)!);
    if (to !== undefined) changed = true;
    out += to ?? c;
  }
  return changed ? out : word;
}
