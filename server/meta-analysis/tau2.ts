// Between-study variance τ², estimated as metafor's rma.uni() does (metafor documentation; Viechtbauer 2005 for
// REML and Paule–Mandel; DerSimonian & Laird 1986): REML by Fisher scoring from the Hedges (HE) starting value until
// τ² changes by less than 1e-5, PM as the root of the generalised Q in [0, max(100, 10·mad(y)²)] by uniroot, DL in
// closed form. All three are truncated at 0.
import { AppError } from "../errors/app-error";
import type { Tau2Method } from "./types";
import { R_UNIROOT_TOL, uniroot } from "./uniroot";
import { at, type Design, logDetXwx, olsStats, projectionStats, weightedFit } from "./weighted-fit";

const REML_THRESHOLD = 1e-5;
const REML_MAXITER = 100;

/** The generalised Q: Σ (yᵢ − xᵢ'β̂)² / (vᵢ + τ²), with β̂ estimated with the same weights. */
export function generalisedQ(y: readonly number[], v: readonly number[], X: Design, tau2: number): number {
  return weightedFit(
    y,
    v.map((vi) => 1 / (vi + tau2)),
    X,
  ).rss;
}

export function dersimonianLaird(y: readonly number[], v: readonly number[], X: Design): number {
  const k = y.length;
  const pCols = at(X, 0).length;
  const { yPy, trP } = projectionStats(
    y,
    v.map((vi) => 1 / vi),
    X,
  );
  return Math.max(0, (yPy - (k - pCols)) / trP);
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? at(s, mid) : (at(s, mid - 1) + at(s, mid)) / 2;
}
/** R's mad(): 1.4826 × the median absolute deviation from the median. */
export function mad(xs: readonly number[]): number {
  const m = median(xs);
  return 1.4826 * median(xs.map((x) => Math.abs(x - m)));
}

export function pauleMandel(y: readonly number[], v: readonly number[], X: Design): number {
  const target = y.length - at(X, 0).length;
  const f = (tau2: number) => generalisedQ(y, v, X, tau2) - target;
  if (f(0) < 0) return 0;
  const max = Math.max(100, 10 * mad(y) ** 2);
  if (f(max) > 0)
    throw new AppError("INVALID_INPUT", "Paule–Mandel: τ² lies beyond its search range; choose REML or DL");
  return uniroot(f, 0, max);
}

/** The restricted log-likelihood at τ², up to the constant both sides of a comparison share. */
function remlLogLik(y: readonly number[], v: readonly number[], X: Design, tau2: number): number {
  const w = v.map((vi) => 1 / (vi + tau2));
  return (
    -0.5 * v.reduce((s, vi) => s + Math.log(vi + tau2), 0) - 0.5 * logDetXwx(w, X) - 0.5 * weightedFit(y, w, X).rss
  );
}

// metafor's ll0check: Fisher scoring can stop at a local maximum; when τ² = 0 has the higher likelihood (by more
// than uniroot's tolerance, metafor's threshold too), metafor reports τ² = 0, and so does the engine.
function checkedAgainstZero(y: readonly number[], v: readonly number[], X: Design, tau2: number): number {
  if (tau2 <= REML_THRESHOLD) return tau2;
  return remlLogLik(y, v, X, 0) - remlLogLik(y, v, X, tau2) > R_UNIROOT_TOL ? 0 : tau2;
}

export function restrictedML(y: readonly number[], v: readonly number[], X: Design): number {
  const k = y.length;
  const pCols = at(X, 0).length;
  // Hedges' estimator from the ordinary least-squares residuals: metafor's starting value.
  const ols = olsStats(y, v, X);
  let tau2 = Math.max(0, (ols.yPy - ols.trPV) / (k - pCols));
  for (let iter = 1; ; iter++) {
    const P = projectionStats(
      y,
      v.map((vi) => 1 / (vi + tau2)),
      X,
    );
    let adj = (P.yPPy - P.trP) / P.trPP;
    if (Number.isNaN(adj)) adj = 0;
    while (tau2 + adj < 0) adj /= 2;
    const old = tau2;
    tau2 += adj;
    if (Math.abs(old - tau2) <= REML_THRESHOLD) return checkedAgainstZero(y, v, X, Math.max(0, tau2));
    if (iter > REML_MAXITER)
      throw new AppError("INVALID_INPUT", "REML: Fisher scoring did not converge; choose DL or PM");
  }
}

export function estimateTau2(method: Tau2Method, y: readonly number[], v: readonly number[], X: Design): number {
  if (y.length === 1) return 0;
  switch (method) {
    case "REML":
      return restrictedML(y, v, X);
    case "DL":
      return dersimonianLaird(y, v, X);
    case "PM":
      return pauleMandel(y, v, X);
  }
}
