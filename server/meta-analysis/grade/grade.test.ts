// GRADE as its Handbook (Schünemann et al. 2013, section 5) and the GRADE guidelines series (Guyatt et al. 2011,
// J Clin Epidemiol 64) define it: where evidence starts, how far each domain takes it down, when it may go up,
// and what Sift proposes for each domain from the analysis.
import { describe, expect, it } from "vitest";
import { analyse } from "../analyse";
import type { Pooled } from "../pooled";
import reference from "../reference/reference.json";
import type { Study } from "../types";
import { certaintySymbols, type Domain, gradeCertainty, type Rating } from "./certainty";
import { binaryInformationSize, continuousInformationSize } from "./information-size";
import {
  proposeImprecision,
  proposeInconsistency,
  proposeLargeEffect,
  proposePublicationBias,
  proposeRiskOfBias,
} from "./proposals";

const bcg = (reference.datasets as unknown as Record<string, Study[]>)["dat.bcg"]!;
const fine: Rating = { concern: "not serious", reason: "" };
const ratings = (over: Partial<Record<Domain, Rating>> = {}): Record<Domain, Rating> => ({
  "risk of bias": fine,
  inconsistency: fine,
  indirectness: fine,
  imprecision: fine,
  "publication bias": fine,
  ...over,
});

describe("gradeCertainty (GRADE Handbook 5; GRADE guidelines 3 and 9)", () => {
  it("starts randomised evidence at High and non-randomised at Low", () => {
    expect(gradeCertainty({ design: "randomised", ratings: ratings() }).certainty).toBe("High");
    expect(gradeCertainty({ design: "non-randomised", ratings: ratings() }).certainty).toBe("Low");
  });
  it("rates down one level per serious and two per very serious concern, never below Very low", () => {
    const two = gradeCertainty({
      design: "randomised",
      ratings: ratings({
        "risk of bias": { concern: "serious", reason: "most weight at high risk" },
        imprecision: { concern: "serious", reason: "CI includes no effect" },
      }),
    });
    expect(two.certainty).toBe("Low");
    expect(two.steps.filter((s) => s.change < 0).map((s) => [s.what, s.change])).toEqual([
      ["risk of bias", -1],
      ["imprecision", -1],
    ]);
    const floor = gradeCertainty({
      design: "randomised",
      ratings: ratings({
        "risk of bias": { concern: "very serious", reason: "a" },
        inconsistency: { concern: "very serious", reason: "b" },
        indirectness: { concern: "serious", reason: "c" },
      }),
    });
    expect(floor.certainty).toBe("Very low");
    expect(certaintySymbols(floor.certainty)).toBe("⊕◯◯◯");
    expect(certaintySymbols("Moderate")).toBe("⊕⊕⊕◯");
  });
  it("rates non-randomised evidence up for a very large effect, a gradient and confounding, up to High", () => {
    const r = gradeCertainty({
      design: "non-randomised",
      ratings: ratings(),
      upgrades: {
        largeEffect: { levels: 2, reason: "RR 0.1" },
        doseResponse: { reason: "more dose, more effect" },
      },
    });
    expect(r.certainty).toBe("High");
    expect(r.steps.filter((s) => s.change > 0).map((s) => s.what)).toEqual(["large effect", "dose–response"]);
  });
  it("does not rate up evidence it has rated down, and says why", () => {
    const r = gradeCertainty({
      design: "non-randomised",
      ratings: ratings({ "risk of bias": { concern: "serious", reason: "confounding not controlled" } }),
      upgrades: { largeEffect: { levels: 1, reason: "RR 0.4" } },
    });
    expect(r.certainty).toBe("Very low");
    expect(r.notes[0]).toContain("Not rated up for large effect");
  });
  it("refuses to rate up randomised evidence and to rate down without a reason", () => {
    expect(() =>
      gradeCertainty({ design: "randomised", ratings: ratings(), upgrades: { doseResponse: { reason: "x" } } }),
    ).toThrow(/not rated up/);
    expect(() =>
      gradeCertainty({ design: "randomised", ratings: ratings({ indirectness: { concern: "serious", reason: " " } }) }),
    ).toThrow(/needs a reason/);
  });
});

describe("proposeRiskOfBias (GRADE guidelines 4: by the weight of the studies at risk)", () => {
  it("is very serious when most of the weight is at high risk", () => {
    const r = proposeRiskOfBias([
      { study: "A", weight: 60, risk: "serious" },
      { study: "B", weight: 40, risk: "low" },
    ]);
    expect(r.concern).toBe("very serious");
    expect(r.reason).toBe("60 % of the weight from studies at high risk of bias (A); 40 % at low risk.");
  });
  it("is serious when most of the weight is not at low risk, counting unappraised studies", () => {
    const r = proposeRiskOfBias([
      { study: "A", weight: 30, risk: "serious" },
      { study: "B", weight: 25, risk: null },
      { study: "C", weight: 45, risk: "low" },
    ]);
    expect(r.concern).toBe("serious");
    expect(r.reason).toContain("25 % not appraised (B)");
  });
  it("is not serious when most of the weight is at low risk", () => {
    expect(
      proposeRiskOfBias([
        { study: "A", weight: 20, risk: "moderate" },
        { study: "B", weight: 80, risk: "low" },
      ]).concern,
    ).toBe("not serious");
  });
});

describe("proposeInconsistency (GRADE guidelines 7)", () => {
  it("is very serious for dat.bcg: I² 92 % and a prediction interval across RR 1 while the CI is below it", () => {
    const { pooled } = analyse(bcg, { measure: "RR", model: "random" });
    const r = proposeInconsistency(pooled, "RR");
    expect(r.concern).toBe("very serious");
    expect(r.reason).toMatch(
      /^I² = 92 % \(Q = 152\.23, df = 12, p < 0\.0001\); prediction interval 0\.14 to 1\.76, which reaches across no effect/,
    );
  });
  it("is serious at I² ≥ 50 % alone and not serious below", () => {
    const pooled = {
      k: 5,
      i2: 55,
      q: 9,
      qDf: 4,
      qP: 0.06,
      ciLower: -1,
      ciUpper: -0.5,
      piLower: null,
      piUpper: null,
    } as Pooled;
    expect(proposeInconsistency(pooled, "MD").concern).toBe("serious");
    expect(proposeInconsistency({ ...pooled, i2: 20 }, "MD").concern).toBe("not serious");
  });
});

describe("proposeImprecision (GRADE guidelines 6)", () => {
  const base = { k: 6, ciLower: Math.log(0.6), ciUpper: Math.log(1.4) } as Pooled;
  it("is very serious when the CI holds appreciable benefit and harm (RR 0.6 to 1.4, threshold 25 %)", () => {
    expect(
      proposeImprecision({ pooled: base, measure: "RR", threshold: Math.log(1.25), participants: 3000 }).concern,
    ).toBe("very serious");
  });
  it("is serious when the CI includes no effect, or the information size is not reached", () => {
    const narrow = { ...base, ciLower: Math.log(0.8), ciUpper: Math.log(1.1) };
    const r = proposeImprecision({ pooled: narrow, measure: "RR", participants: 3000 });
    expect(r.concern).toBe("serious");
    expect(r.reason).toBe("The CI 0.80 to 1.10 includes no effect.");
    const clear = { ...base, ciLower: Math.log(0.5), ciUpper: Math.log(0.7) };
    expect(proposeImprecision({ pooled: clear, measure: "RR", participants: 3000 }).concern).toBe("not serious");
    const few = proposeImprecision({ pooled: clear, measure: "RR", participants: 400, informationSize: 1812 });
    expect(few.concern).toBe("serious");
    expect(few.reason).toContain("400 participants against an optimal information size of 1,812");
  });
});

describe("optimal information size (GRADE guidelines 6)", () => {
  it("for a binary outcome: control risk 20 %, RRR 25 %, α 0.05, power 0.8 — R's power.prop.test gives 905.37 per group", () => {
    expect(binaryInformationSize(0.2, 0.25)).toBe(2 * 906);
  });
  it("for a continuous outcome: 0.2 SD, α 0.05, power 0.8 — 2(1.96 + 0.84)²/0.2² = 392.4 per group", () => {
    expect(continuousInformationSize(0.2, 1)).toBe(2 * 393);
    expect(continuousInformationSize(5, 25)).toBe(2 * 393);
  });
  it("refuses impossible inputs", () => {
    expect(() => binaryInformationSize(1.2, 0.25)).toThrow(/control risk/);
    expect(() => continuousInformationSize(1, 0)).toThrow(/SD/);
  });
});

describe("publication bias and large effects", () => {
  it("proposes serious when Egger's test is below 0.10, and says when there are too few studies", () => {
    const egger = { intercept: -2.11, se: 1.51, statistic: -1.4, df: 11, p: 0.189 };
    expect(proposePublicationBias(egger, 13).concern).toBe("not serious");
    expect(proposePublicationBias({ ...egger, p: 0.04 }, 13).concern).toBe("serious");
    expect(proposePublicationBias(null, 6).reason).toMatch(/^6 studies: too few/);
  });
  it("proposes one level for a ratio beyond 2 or 0.5 and two beyond 5 or 0.2, none for differences", () => {
    const at = (rr: number) => ({ estimate: Math.log(rr) }) as Pooled;
    expect(proposeLargeEffect(at(0.45), "RR")?.levels).toBe(1);
    expect(proposeLargeEffect(at(6), "OR")?.levels).toBe(2);
    expect(proposeLargeEffect(at(1.8), "RR")).toBeNull();
    expect(proposeLargeEffect({ estimate: 10 } as Pooled, "MD")).toBeNull();
  });
});

describe("proposeInconsistency with an unclear average", () => {
  it("is very serious for dat.normand1999: I² 99 % and a prediction interval from −79 to 49 days", () => {
    const normand = (reference.datasets as unknown as Record<string, Study[]>)["dat.normand1999"]!;
    const r = proposeInconsistency(analyse(normand, { measure: "MD", model: "random" }).pooled, "MD");
    expect(r.concern).toBe("very serious");
    expect(r.reason).toContain("prediction interval −79.06 to 48.85, which reaches across no effect.");
  });
});
