import { describe, expect, it } from "vitest";
import { TEMPLATES } from "../extraction/templates";
import { analyse } from "../meta-analysis/analyse";
import { type ConsensusStudy, type ReadStudy, type ResultSelection, readResults } from "./read-results";

const DEF = TEMPLATES.als_clinical.definition;
const v = (fieldId: string, instanceKey: string, value: unknown) => ({ fieldId, instanceKey, value });
const arm = (key: string, name: string, role: string) => [v("arm_name", key, name), v("arm_role", key, role)];
const row = (
  key: string,
  outcome: string,
  armKey: string,
  time: string,
  weeks: number,
  numbers: Record<string, unknown>,
) => [
  v("result_outcome", key, outcome),
  v("time_point", key, time),
  v("time_point_value", key, { value: weeks, unit: "weeks" }),
  v("result_arm", key, armKey),
  ...Object.entries(numbers).map(([field, value]) => v(`result_${field}`, key, value)),
];
const study = (label: string, values: ReturnType<typeof v>[]): ConsensusStudy => ({
  studyId: label,
  label,
  definition: DEF,
  values,
});
const at28: ResultSelection["time"] = { label: "Week 28" };
const selection = (id: string, type: ResultSelection["outcome"]["type"], extra: Partial<ResultSelection> = {}) => ({
  outcome: { id, type },
  time: at28,
  comparison: { group1: "intervention", group2: "control" } as const,
  ...extra,
});
const included = (r: ReadStudy) => {
  if (!r.included) throw new Error(r.reason);
  return r;
};

describe("reading consensus results for an analysis", () => {
  it("takes each arm's mean, SD and n by role, traced to its row", () => {
    const s = study("Trial A", [
      ...arm("a1", "Cells", "intervention"),
      ...arm("a2", "Placebo", "control"),
      ...row("r1", "o-change", "a1", "week 28", 28, { mean: -5.5, sd: 6.1, n: 95 }),
      ...row("r2", "o-change", "a2", "week 28", 28, { mean: -5.9, sd: 6.4, n: 94 }),
      ...row("r3", "o-change", "a2", "week 12", 12, { mean: -2, sd: 3, n: 94 }),
    ]);
    const [read] = readResults([s], selection("o-change", "continuous"));
    const r = included(read!);
    expect(r.study.data).toEqual({ kind: "continuous", m1: -5.5, sd1: 6.1, n1: 95, m2: -5.9, sd2: 6.4, n2: 94 });
    expect(r.conversions).toEqual([]);
    expect(r.sources).toContainEqual({ instanceKey: "r1", fieldId: "result_mean", arm: "Cells" });
    expect(r.sources).toContainEqual({ instanceKey: "r2", fieldId: "result_sd", arm: "Placebo" });
    expect(r.sources.some((x) => x.instanceKey === "r3")).toBe(false);
  });

  it("converts an SE, a CI (t for small n) and a median with IQR, each shown with the number it made", () => {
    const s = study("Trial B", [
      ...arm("a1", "Cells", "intervention"),
      ...arm("a2", "Placebo", "control"),
      ...arm("a3", "Cells, high dose", "intervention"),
      ...row("r1", "o", "a1", "Week 28", 28, { mean: 2, se: 0.5, n: 16 }),
      ...row("r2", "o", "a2", "Week 28", 28, { mean: 1, ci_lower: 0, ci_upper: 2, n: 20 }),
      ...row("r3", "o", "a3", "Week 28", 28, { median: 3, q1: 2, q3: 5, n: 16 }),
    ]);
    const r = included(readResults([s], selection("o", "continuous"))[0]!);
    const byInput = (input: string, armName: string) =>
      r.conversions.find((c) => c.input === input && c.arm === armName);
    expect(byInput("sd1", "Cells")).toMatchObject({ value: 2, method: "SD = SE × √n", estimated: false });
    // 95 % CI of width 2 with n = 20: SD = √20 × 2 / (2 × t(19, 0.975)).
    expect(byInput("sd2", "Placebo")!.value).toBeCloseTo(Math.sqrt(20) / 2.093024, 5);
    expect(byInput("m1", "Cells, high dose")).toMatchObject({ value: (2 + 3 + 5) / 3, estimated: true });
    expect(byInput("sd1", "Cells, high dose")!.estimated).toBe(true);
    // The two intervention arms combined (Handbook 6.5.2.10), said so.
    expect(
      r.conversions.some((c) => c.method.startsWith("arms combined") && c.arm === "Cells + Cells, high dose"),
    ).toBe(true);
    expect(r.study.data).toMatchObject({ kind: "continuous", n1: 32, n2: 20 });
  });

  it("makes change scores from final values and a baseline row with the lead's correlation, flagged", () => {
    const s = study("Trial C", [
      ...arm("a1", "Cells", "intervention"),
      ...arm("a2", "Placebo", "control"),
      ...row("b1", "o", "a1", "Baseline", 0, { mean: 38, sd: 5, n: 10, measure: "final_value" }),
      ...row("b2", "o", "a2", "Baseline", 0, { mean: 37, sd: 5, n: 10, measure: "final_value" }),
      ...row("f1", "o", "a1", "Week 28", 28, { mean: 33, sd: 6, n: 10, measure: "final_value" }),
      ...row("f2", "o", "a2", "Week 28", 28, { mean: 30, sd: 6, n: 10, measure: "final_value" }),
    ]);
    const r = included(readResults([s], selection("o", "continuous", { change: { correlation: 0.5 } }))[0]!);
    expect(r.study.data).toMatchObject({ m1: -5, m2: -7, sd1: Math.sqrt(25 + 36 - 30) });
    expect(r.conversions.find((c) => c.input === "sd1" && c.estimated)?.method).toContain("0.5");
    expect(r.sources.map((x) => x.instanceKey)).toEqual(expect.arrayContaining(["b1", "f1", "b2", "f2"]));
  });

  it("reads events and totals, a hazard ratio from its CI, and picks rows by a time window", () => {
    const s = study("Trial D", [
      ...arm("a1", "Cells", "intervention"),
      ...arm("a2", "Placebo", "control"),
      ...row("r1", "resp", "a1", "Week 28", 28, { events: 33, total: 95 }),
      ...row("r2", "resp", "a2", "Week 28", 28, { events: 26, total: 94 }),
      ...row("h1", "surv", "a1", "Month 12", 52, { hr: 0.8, ci_lower: 0.5, ci_upper: 1.28, reference_arm: "a2" }),
    ]);
    const window = { fromWeeks: 24, toWeeks: 30 };
    const binary = included(readResults([s], selection("resp", "binary", { time: window }))[0]!);
    expect(binary.study.data).toEqual({ kind: "binary", events1: 33, n1: 95, events2: 26, n2: 94 });
    const hr = included(readResults([s], selection("surv", "time_to_event", { time: { label: "month 12" } }))[0]!);
    expect(hr.study.data).toMatchObject({ kind: "generic", yi: Math.log(0.8) });
    expect((hr.study.data as { sei: number }).sei).toBeCloseTo((Math.log(1.28) - Math.log(0.5)) / (2 * 1.959964), 5);
  });

  it("leaves a study out with its reason, and the rest go to the engine as they are", () => {
    const ok = study("Trial E", [
      ...arm("a1", "Cells", "intervention"),
      ...arm("a2", "Placebo", "control"),
      ...row("r1", "o", "a1", "Week 28", 28, { mean: -4, sd: 5, n: 30 }),
      ...row("r2", "o", "a2", "Week 28", 28, { mean: -6, sd: 5, n: 30 }),
    ]);
    const noControl = study("Single arm", [
      ...arm("a1", "Cells", "intervention"),
      ...row("r1", "o", "a1", "Week 28", 28, { mean: -4, sd: 5, n: 12 }),
    ]);
    const noSd = study("No SD", [
      ...arm("a1", "Cells", "intervention"),
      ...arm("a2", "Placebo", "control"),
      ...row("r1", "o", "a1", "Week 28", 28, { mean: -4, n: 12 }),
      ...row("r2", "o", "a2", "Week 28", 28, { mean: -5, sd: 2, n: 12 }),
    ]);
    const read = readResults([ok, noControl, noSd, study("Empty", [])], selection("o", "continuous"));
    expect(read.map((r) => (r.included ? "in" : r.reason))).toEqual([
      "in",
      "no control arm reports this outcome here",
      "Cells: no mean and SD, SE, CI or median to work from",
      "no result row for this outcome at this time point",
    ]);
    const result = analyse(
      read.flatMap((r) => (r.included ? [r.study] : [])),
      { measure: "MD", model: "fixed" },
    );
    expect(result.studies[0]).toMatchObject({ label: "Trial E", yi: 2 });
  });
});
