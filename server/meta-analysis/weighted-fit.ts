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

/** Xᵀ diag(d) X for a design X. */
function crossWeighted(X: Design, d: readonly number[]): number[][] {
  const p = at(X, 0).length;
  return Array.from({ length: p }, (_, r) =>
    Array.from({ length: p }, (_, c) => X.reduce((s, row, i) => s + at(d, i) * at(row, r) * at(row, c), 0)),
  );
}
/** tr(A B) for two p × p matrices. */
const traceOfProduct = (A: number[][], B: number[][]): number =>
  A.reduce((s, row, i) => s + row.reduce((t, a, j) => t + a * cell(B, j, i), 0), 0);

export interface ProjectionStats {
  /** y'Py: the weighted residual sum of squares. */
  yPy: number;
  /** y'PPy = ‖Py‖², with Py = W(y − Xβ̂). */
  yPPy: number;
  trP: number;
  /** tr(PP) = Σᵢⱼ Pᵢⱼ². */
  trPP: number;
}

/**
 * The quantities of P = W − W X (X'WX)⁻¹ X'W that the τ² estimators need, in O(k·p²) without forming the k × k
 * matrix: with A = (X'WX)⁻¹, tr(P) = Σw − tr(A X'W²X) and tr(PP) = Σw² − 2 tr(A X'W³X) + tr((A X'W²X)²).
 */
export function projectionStats(y: readonly number[], w: readonly number[], X: Design): ProjectionStats {
  const fit = weightedFit(y, w, X);
  const A = fit.xwxInv;
  const w2 = w.map((x) => x * x);
  const w3 = w.map((x) => x * x * x);
  const AX2 = crossWeighted(X, w2);
  const AW2 = A.map((row) => AX2[0]?.map((_, c) => row.reduce((s, a, j) => s + a * cell(AX2, j, c), 0)) ?? []);
  const py = y.map((yi, i) => at(w, i) * (yi - at(X, i).reduce((s, x, c) => s + x * at(fit.beta, c), 0)));
  return {
    yPy: fit.rss,
    yPPy: py.reduce((s, x) => s + x * x, 0),
    trP: w.reduce((s, x) => s + x, 0) - traceOfProduct(A, AX2),
    trPP: w2.reduce((s, x) => s + x, 0) - 2 * traceOfProduct(A, crossWeighted(X, w3)) + traceOfProduct(AW2, AW2),
  };
}

/** log det(X'WX), for the restricted log-likelihood. */
export function logDetXwx(w: readonly number[], X: Design): number {
  const m = crossWeighted(X, w);
  let logDet = 0;
  for (let col = 0; col < m.length; col++) {
    const pivot = cell(m, col, col);
    logDet += Math.log(Math.abs(pivot));
    for (let r = col + 1; r < m.length; r++) {
      const f = cell(m, r, col) / pivot;
      const row = at(m, r);
      for (let c = col; c < m.length; c++) row[c] = at(row, c) - f * cell(m, col, c);
    }
  }
  return logDet;
}

/** For ordinary least squares (P = I − X(X'X)⁻¹X'): y'Py and tr(P V) for the variances v. */
export function olsStats(y: readonly number[], v: readonly number[], X: Design): { yPy: number; trPV: number } {
  const fit = weightedFit(
    y,
    y.map(() => 1),
    X,
  );
  return { yPy: fit.rss, trPV: v.reduce((s, x) => s + x, 0) - traceOfProduct(fit.xwxInv, crossWeighted(X, v)) };
}

export { at };
