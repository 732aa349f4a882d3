// "Can we stop?": the hypergeometric stopping rule of Callaghan & Müller-Hansen (2020). After prioritised
// screening found `includesBefore` includes, a random sample of `sampled` records is drawn from the `remaining`
// unscreened ones and `sampleIncludes` of them are included. The null hypothesis is that recall is still below
// the target; it is rejected (we may stop) when the sample would be this poor in includes with probability
// below 1 − confidence, even if the remaining records held just enough includes to put recall under target.

/** How a record excluded unscreened in bulk, once the test allowed stopping, is described wherever it is listed. */
export const BELOW_STOPPING_THRESHOLD = "Below the stopping threshold";

const logFactorials: number[] = [0];

function logFactorial(n: number): number {
  for (let i = logFactorials.length; i <= n; i++) logFactorials[i] = logFactorials[i - 1]! + Math.log(i);
  return logFactorials[n]!;
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** P(X ≤ k) for X hypergeometric: `draws` from a population of `population` holding `successes`. */
export function hypergeometricCdf(k: number, population: number, successes: number, draws: number): number {
  const low = Math.max(0, draws - (population - successes));
  const high = Math.min(k, successes, draws);
  if (high < low) return 0;
  const denominator = logChoose(population, draws);
  let p = 0;
  for (let x = low; x <= high; x++)
    p += Math.exp(logChoose(successes, x) + logChoose(population - successes, draws - x) - denominator);
  return Math.min(1, p);
}

export interface StoppingInput {
  /** Unscreened records when the sample began (the urn). */
  remaining: number;
  /** Includes found before the sample began. */
  includesBefore: number;
  /** Records of the sample screened so far, and the includes among them. */
  sampled: number;
  sampleIncludes: number;
  /** Target recall, e.g. 0.95, and confidence, e.g. 0.95. */
  recallTarget: number;
  confidence: number;
}

export interface StoppingResult {
  pValue: number;
  /** True when the target recall is reached at the chosen confidence. */
  canStop: boolean;
  /** The fewest includes the urn would hold if recall were below target. */
  includesIfBelowTarget: number;
}

export function stoppingTest(input: StoppingInput): StoppingResult {
  const { remaining, includesBefore, sampled, sampleIncludes, recallTarget, confidence } = input;
  const seen = includesBefore + sampleIncludes;
  // Recall seen / R falls below the target once R exceeds seen / target; the smallest such R, less the includes
  // already found outside the urn, is the urn's count under the null hypothesis.
  const includesIfBelowTarget = Math.floor(seen / recallTarget - includesBefore + 1);
  const pValue =
    sampled === 0
      ? 1
      : includesIfBelowTarget > remaining
        ? 0
        : hypergeometricCdf(sampleIncludes, remaining, includesIfBelowTarget, sampled);
  return { pValue, canStop: pValue < 1 - confidence, includesIfBelowTarget };
}
