// String and token similarity for the hot loop: millions of candidate pairs on a large import, so no
// allocation per call (two rows reused) and an early exit once the answer is known to be "too different".

let previousRow = new Int32Array(256);
let currentRow = new Int32Array(256);

/**
 * Levenshtein distance, or `limit + 1` as soon as it is certain to exceed `limit`: only a band of width
 * 2·limit+1 around the diagonal is computed.
 */
export function boundedLevenshtein(a: string, b: string, limit: number): number {
  if (a === b) return 0;
  if (a.length > b.length) [a, b] = [b, a];
  const n = a.length;
  const m = b.length;
  if (m - n > limit) return limit + 1;
  if (n === 0) return m;
  if (previousRow.length <= m) {
    previousRow = new Int32Array(m * 2);
    currentRow = new Int32Array(m * 2);
  }
  const big = limit + 1;
  for (let j = 0; j <= m; j++) previousRow[j] = j <= limit ? j : big;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(m, i + limit);
    currentRow[from - 1] = from === 1 && i <= limit ? i : big;
    let rowMin = big;
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const substitution = previousRow[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const deletion = (j <= i - 1 + limit ? previousRow[j]! : big) + 1;
      const insertion = currentRow[j - 1]! + 1;
      let best = substitution < deletion ? substitution : deletion;
      if (insertion < best) best = insertion;
      if (best > big) best = big;
      currentRow[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (to < m) currentRow[to + 1] = big;
    if (rowMin > limit) return big;
    const swap = previousRow;
    previousRow = currentRow;
    currentRow = swap;
  }
  return Math.min(previousRow[m]!, big);
}

/**
 * 1 − distance / longer length, or 0 when below `floor` (then the exact value is not worth computing).
 */
export function editSimilarity(a: string, b: string, floor = 0): number {
  const longer = Math.max(a.length, b.length);
  if (longer === 0) return 1;
  const limit = Math.floor((1 - floor) * longer);
  const d = boundedLevenshtein(a, b, limit);
  return d > limit ? 0 : 1 - d / longer;
}

/** Size of the intersection of two sorted, duplicate-free id arrays. */
export function sharedCount(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}
