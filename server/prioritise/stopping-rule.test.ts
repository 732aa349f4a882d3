import { describe, expect, it } from "vitest";
import { hypergeometricCdf, stoppingTest } from "./stopping-rule";

// Exact hypergeometric CDF in rational arithmetic, independent of the log-factorial sums under test.
function choose(n: number, k: number): bigint {
  if (k < 0 || k > n) return 0n;
  let r = 1n;
  for (let i = 1; i <= k; i++) r = (r * BigInt(n - k + i)) / BigInt(i);
  return r;
}
function exactCdf(k: number, population: number, successes: number, draws: number): number {
  let num = 0n;
  for (let x = 0; x <= k; x++) num += choose(successes, x) * choose(population - successes, draws - x);
  const den = choose(population, draws);
  return Number((num * 10n ** 15n) / den) / 1e15;
}

describe("hypergeometricCdf", () => {
  it("matches exact rational arithmetic", () => {
    for (const [k, N, K, n] of [
      [0, 20, 5, 4],
      [2, 50, 10, 12],
      [1, 300, 17, 40],
      [3, 1000, 30, 100],
    ] as const) {
      expect(hypergeometricCdf(k, N, K, n)).toBeCloseTo(exactCdf(k, N, K, n), 10);
    }
  });

  it("is 1 when every draw could be a success below k, 0 when the sample must hold more", () => {
    expect(hypergeometricCdf(5, 20, 5, 10)).toBeCloseTo(1, 12);
    expect(hypergeometricCdf(0, 10, 8, 5)).toBe(0);
  });
});

describe("stoppingTest", () => {
  // p-values computed independently with SciPy 1.17: hypergeom.cdf(k, N, floor((r_AL + k) / tau - r_AL + 1), n).
  it.each([
    [1000, 100, 200, 0, 0.95, 6, 0.2611587423059481],
    [1000, 100, 100, 0, 0.95, 6, 0.5305525654393799],
    [5000, 300, 500, 1, 0.95, 17, 0.4814486496476684],
    [200, 40, 50, 2, 0.9, 7, 0.7590843187695522],
    [10000, 500, 1000, 3, 0.95, 30, 0.647474805681225],
    [50, 5, 10, 0, 0.8, 2, 0.636734693877551],
  ])(
    "remaining %i, %i includes before, sample %i with %i includes, target %f",
    (remaining, includesBefore, sampled, sampleIncludes, recallTarget, urn, p) => {
      const result = stoppingTest({
        remaining,
        includesBefore,
        sampled,
        sampleIncludes,
        recallTarget,
        confidence: 0.95,
      });
      expect(result.includesIfBelowTarget).toBe(urn);
      expect(result.pValue).toBeCloseTo(p, 10);
      expect(result.canStop).toBe(false);
    },
  );

  it("lets the team stop once a large sample of the remaining records holds no include", () => {
    const result = stoppingTest({
      remaining: 1000,
      includesBefore: 100,
      sampled: 400,
      sampleIncludes: 0,
      recallTarget: 0.95,
      confidence: 0.95,
    });
    expect(result.pValue).toBeLessThan(0.05);
    expect(result.canStop).toBe(true);
  });

  it("cannot stop before any record of the sample is screened", () => {
    expect(
      stoppingTest({
        remaining: 10,
        includesBefore: 100,
        sampled: 0,
        sampleIncludes: 0,
        recallTarget: 0.95,
        confidence: 0.95,
      }).canStop,
    ).toBe(false);
  });
});
