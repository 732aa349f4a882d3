// The funnel plot read off its own axes: each study where its effect and SE put it, the contours where
// no effect ± z·SE lies at the bottom of the plot (z = 1.645, 1.960, 2.576 for p = 0.10, 0.05, 0.01), the pseudo
// limits around the pooled estimate, Egger's test from 10 studies on; no overlaps at 1, 13 and 200 studies.
import { describe, expect, it } from "vitest";
import { expectClean } from "../../appraisal/plots/layout.fixture";
import { analyse } from "../analyse";
import reference from "../reference/reference.json";
import type { Study } from "../types";
import { type FunnelLayout, funnelPlot } from "./funnel-plot";

const bcg = (reference.datasets as unknown as Record<string, Study[]>)["dat.bcg"]!;

/** x of a ratio read from the axis's outermost tick labels (log scale). */
function axisX(plot: FunnelLayout, ratio: number): number {
  const at = (label: string) => {
    const box = plot.boxes.filter((b) => b.what === label).at(-1)!;
    return box.x + box.w / 2;
  };
  const first = plot.scale.ticks[0]!.label;
  const last = plot.scale.ticks.at(-1)!.label;
  const [a, b] = [Number(first), Number(last)];
  return at(first) + ((Math.log(ratio) - Math.log(a)) / (Math.log(b) - Math.log(a))) * (at(last) - at(first));
}

function many(n: number): Study[] {
  return Array.from({ length: n }, (_, i) => {
    const n1 = 15 + ((i * 37) % 500);
    const n2 = 15 + ((i * 53) % 480);
    return {
      label: `Trial ${i}`,
      data: { kind: "continuous", m1: 10 + ((i * 7) % 9), sd1: 4 + (i % 5), n1, m2: 12, sd2: 5, n2 },
    };
  });
}

describe("funnel plot", () => {
  it("places dat.bcg's studies by risk ratio and SE, with metafor's contours and Egger's test", () => {
    const result = analyse(bcg, { measure: "RR", model: "random" });
    const plot = funnelPlot({ result, title: "BCG vaccine trials" });
    expectClean(plot);
    // Aronson 1948: RR (4/123)/(11/139), SE √(1/4 − 1/123 + 1/11 − 1/139) = 0.5699.
    const aronson = plot.points.find((p) => p.label === "Aronson 1948")!;
    expect(aronson.x).toBeCloseTo(axisX(plot, 4 / 123 / (11 / 139)), 0);
    expect(aronson.y).toBeCloseTo(plot.y(Math.sqrt(1 / 4 - 1 / 123 + 1 / 11 - 1 / 139)), 1);
    // SE 0 is the top, larger SEs lower down.
    expect(plot.y(0)).toBeLessThan(plot.y(0.5));
    const seLabels = plot.boxes.filter((b) => /^[\d.]+$/.test(b.what) && b.x + b.w < plot.scale.left - 2);
    const seBottom = Number(seLabels.at(-1)!.what);
    for (const [p, z] of [
      [0.1, 1.6449],
      [0.05, 1.96],
      [0.01, 2.5758],
    ] as const) {
      const end = plot.contourEnds.find((c) => c.p === p)!;
      expect(end.right).toBeCloseTo(axisX(plot, Math.exp(z * seBottom)), 0);
      expect(end.left).toBeCloseTo(axisX(plot, Math.exp(-z * seBottom)), 0);
    }
    expect(plot.svg).toContain('fill="#8c8c8c"');
    expect(plot.svg).toContain(">0.05 &lt; p ≤ 0.10</text>");
    // 13 studies: Egger's test (metafor regtest(model = "lm") on dat.bcg log RR: t = −0.7 or so; here its text).
    expect(result.egger).not.toBeNull();
    expect(plot.svg).toMatch(/Egger's test: intercept −?[\d.]+ \(SE [\d.]+\), t\(11\) = /);
  });

  it.each([1, 200])("lays out %i studies without overlaps, and says Egger's test needs 10", (n) => {
    const studies = many(n);
    const plot = funnelPlot({ result: analyse(studies, { measure: "MD", model: "random" }) });
    expectClean(plot);
    expect(plot.points).toHaveLength(n);
    for (const p of plot.points) {
      expect(p.x).toBeGreaterThanOrEqual(plot.scale.left);
      expect(p.x).toBeLessThanOrEqual(plot.scale.right);
    }
    if (n < 10) expect(plot.svg).toContain("Egger's test is not given with fewer than 10 studies (k = 1)");
  });

  it("draws no null contours for a single-group measure", () => {
    const studies: Study[] = Array.from({ length: 5 }, (_, i) => ({
      label: `Cohort ${i}`,
      data: { kind: "single-binary", events: 3 + i, n: 20 + 5 * i },
    }));
    const plot = funnelPlot({ result: analyse(studies, { measure: "PLO", model: "random" }) });
    expectClean(plot);
    expect(plot.contourEnds.map((c) => c.p)).toEqual([1]);
    expect(plot.svg).not.toContain("p ≤ 0.01");
  });
});
