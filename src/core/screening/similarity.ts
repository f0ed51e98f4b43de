/** Jaro-Winkler similarity (0..1), prefix scale 0.1 up to 4 characters, as OFAC and watchman use it. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (!la || !lb) return 0;
  const range = Math.max(0, (Math.max(la, lb) >> 1) - 1);
  const aMatch = scratch(0, la);
  const bMatch = scratch(1, lb);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(lb - 1, i + range);
    for (let j = lo; j <= hi; j++) {
      if (!bMatch[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
        aMatch[i] = 1;
        bMatch[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (!matches) return 0;
  let t = 0;
  for (let i = 0, k = 0; i < la; i++) {
    if (!aMatch[i]) continue;
    while (!bMatch[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / la + matches / lb + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < la && prefix < lb && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Optimal-string-alignment distance (Levenshtein + adjacent transpositions), stopping early above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  // Three rows of the table, reused between calls (names are compared by the thousand).
  let prev2 = rows(0, lb + 1);
  let prev = rows(1, lb + 1);
  let cur = rows(2, lb + 1);
  for (let j = 0; j <= lb; j++) prev[j] = j;
  for (let i = 1; i <= la; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[lb];
}

const flagBuffers = [new Uint8Array(64), new Uint8Array(64)];
/** Zeroed scratch flags of length n (buffer k), reused between calls. */
function scratch(k: number, n: number): Uint8Array {
  if (flagBuffers[k].length < n) flagBuffers[k] = new Uint8Array(n * 2);
  const b = flagBuffers[k];
  b.fill(0, 0, n);
  return b;
}

const rowBuffers = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
/** Scratch row k of at least n cells (contents undefined), reused between calls. */
function rows(k: number, n: number): Int32Array {
  if (rowBuffers[k].length < n) rowBuffers[k] = new Int32Array(n * 2);
  return rowBuffers[k];
}
