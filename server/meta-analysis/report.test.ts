import { describe, expect, it } from "vitest";
import { analyse } from "./analyse";
import { jsonReport, textReport } from "./report";
import type { Study } from "./types";

const trials: Study[] = [
  { label: "A", data: { kind: "binary", events1: 4, n1: 123, events2: 11, n2: 139 } },
  { label: "B", data: { kind: "binary", events1: 6, n1: 306, events2: 29, n2: 303 } },
  { label: "C", data: { kind: "binary", events1: 0, n1: 231, events2: 11, n2: 220 } },
];

describe("reports", () => {
  it("shows ratios back-transformed beside the log scale, and the prediction interval", () => {
    const result = analyse(trials, { measure: "RR", model: "random", tau2Method: "DL", ci: "wald" });
    const text = textReport(result);
    const p = result.pooled;
    if (!p || p.piLower === null || p.piUpper === null) throw new Error("expected a pooled result");
    expect(text).toContain(`pooled              ${Math.exp(p.estimate).toFixed(2)} [`);
    expect(text).toContain(`(log: ${p.estimate.toFixed(4)} [`);
    expect(text).toContain(
      `prediction interval [${Math.exp(p.piLower).toFixed(2)}, ${Math.exp(p.piUpper).toFixed(2)}]`,
    );
    expect(text).toMatch(/^C .*\(½ added to each cell\)$/m);
    expect(text).toContain("τ² by DL, Wald CI");
  });

  it("reports one study without pooling, in both forms", () => {
    const result = analyse(trials.slice(0, 1), { measure: "OR", model: "fixed" });
    expect(jsonReport(result)).toMatchObject({
      k: 1,
      estimate: null,
      i2: null,
      studies: [{ study: "A", weight: null }],
    });
    expect(textReport(result)).toContain("note: one study: nothing is pooled");
    expect(textReport(result)).not.toContain("pooled     ");
  });
});
