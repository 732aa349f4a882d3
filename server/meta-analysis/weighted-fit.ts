// Weighted least squares for the one- or two-column designs the engine fits (intercept; intercept + covariate),
// and the projection P = W − W X (X'WX)⁻¹ X'W on which metafor's τ² estimators and Q statistics are built.

export type Design = number[][]; // k rows, p columns

export const interceptOnly = (k: number): Design => Array.from({ length: k }, () => [1]);

function at<T>(xs: readonly T[], i: number): T {
  const x = xs[i];
  if (x === undefined) throw new Error(`index ${i} out of range`);
  return x;
}
export const cell = (m: number[][], i: number, j: number): number => at(at(m, i), j);

/** Inverse of a small symmetric positive-definite matrix by Gauss–Jordan elimination. */
export function invert(m: number[][]): number[][] {
  const n = m.length;
  const a = m.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(cell(a, r, col)) > Math.abs(cell(a, pivot, col))) pivot = r;
    [a[col], a[pivot]] = [at(a, pivot), at(a, col)];
    const pr = at(a, col);
    const pv = at(pr, col);
    if (pv === 0) throw new Error("singular design: the covariate does not vary");
    for (let j = 0; j < 2 * n; j++) pr[j] = at(pr, j) / pv;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = at(a, r);
      const f = at(row, col);
      for (let j = 0; j < 2 * n; j++) row[j] = at(row, j) - f * at(pr, j);
    }
  }
  return a.map((row) => row.slice(n));
}

export interface WeightedFit {
  beta: number[];
  /** (X'WX)⁻¹: the coefficients' covariance when the weights are the true inverse variances. */
  xwxInv: number[][];
  /** Σ wᵢ (yᵢ − xᵢ'β)², Cochran's Q when wᵢ = 1/vᵢ. */
  rss: number;
}

export function weightedFit(y: readonly number[], w: readonly number[], X: Design): WeightedFit {
  const p = at(X, 0).length;
  const xwx = Array.from({ length: p }, (_, r) =>
    Array.from({ length: p }, (_, c) => X.reduce((s, row, i) => s + at(w, i) * at(row, r) * at(row, c), 0)),
  );
  const xwy = Array.from({ length: p }, (_, r) => X.reduce((s, row, i) => s + at(w, i) * at(row, r) * at(y, i), 0));
  const xwxInv = invert(xwx);
  const beta = xwxInv.map((row) => row.reduce((s, v, c) => s + v * at(xwy, c), 0));
  const fitted = (i: number) => at(X, i).reduce((s, x, c) => s + x * at(beta, c), 0);
  const rss = y.reduce((s, yi, i) => s + at(w, i) * (yi - fitted(i)) ** 2, 0);
  return { beta, xwxInv, rss };
}

/** P = W − W X (X'WX)⁻¹ X'W, as a dense k × k matrix. */
export function projection(w: readonly number[], X: Design): number[][] {
  const { xwxInv } = weightedFit(
    w.map(() => 0),
    w,
    X,
  );
  return X.map((xi, i) =>
    X.map((xj, j) => {
      let h = 0;
      for (let r = 0; r < xi.length; r++)
        for (let c = 0; c < xj.length; c++) h += at(xi, r) * cell(xwxInv, r, c) * at(xj, c);
      return (i === j ? at(w, i) : 0) - at(w, i) * h * at(w, j);
    }),
  );
}

export const trace = (m: number[][]): number => m.reduce((s, row, i) => s + at(row, i), 0);
export const quadForm = (m: number[][], y: readonly number[]): number =>
  m.reduce((s, row, i) => s + at(y, i) * row.reduce((t, v, j) => t + v * at(y, j), 0), 0);
export { at };
