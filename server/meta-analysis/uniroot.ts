// Brent's root finder as R's uniroot() runs it (R_zeroin2 in R's stats/src/zeroin.c), step for step: metafor
// finds the Paule–Mandel τ² and the Q-profile bounds with uniroot(tol = .Machine$double.eps^0.25), so the same
// iterations stop at the same point and the numbers agree with metafor's to every printed digit, not just to
// the tolerance.

export const R_UNIROOT_TOL = 2 ** -13; // .Machine$double.eps^0.25

/** The root of f in [lower, upper], where f(lower) and f(upper) have opposite signs (or one is zero). */
export function uniroot(f: (x: number) => number, lower: number, upper: number, tol = R_UNIROOT_TOL, maxit = 1000) {
  let a = lower;
  let b = upper;
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (fa * fb > 0) throw new Error("uniroot: f() values at the end points are not of opposite sign");
  let c = a;
  let fc = fa;
  for (let iter = 0; iter <= maxit; iter++) {
    const prevStep = b - a;
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolAct = 2 * Number.EPSILON * Math.abs(b) + tol / 2;
    let newStep = (c - b) / 2;
    if (Math.abs(newStep) <= tolAct || fb === 0) return b;
    if (Math.abs(prevStep) >= tolAct && Math.abs(fa) > Math.abs(fb)) {
      let p: number;
      let q: number;
      const cb = c - b;
      if (a === c) {
        const t1 = fb / fa;
        p = cb * t1;
        q = 1 - t1;
      } else {
        const qa = fa / fc;
        const t1 = fb / fc;
        const t2 = fb / fa;
        p = t2 * (cb * qa * (qa - t1) - (b - a) * (t1 - 1));
        q = (qa - 1) * (t1 - 1) * (t2 - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (p < 0.75 * cb * q - Math.abs(tolAct * q) / 2 && p < Math.abs((prevStep * q) / 2)) newStep = p / q;
    }
    if (Math.abs(newStep) < tolAct) newStep = newStep > 0 ? tolAct : -tolAct;
    a = b;
    fa = fb;
    b += newStep;
    fb = f(b);
    if ((fb > 0 && fc > 0) || (fb < 0 && fc < 0)) {
      c = a;
      fc = fa;
    }
  }
  throw new Error("uniroot: no convergence");
}
