// The forest plot read as a reader reads it: nothing overlaps or is cut at 1 and at 200 studies, long names are
// wrapped or cut, and the marks sit where the axis says: each square at its study's estimate, each diamond across
// its CI, checked against the positions of the axis's own tick labels rather than the plot's scale function.
import { describe, expect, it } from "vitest";
import { expectClean, LONG_NAME } from "../../appraisal/plots/layout.fixture";
import type { PlotRow } from "../../appraisal/plots/traffic-light";
import { ROB2 } from "../../appraisal/tools/rob2";
import { textWidth } from "../../svg/text-metrics";
import { analyse } from "../analyse";
import reference from "../reference/reference.json";
import { subgroupAnalysis } from "../subgroups";
import type { Study } from "../types";
import { type ForestLayout, forestPlot } from "./forest";

const datasets = reference.datasets as unknown as Record<string, Study[]>;
const bcg = datasets["dat.bcg"]!;
const normand = datasets["dat.normand1999"]!;

function trials(n: number): Study[] {
  return Array.from({ length: n }, (_, i) => {
    const n1 = 20 + ((i * 37) % 400);
    const n2 = 20 + ((i * 53) % 380);
    const p2 = 0.1 + ((i * 7) % 30) / 100;
    const p1 = p2 * (0.4 + ((i * 11) % 13) / 10);
    return {
      label:
        i === 0
          ? LONG_NAME
          : i % 9 === 0
            ? `Supercalifragilisticexpialidocious-Trial-${i}`
            : `Trial ${i} ${1990 + (i % 30)}`,
      subgroup: i % 3 === 0 ? "Intrathecal" : "Intravenous",
      data: {
        kind: "binary",
        events1: Math.min(n1, Math.round(n1 * p1)),
        n1,
        events2: Math.round(n2 * p2),
        n2,
      },
    };
  });
}

const LEVELS = ["low", "some", "high"];
function rob(studies: readonly Study[]): { tool: typeof ROB2; rows: (PlotRow | null)[] } {
  const values = ROB2.levels.map((l) => l.value);
  expect(values.length).toBe(LEVELS.length);
  return {
    tool: ROB2,
    rows: studies.map((s, i) =>
      i % 4 === 3
        ? null
        : {
            label: s.label,
            judgements: ROB2.domains.map((_, d) => values[(i + d) % 3]!),
            overall: values[i % 3]!,
          },
    ),
  };
}

/** The x of a value read off the axis: interpolated between the two tick labels around it. */
function axisX(plot: ForestLayout, shownValue: number, log: boolean): number {
  const ticks = plot.scale.ticks.map((t) => {
    const box = plot.boxes.find(
      (b) => b.what === t.label && Math.abs(b.y - plot.boxes.find((c) => c.what === plot.scale.ticks[0]!.label)!.y) < 1,
    )!;
    return { v: Number(t.label.replace("−", "-")), x: box.x + box.w / 2 };
  });
  const f = (v: number) => (log ? Math.log(v) : v);
  const a = ticks[0]!;
  const b = ticks.at(-1)!;
  return a.x + ((f(shownValue) - f(a.v)) / (f(b.v) - f(a.v))) * (b.x - a.x);
}

describe("forest plot layout", () => {
  it.each([1, 200])("lays out %i studies with subgroups and risk-of-bias dots without overlaps or clipping", (n) => {
    const studies = trials(n);
    const result = analyse(studies, { measure: "RR", model: "random" });
    const plot = forestPlot({
      result,
      studies,
      subgroups: n > 1 ? subgroupAnalysis(result.options, studies) : null,
      arms: { intervention: "Stem cells", control: "Placebo" },
      favours: { left: "Favours stem cells", right: "Favours placebo" },
      riskOfBias: rob(studies),
      title: "Death or permanent ventilation at 12 months",
    });
    expectClean(plot);
    expect(plot.marks.filter((m) => m.kind === "study")).toHaveLength(n);
    expect(plot.svg).not.toContain(`>${LONG_NAME}</text>`);
    expect(plot.svg).toContain("…</text>");
    expect(plot.svg).toContain(`<title>${LONG_NAME}: `);
    if (n === 1) {
      expect(plot.marks.some((m) => m.kind === "overall")).toBe(false);
      expect(plot.svg).toContain("one study: nothing is pooled");
    } else {
      expect(plot.marks.filter((m) => m.kind === "subtotal")).toHaveLength(2);
      expect(plot.svg).toContain("Test for subgroup differences: Q = ");
    }
  });

  it("keeps the axis's tick labels apart and readable over a very wide range", () => {
    const studies: Study[] = [
      { label: "Tiny", data: { kind: "binary", events1: 0, n1: 5, events2: 5, n2: 5 } },
      { label: "Huge", data: { kind: "binary", events1: 5, n1: 5, events2: 0, n2: 5 } },
      { label: "Middle", data: { kind: "binary", events1: 10, n1: 100, events2: 12, n2: 100 } },
    ];
    const plot = forestPlot({ result: analyse(studies, { measure: "OR", model: "fixed" }), studies });
    expectClean(plot);
    const labels = plot.scale.ticks.map((t) => t.label);
    expect(labels).toContain("1");
    expect(labels.length).toBeLessThanOrEqual(9);
    for (const t of plot.scale.ticks) expect(textWidth(t.label, 10)).toBeGreaterThan(0);
  });
});

describe("forest plot geometry", () => {
  it("puts each study's square at its risk ratio on the log axis and the diamond across the pooled CI (dat.bcg)", () => {
    const result = analyse(bcg, { measure: "RR", model: "random", tau2Method: "REML", ci: "hksj" });
    const plot = forestPlot({ result, studies: bcg, favours: { left: "Favours vaccine", right: "Favours control" } });
    expectClean(plot);
    expect(plot.scale.ticks.map((t) => t.label)).toEqual(["0.05", "0.1", "0.2", "0.5", "1", "2", "5", "10"]);
    // Aronson 1948: 4/123 vaccinated vs 11/139 controls, RR = (4/123)/(11/139) = 0.411.
    const aronson = plot.marks.find((m) => m.label === "Aronson 1948")!;
    expect(aronson.x!).toBeCloseTo(axisX(plot, 4 / 123 / (11 / 139), true), 1);
    expect(plot.svg).toContain(">0.41 [0.13, 1.26]</text>");
    // metafor: REML + Knapp–Hartung log RR −0.7145, SE 0.1808, t(12) → RR exp(−0.7145 ± 2.1788 × 0.1808) = 0.49 [0.33, 0.73].
    const overall = plot.marks.find((m) => m.kind === "overall")!;
    const crit = 2.178813; // qt(0.975, 12)
    expect(overall.x!).toBeCloseTo(axisX(plot, Math.exp(-0.7145), true), 0);
    expect(overall.from).toBeCloseTo(axisX(plot, Math.exp(-0.7145 - crit * 0.1808), true), 0);
    expect(overall.to).toBeCloseTo(axisX(plot, Math.exp(-0.7145 + crit * 0.1808), true), 0);
    expect(plot.svg).toContain(">0.49 [0.33, 0.73]</text>");
    const pi = plot.marks.find((m) => m.kind === "prediction")!;
    expect(pi.from).toBeLessThan(overall.from);
    expect(pi.to).toBeGreaterThan(overall.to);
    // Larger weight, larger square.
    const squares = plot.marks.filter((m) => m.kind === "study");
    const byWeight = [...result.studies].sort((a, b) => a.weight! - b.weight!);
    const side = (label: string) => squares.find((m) => m.label === label)!.size;
    expect(side(byWeight.at(-1)!.label)).toBeGreaterThan(side(byWeight[0]!.label));
    expect(plot.svg).toContain("Heterogeneity: τ² = 0.31; Q = 152.23, df = 12, p &lt; 0.0001; I² = 92 %");
    expect(plot.svg).toContain(">Favours vaccine</text>");
    expect(plot.svg).toContain(">Risk ratio (log scale)</text>");
  });

  it("draws mean differences on a linear axis through 0, with the line of no effect at 0 (dat.normand1999)", () => {
    const result = analyse(normand, { measure: "MD", model: "random", tau2Method: "REML", ci: "wald" });
    const plot = forestPlot({ result, studies: normand });
    expectClean(plot);
    const overall = plot.marks.find((m) => m.kind === "overall")!;
    // metafor: REML −15.1060.
    expect(overall.x!).toBeCloseTo(axisX(plot, -15.106, false), 0);
    expect(overall.from).toBeCloseTo(axisX(plot, result.pooled!.ciLower, false), 0);
    const zero = axisX(plot, 0, false);
    expect(plot.svg).toContain(`x1="${Math.round(zero * 100) / 100}"`);
    expect(plot.svg).toContain(">Mean (SD) n</text>");
    // Edinburgh: 55 (47) 155 vs 75 (64) 156.
    expect(plot.svg).toContain(">55 (47) 155</text>");
  });

  it("ends an interval running off the axis in an arrow", () => {
    const studies: Study[] = [
      { label: "Small", data: { kind: "binary", events1: 1, n1: 4, events2: 1, n2: 4 } },
      ...bcg.slice(0, 6),
    ];
    const plot = forestPlot({ result: analyse(studies, { measure: "RR", model: "fixed" }), studies });
    const small = plot.marks.find((m) => m.label === "Small")!;
    expect(small.clippedLeft || small.clippedRight).toBe(true);
    expect(plot.svg).toMatch(/<path d="M[\d.]+ [\d.]+l-?5 -3\.5v7z"/);
  });
});

describe("forest plot of proportions", () => {
  it("shows logit proportions as proportions, on a logit axis labelled with them, and no line of no effect", () => {
    const studies: Study[] = [
      { label: "Cohort A", data: { kind: "single-binary", events: 3, n: 20 } },
      { label: "Cohort B", data: { kind: "single-binary", events: 12, n: 40 } },
      { label: "Cohort C", data: { kind: "single-binary", events: 9, n: 60 } },
    ];
    const plot = forestPlot({ result: analyse(studies, { measure: "PLO", model: "random" }), studies });
    expectClean(plot);
    const labels = plot.scale.ticks.map((t) => t.label);
    expect(labels).toContain("0.1");
    expect(labels).toContain("0.5");
    // 3/20 = 0.15 on the logit scale between the tick labels' own positions.
    const at = (label: string) => {
      const box = plot.boxes.filter((b) => b.what === label).at(-1)!;
      return box.x + box.w / 2;
    };
    const logit = (p: number) => Math.log(p / (1 - p));
    const expected = at("0.1") + ((logit(0.15) - logit(0.1)) / (logit(0.5) - logit(0.1))) * (at("0.5") - at("0.1"));
    expect(plot.marks.find((m) => m.label === "Cohort A")!.x!).toBeCloseTo(expected, 0);
    expect(plot.svg).toContain(">0.15 [");
    expect(plot.svg).toContain(">Proportion (logit scale)</text>");
    expect(plot.svg).not.toContain("Favours");
  });
});
