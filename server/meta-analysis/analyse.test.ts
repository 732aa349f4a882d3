import { describe, expect, it } from "vitest";
import { analyse } from "./analyse";
import { effectSize } from "./effect-sizes";
import type { Study } from "./types";

const trial = (label: string, events1: number, n1: number, events2: number, n2: number): Study => ({
  label,
  data: { kind: "binary", events1, n1, events2, n2 },
});

describe("analyse", () => {
  it("pools nothing from one study and says so", () => {
    const result = analyse([trial("Solo", 3, 20, 6, 20)], { measure: "OR", model: "random" });
    expect(result.pooled).toBeNull();
    expect(result.studies[0]?.weight).toBeNull();
    expect(result.warnings.join(" ")).toMatch(/nothing is pooled/);
  });

  it("warns that τ² from two studies can hardly be trusted, under random effects only", () => {
    const two = [trial("A", 3, 20, 6, 20), trial("B", 5, 30, 4, 31)];
    expect(analyse(two, { measure: "RR", model: "random" }).warnings.join(" ")).toMatch(/two studies: τ²/);
    expect(analyse(two, { measure: "RR", model: "fixed" }).warnings.join(" ")).not.toMatch(/τ²/);
  });

  it("defaults random effects to REML with Hartung–Knapp–Sidik–Jonkman", () => {
    const result = analyse([trial("A", 3, 20, 6, 20), trial("B", 5, 30, 4, 31), trial("C", 9, 40, 14, 40)], {
      measure: "RR",
      model: "random",
    });
    expect(result.options).toMatchObject({ tau2Method: "REML", ci: "hksj" });
    expect(result.pooled?.df).toBe(2);
  });

  it("flags the studies whose cells were corrected for a zero", () => {
    const result = analyse([trial("Zero", 0, 20, 4, 20), trial("B", 5, 30, 4, 31)], { measure: "OR", model: "fixed" });
    expect(result.studies.map((s) => s.corrected)).toEqual([true, false]);
    expect(result.warnings.join(" ")).toMatch(/1\/2 was added/);
  });

  it.each([
    [{ measure: "MD", model: "mh" }, /Mantel–Haenszel pools RR, OR or RD/],
    [{ measure: "RR", model: "peto" }, /Peto's method gives an odds ratio/],
    [{ measure: "RR", model: "fixed", ci: "hksj" }, /random effects only/],
    [{ measure: "RR", model: "fixed", tau2Method: "DL" }, /only under random effects/],
    [{ measure: "SMD", model: "fixed", vtype: "HO" }, /apply to MD and ROM/],
  ] as const)("refuses %o", (options, message) => {
    expect(() => analyse([trial("A", 3, 20, 6, 20)], options)).toThrow(message);
  });

  it("refuses a study whose effect has no variance, naming it", () => {
    const flat: Study = { label: "Flat", data: { kind: "continuous", m1: 5, sd1: 0, n1: 10, m2: 6, sd2: 0, n2: 10 } };
    const other: Study = { label: "B", data: { kind: "continuous", m1: 5, sd1: 1, n1: 10, m2: 6, sd2: 1, n2: 10 } };
    expect(() => analyse([flat, other], { measure: "MD", model: "fixed" })).toThrow(/^Flat: no effect can be computed/);
  });

  it("offers Egger's test from 10 studies on", () => {
    const studies = Array.from({ length: 10 }, (_, i) => trial(`T${i}`, 3 + i, 40 + 3 * i, 8 + (i % 4), 42 + i));
    expect(analyse(studies, { measure: "OR", model: "fixed" }).egger?.df).toBe(8);
    expect(analyse(studies.slice(0, 9), { measure: "OR", model: "fixed" }).egger).toBeNull();
  });
});

describe("normalised mean difference (Vesterinen et al. 2014)", () => {
  it("expresses the treated–control difference as a percent of the control–sham difference", () => {
    // Infarct volume: control 40 ± 10 (n 10), treated 30 ± 8 (n 10), sham 0: a 25 % improvement.
    const e = effectSize("NMD", { kind: "continuous", m1: 30, sd1: 8, n1: 10, m2: 40, sd2: 10, n2: 10 });
    expect(e.yi).toBeCloseTo(25, 10);
    // SDs normalised by the same 40: 20 % and 25 %; variance 20²/10 + 25²/10.
    expect(e.vi).toBeCloseTo(40 + 62.5, 10);
  });
  it("normalises by the sham animals' mean when it is given, whichever way the scale runs", () => {
    // A score where higher is better: sham 100, control 40, treated 70 → half-way back to normal.
    const e = effectSize("NMD", { kind: "continuous", m1: 70, sd1: 12, n1: 8, m2: 40, sd2: 12, n2: 8, mSham: 100 });
    expect(e.yi).toBeCloseTo(50, 10);
    expect(e.vi).toBeCloseTo(2 * (20 ** 2 / 8), 10);
  });
});
