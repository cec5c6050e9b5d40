/** Locale-independent natural ordering, so `route_2` sorts before `route_10` in the comment. */
import { compareStrings } from '../../../generators/sort.js';

const CHUNKS = /(\d+)/;

export function compareNatural(a: string, b: string): number {
  const [left, right] = [a.split(CHUNKS), b.split(CHUNKS)];
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const [x, y] = [left[i]!, right[i]!];
    if (x === y) continue;
    // Odd chunks are digit runs: compare by value, then by length (007 after 7).
    if (i % 2 === 1) return Number(x) - Number(y) || x.length - y.length;
    return compareStrings(x, y);
  }
  return left.length - right.length;
}
