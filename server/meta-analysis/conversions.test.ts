import { describe, expect, it } from "vitest";
import {
  changeSd,
  combineBinaryArms,
  combineContinuousArms,
  logSeFromRatioCi,
  meanSdFromMedian,
  sdFromCi,
  sdFromSe,
  splitSharedControl,
} from "./conversions";

describe("conversions (Cochrane Handbook ch. 6)", () => {
  it("SD from SE", () => {
    expect(sdFromSe(2, 25).value).toBeCloseTo(10, 12);
  });

  it("SD from a CI uses t(n − 1) below 60 participants and 3.92 SEs above", () => {
    // n = 25, 95 % CI 3.0 to 7.0: t(24) = 2.0639, so SE = 4 / (2 × 2.0639) = 0.969 and SD = 5 × 0.969 = 4.85.
    const small = sdFromCi(3, 7, 25);
    expect(small.value).toBeCloseTo(4.845, 3);
    expect(small.method).toMatch(/t\(24\)/);
    expect(sdFromCi(3, 7, 100).value).toBeCloseTo((10 * 4) / 3.919928, 5);
  });

  it("SE of a log ratio from its CI", () => {
    expect(logSeFromRatioCi(0.5, 2).value).toBeCloseTo(Math.log(4) / 3.919928, 6);
  });

  it("Wan 2014: mean and SD from a median with range, IQR or both, always flagged as estimated", () => {
    // Wan et al. 2014's formulas, with ξ(n) = Φ⁻¹((n − 0.375)/(n + 0.25)) and η(n) = Φ⁻¹((0.75n − 0.125)/(n + 0.25));
    // for n = 50, R gives ξ = qnorm(49.625 / 50.25) = 2.243329 and η = qnorm(37.375 / 50.25) = 0.655047.
    const s1 = meanSdFromMedian({ n: 50, median: 10, min: 2, max: 30 });
    expect(s1.mean.value).toBeCloseTo(13, 10);
    expect(s1.sd.value).toBeCloseTo(28 / (2 * 2.243329), 5);
    expect(s1.sd.estimated).toBe(true);
    const s3 = meanSdFromMedian({ n: 50, median: 10, q1: 6, q3: 16 });
    expect(s3.mean.value).toBeCloseTo(32 / 3, 10);
    expect(s3.sd.value).toBeCloseTo(10 / (2 * 0.655047), 4);
    const s2 = meanSdFromMedian({ n: 50, median: 10, min: 2, max: 30, q1: 6, q3: 16 });
    expect(s2.mean.value).toBeCloseTo((2 + 12 + 20 + 32 + 30) / 8, 10);
    expect(s2.sd.value).toBeCloseTo(28 / (4 * 2.243329) + 10 / (4 * 0.655047), 5);
    expect(() => meanSdFromMedian({ n: 50, median: 10 })).toThrow(/range/);
  });

  it("change-score SD with an imputed correlation", () => {
    expect(changeSd(3, 4, 0).value).toBeCloseTo(5, 12);
    expect(changeSd(3, 4, 0.5).value).toBeCloseTo(Math.sqrt(13), 12);
    expect(changeSd(3, 4, 0.5).estimated).toBe(true);
    expect(() => changeSd(3, 4, 1.2)).toThrow(/between −1 and 1/);
  });

  it("combines two arms as Handbook Table 6.5.a does", () => {
    const both = combineContinuousArms({ mean: 10, sd: 2, n: 20 }, { mean: 14, sd: 3, n: 30 });
    expect(both.n).toBe(50);
    expect(both.mean).toBeCloseTo(12.4, 12);
    // The same as the SD of the 50 values pooled: within-arm sums of squares plus between-arm spread.
    const ss = 19 * 4 + 29 * 9 + 20 * (10 - 12.4) ** 2 + 30 * (14 - 12.4) ** 2;
    expect(both.sd).toBeCloseTo(Math.sqrt(ss / 49), 12);
    expect(combineBinaryArms({ events: 3, n: 20 }, { events: 5, n: 25 })).toEqual({ events: 8, n: 45 });
  });

  it("splits a shared control among comparisons", () => {
    expect(splitSharedControl({ events: 12, n: 60 }, 3)).toEqual({ events: 4, n: 20 });
    expect(splitSharedControl({ mean: 5, sd: 1, n: 40 }, 2)).toEqual({ mean: 5, sd: 1, n: 20 });
    expect(() => splitSharedControl({ n: 40 }, 1)).toThrow();
  });
});
