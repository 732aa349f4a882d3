// Inter-rater agreement for screening: Cohen's kappa (two reviewers, optionally weighted for ordered
// categories), Fleiss' kappa (a fixed number of reviewers per record) and the raw percent agreement that
// reviews report beside them. Pure arithmetic on count tables, so the numbers can be checked against
// published examples.
//
// A kappa is undefined when chance alone already predicts perfect agreement (every rating in one category).
// Many tools then report 1 when the observed agreement is perfect too; we return null instead, so the UI says
// "not computable" rather than claiming agreement beyond chance that the data cannot show.

export type KappaWeights = "linear" | "quadratic" | number[][];

/** Cohen's kappa for a k×k table (rows: rater 1, columns: rater 2, same category order). */
export function cohensKappa(table: number[][], weights?: KappaWeights): number | null {
  const k = checkSquareTable(table);
  const w = disagreementWeights(k, weights);
  const { total, rows, cols } = margins(table);
  if (total === 0) return null;

  // Kappa as 1 − observed/expected disagreement: this one form covers the unweighted case (w = 1 off the
  // diagonal) and any weighting. Both sums stay in counts (scaled by n and n²) to avoid dividing early.
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const wij = w[i]![j]!;
      observed += wij * table[i]![j]!;
      expected += wij * rows[i]! * cols[j]!;
    }
  }
  if (expected === 0) return null;
  return 1 - (total * observed) / expected;
}

/** The share of items on which the two raters chose the same category, 0..1; null for an empty table. */
export function percentAgreement(table: number[][]): number | null {
  const k = checkSquareTable(table);
  const { total } = margins(table);
  if (total === 0) return null;
  let agreed = 0;
  for (let i = 0; i < k; i++) agreed += table[i]![i]!;
  return agreed / total;
}

/**
 * Fleiss' kappa from a subjects × categories matrix: counts[s][c] = how many raters put subject s in
 * category c. Every subject needs the same number of raters (the statistic's own assumption), at least two.
 */
export function fleissKappa(counts: number[][]): number | null {
  if (counts.length === 0) return null;
  const k = counts[0]!.length;
  let raters = -1;
  counts.forEach((row, s) => {
    if (row.length !== k)
      throw new RangeError(`Fleiss' kappa: subject ${s + 1} has ${row.length} categories, expected ${k}`);
    for (const v of row) {
      if (!Number.isInteger(v) || v < 0)
        throw new RangeError(`Fleiss' kappa: subject ${s + 1} has an invalid count ${v}`);
    }
    const n = sum(row);
    if (raters === -1) raters = n;
    if (n !== raters) {
      throw new RangeError(
        `Fleiss' kappa needs the same number of raters for every subject: subject 1 has ${raters}, subject ${s + 1} has ${n}`,
      );
    }
  });
  const n = raters;
  if (n < 2) throw new RangeError(`Fleiss' kappa needs at least 2 raters per subject, got ${n}`);

  const subjects = counts.length;
  const ratings = subjects * n;
  // Mean per-subject agreement P̄ = mean of (Σ n_sc² − n) / (n(n − 1)), kept as one integer sum.
  let pairsAgreeing = 0;
  const categoryTotals = new Array<number>(k).fill(0);
  for (const row of counts) {
    for (let c = 0; c < k; c++) {
      const v = row[c]!;
      pairsAgreeing += v * (v - 1);
      categoryTotals[c]! += v;
    }
  }
  const observed = pairsAgreeing / (subjects * n * (n - 1));
  // Expected agreement P̄e = Σ p_c² with p_c = category total / all ratings; integers until the last step.
  const squares = categoryTotals.reduce((acc, t) => acc + t * t, 0);
  if (squares === ratings * ratings) return null;
  const expected = squares / (ratings * ratings);
  return (observed - expected) / (1 - expected);
}

/** Builds a Cohen table from (rater 1, rater 2) label pairs; rows and columns follow `categories`. */
export function contingencyTable(pairs: [string, string][], categories: readonly string[]): number[][] {
  const index = categoryIndex(categories);
  const table = categories.map(() => new Array<number>(categories.length).fill(0));
  for (const [a, b] of pairs) table[lookup(index, a)]![lookup(index, b)]! += 1;
  return table;
}

/** Builds a Fleiss count matrix from each subject's list of labels (one per rater). */
export function fleissCounts(ratings: string[][], categories: readonly string[]): number[][] {
  const index = categoryIndex(categories);
  return ratings.map((labels) => {
    const row = new Array<number>(categories.length).fill(0);
    for (const label of labels) row[lookup(index, label)]! += 1;
    return row;
  });
}

// Landis & Koch (1977) print their bands to two decimals (0.00–0.20, 0.21–0.40, …); we read each upper edge
// as inclusive and everything above it as the next band. The tolerance stops float noise such as
// 0.20000000000000004 from moving a kappa of exactly 0.2 up a band.
const BANDS: [number, string][] = [
  [0.2, "slight"],
  [0.4, "fair"],
  [0.6, "moderate"],
  [0.8, "substantial"],
];
const EDGE_TOLERANCE = 1e-9;

/** Landis & Koch label for a kappa; "not computable" for null. */
export function interpretKappa(k: number | null): string {
  if (k === null || Number.isNaN(k)) return "not computable";
  if (k < 0) return "poor";
  for (const [upper, label] of BANDS) if (k <= upper + EDGE_TOLERANCE) return label;
  return "almost perfect";
}

function checkSquareTable(table: number[][]): number {
  const k = table.length;
  table.forEach((row, i) => {
    if (row.length !== k)
      throw new RangeError(`Agreement table must be square: row ${i + 1} has ${row.length} cells, expected ${k}`);
    for (const v of row) {
      if (!Number.isFinite(v) || v < 0)
        throw new RangeError(`Agreement table has an invalid count ${v} in row ${i + 1}`);
    }
  });
  return k;
}

// Disagreement weights, 0 on the diagonal. Linear and quadratic are scaled to 0..1 by (k − 1) as in
// Cicchetti–Allison and Fleiss–Cohen; kappa is unchanged by scaling, so [0, 1, 2] gives the same value.
function disagreementWeights(k: number, weights: KappaWeights | undefined): number[][] {
  if (Array.isArray(weights)) {
    if (weights.length !== k || weights.some((row) => row.length !== k)) {
      throw new RangeError(`Weight matrix must be ${k}×${k} to match the table`);
    }
    weights.forEach((row, i) => {
      if (row[i] !== 0) throw new RangeError(`Disagreement weight on the diagonal must be 0 (row ${i + 1})`);
      if (row.some((v) => !Number.isFinite(v) || v < 0))
        throw new RangeError(`Weight matrix row ${i + 1} has an invalid weight`);
    });
    return weights;
  }
  const span = Math.max(k - 1, 1);
  const weight = (i: number, j: number): number => {
    if (weights === "linear") return Math.abs(i - j) / span;
    if (weights === "quadratic") return ((i - j) / span) ** 2;
    return i === j ? 0 : 1;
  };
  return Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => weight(i, j)));
}

function margins(table: number[][]): { total: number; rows: number[]; cols: number[] } {
  const rows = table.map(sum);
  const cols = table.map((_, j) => sum(table.map((row) => row[j]!)));
  return { total: sum(rows), rows, cols };
}

function categoryIndex(categories: readonly string[]): Map<string, number> {
  const index = new Map<string, number>();
  categories.forEach((c, i) => {
    if (index.has(c)) throw new RangeError(`Category "${c}" is listed twice`);
    index.set(c, i);
  });
  return index;
}

function lookup(index: Map<string, number>, label: string): number {
  const i = index.get(label);
  if (i === undefined)
    throw new RangeError(`Unknown category "${label}" (expected one of: ${[...index.keys()].join(", ")})`);
  return i;
}

function sum(values: number[]): number {
  return values.reduce((acc, v) => acc + v, 0);
}
