import { describe, expect, it } from "vitest";
import { isSplit, type RoundVerdict, type RoundVotes, roundAgreement } from "./round-agreement";

function votes(byRecord: Record<string, RoundVerdict[]>, participants: string[]): RoundVotes {
  return new Map(
    Object.entries(byRecord).map(([record, verdicts]) => [
      record,
      new Map(verdicts.flatMap((v, i) => (v ? [[participants[i]!, v] as const] : []))),
    ]),
  );
}

// Worked by hand with Fleiss (1971)'s formulas, n = 3 raters, N = 4 records, categories include/exclude/maybe:
// per-record agreement P_i = (Σ n_ij² − n) / (n(n − 1)) = 1, 1, 1/3, 1/3, so P̄ = 2/3; category shares 5/12,
// 6/12, 1/12, so P̄e = 62/144 = 31/72; κ = (2/3 − 31/72) / (1 − 31/72) = 17/41.
const THREE = ["p1", "p2", "p3"];
const THREE_VOTES = votes(
  {
    r1: ["include", "include", "include"],
    r2: ["exclude", "exclude", "exclude"],
    r3: ["include", "exclude", "include"],
    r4: ["exclude", "exclude", "maybe"],
  },
  THREE,
);

describe("roundAgreement", () => {
  it("gives Fleiss' kappa for three participants, as computed by hand", () => {
    const agreement = roundAgreement(THREE, THREE_VOTES);
    expect(agreement.fleiss).toEqual({ kappa: expect.closeTo(17 / 41, 10), records: 4 });
    expect(agreement.kappa).toBeCloseTo(17 / 41, 10);
    expect(agreement.interpretation).toBe("moderate");
    expect(agreement.percentAgreement).toBe(0.5);
  });

  it("gives Cohen's kappa for each pair: p1 and p2 agree on 3 of 4, 1/2 expected by chance", () => {
    const pair = roundAgreement(THREE, THREE_VOTES).pairs.find((p) => p.a === "p1" && p.b === "p2")!;
    // Observed 3/4; p1 includes 2 of 4, p2 1 of 4, so chance agreement is (2·1 + 2·3)/16 = 1/2; κ = 1/2.
    expect(pair).toMatchObject({ records: 4, percentAgreement: 0.75 });
    expect(pair.kappa).toBeCloseTo(0.5, 10);
  });

  it("uses the pair's Cohen's kappa as the headline for two participants, and no Fleiss'", () => {
    const two = roundAgreement(["p1", "p2"], THREE_VOTES);
    expect(two.fleiss).toBeNull();
    expect(two.kappa).toBeCloseTo(0.5, 10);
    expect(two.pairs).toHaveLength(1);
  });

  it("counts only records every participant decided towards Fleiss' kappa and percent agreement", () => {
    const partial = votes({ r1: ["include", "include", "include"], r2: ["exclude", "exclude"] }, THREE);
    const agreement = roundAgreement(THREE, partial);
    expect(agreement.complete).toBe(1);
    expect(agreement.percentAgreement).toBe(1);
    // One record, all in one category: chance predicts perfect agreement, so kappa is not computable.
    expect(agreement.kappa).toBeNull();
    expect(agreement.interpretation).toBe("not computable");
  });

  it("has no kappa before anyone decided", () => {
    expect(roundAgreement(THREE, new Map()).kappa).toBeNull();
  });
});

describe("isSplit", () => {
  it("is true when any participant's verdict differs", () => {
    expect(isSplit(["include", "include"])).toBe(false);
    expect(isSplit(["include", "maybe"])).toBe(true);
  });
});
