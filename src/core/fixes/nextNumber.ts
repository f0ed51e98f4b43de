/**
 * Next number in a clause numbering sequence: "12.3"→"12.4", "9"→"10", "c"→"d", "iv"→"v", "IV"→"V".
 * `roman` says whether letters are roman numerals (the model's marker knows: "(i)" vs "(i)" after "(h)").
 */
export function nextNumber(number: string, roman = false): string | undefined {
  const n = number.trim();
  const dotted = /^((?:\d+\.)*)(\d+)$/.exec(n);
  if (dotted) return dotted[1] + String(Number(dotted[2]) + 1);
  const mixed = /^((?:\d+\.)+)([a-z])$/i.exec(n);
  if (mixed) return mixed[1] + String.fromCharCode(mixed[2].charCodeAt(0) + 1);
  if (roman || (n.length > 1 && romanToInt(n) !== undefined)) {
    const v = romanToInt(n);
    if (v !== undefined) {
      const r = intToRoman(v + 1);
      return n === n.toUpperCase() ? r.toUpperCase() : r;
    }
  }
  if (/^[a-y]$/i.test(n)) return String.fromCharCode(n.charCodeAt(0) + 1);
  if (/^([a-y])\1+$/i.test(n)) return String.fromCharCode(n.charCodeAt(0) + 1).repeat(n.length);
  if (n === 'z') return 'aa';
  if (n === 'Z') return 'AA';
  return undefined;
}

const ROMAN: [number, string][] = [
  [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
];

export function romanToInt(s: string): number | undefined {
  const t = s.toLowerCase();
  let i = 0;
  let v = 0;
  for (const [value, sym] of ROMAN) {
    while (t.startsWith(sym, i)) {
      v += value;
      i += sym.length;
    }
  }
  return i === t.length && v > 0 && intToRoman(v) === t ? v : undefined;
}

export function intToRoman(n: number): string {
  let out = '';
  let rest = n;
  for (const [value, sym] of ROMAN) {
    while (rest >= value) {
      out += sym;
      rest -= value;
    }
  }
  return out;
}
