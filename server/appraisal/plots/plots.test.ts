import { describe, expect, it } from "vitest";
import { SVG_FONT_FAMILY } from "../../svg/text-metrics";
import { ROB2 } from "../tools/rob2";
import { SYRCLE } from "../tools/syrcle";
import { summaryBarSvg, summaryShares } from "./summary-bar";
import { trafficLightSvg } from "./traffic-light";

const ROWS = [
  { label: "Oh 2018", judgements: ["low", "low", "some_concerns", "low", "low"], overall: "some_concerns" },
  { label: "Cudkowicz <2022> & co", judgements: ["low", "high", "low", "low", "some_concerns"], overall: "high" },
];

describe("traffic-light plot", () => {
  it("draws one dot per study and domain plus overall, coloured and labelled, with escaped text", () => {
    const svg = trafficLightSvg(ROB2, ROWS);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/<circle [^>]*r="13"/g)).toHaveLength(12);
    expect(svg).toContain("Cudkowicz &lt;2022&gt; &amp; co");
    expect(svg).toContain("<title>Cudkowicz &lt;2022&gt; &amp; co, D2: High risk</title>");
    expect(svg).toContain('fill="#BF0000"');
    expect(svg).toContain("D1: Bias arising from the randomisation process");
    expect(svg).not.toContain("<script");
  });
  it("sizes the label column by the label's measured width in the font it names", () => {
    const firstDot = (svg: string) => Number(/<circle cx="([\d.]+)"/.exec(svg)![1]);
    const wide = trafficLightSvg(ROB2, [{ ...ROWS[0]!, label: "W".repeat(16) }]);
    const narrow = trafficLightSvg(ROB2, [{ ...ROWS[0]!, label: "i".repeat(16) }]);
    expect(wide).toContain(`font-family="${SVG_FONT_FAMILY}"`);
    expect(firstDot(wide)).toBeGreaterThan(firstDot(narrow) + 140);
  });
  it("has no overall column for SYRCLE and marks unjudged items as such", () => {
    const svg = trafficLightSvg(SYRCLE, [
      {
        label: "Mouse 2011",
        judgements: ["low", "unclear", null, "high", "low", "low", "low", "low", "low", "low"],
        overall: null,
      },
    ]);
    expect(svg.match(/<circle [^>]*r="13"/g)).toHaveLength(10);
    expect(svg).not.toContain(">Overall<");
    expect(svg).toContain("Mouse 2011, 3: Not judged");
  });
});

describe("summary bar chart", () => {
  it("gives each judgement's share of the studies, equally weighted by default", () => {
    const shares = summaryShares(ROB2, ROWS);
    expect(shares[1]).toEqual({
      label: ROB2.domains[1]!.label,
      shares: [
        { value: "low", share: 0.5 },
        { value: "high", share: 0.5 },
      ],
    });
    expect(shares.at(-1)?.label).toBe("Overall");
  });
  it("weights studies when weights are given", () => {
    const shares = summaryShares(ROB2, ROWS, [3, 1]);
    expect(shares[1]!.shares).toEqual([
      { value: "low", share: 0.75 },
      { value: "high", share: 0.25 },
    ]);
    const svg = summaryBarSvg(ROB2, ROWS, [3, 1]);
    expect(svg).toContain("High risk 25%");
    expect(svg).toContain("weighted");
  });
});
