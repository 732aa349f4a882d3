// Every tool's plots, read as a reader would: no two texts or marks on top of each other, nothing outside the
// page, at one study and at 200, with long study names and a tool of many long-named domains.
import { describe, expect, it } from "vitest";
import { TOOLS } from "../tools";
import type { ToolDefinition } from "../tools/types";
import { VALIDITY } from "../tools/validity";
import { expectClean, LONG_NAME } from "./layout.fixture";
import { summaryBarPlot } from "./summary-bar";
import { HEADER_EVERY, type PlotRow, trafficLightPlot } from "./traffic-light";

function rows(tool: ToolDefinition, n: number): PlotRow[] {
  return Array.from({ length: n }, (_, i) => {
    const levels = tool.levels.map((l) => l.value);
    const judgements = tool.domains.map((_, d) => ((i + d) % 5 === 4 ? null : levels[(i + d) % levels.length]!));
    return {
      label:
        i === 0
          ? LONG_NAME
          : i % 7 === 0
            ? `Supercalifragilisticexpialidocious-Study-${i}`
            : `Study ${i} ${2000 + (i % 25)}`,
      judgements,
      overall: tool.overall ? levels[i % levels.length]! : null,
      ...(tool.variants && i % 3 === 0 ? { variant: tool.variants.options.at(-1)!.id } : {}),
    };
  });
}

/** Many domains with long axis names and long labels, and a long judgement scale, as no shipped tool has yet. */
const WIDE_TOOL: ToolDefinition = {
  ...VALIDITY,
  levels: [
    ...VALIDITY.levels,
    { value: "critical", label: "Critically unsupported by anything the authors measured", tone: "critical", rank: 4 },
  ],
  domains: Array.from({ length: 14 }, (_, i) => ({
    ...VALIDITY.domains[i % 3]!,
    id: `W${i}`,
    short: i % 2 ? `Domain ${i}` : `A much longer domain heading ${i}`,
    label: `Whether the conclusions about outcome ${i} follow from what was measured, in whom, for how long, and against which comparator, in words long enough to wrap twice over on any page`,
  })),
};

const CASES: [string, ToolDefinition][] = [...Object.entries(TOOLS), ["many long domains", WIDE_TOOL]];

describe.each(CASES)("%s plots", (_name, tool) => {
  it.each([1, 200])("lay out %i studies without overlaps or clipping", (n) => {
    const data = rows(tool, n);
    const traffic = trafficLightPlot(tool, data);
    expectClean(traffic);
    expect(traffic.boxes.filter((b) => b.what.startsWith("key ")).length).toBe(tool.levels.length);
    expectClean(summaryBarPlot(tool, data));
  });
});

describe("the validity plot", () => {
  it("gives each header its own column and prints the whole key", () => {
    const plot = trafficLightPlot(VALIDITY, rows(VALIDITY, 3));
    for (const header of ["Design", "Mechanism", "Preclinical", "Overall"])
      expect(plot.svg).toContain(`>${header}</text>`);
    expect(plot.svg).toContain("· Not applicable</text>");
    const keys = plot.boxes.filter((b) => b.what.startsWith("key "));
    expect(new Set(keys.map((k) => k.y)).size, "the key on one line").toBe(1);
    expect(plot.svg).not.toContain("rotate(");
    expectClean(plot);
  });
  it("stands headers upright when a column would otherwise be too wide, and wraps long names", () => {
    const plot = trafficLightPlot(WIDE_TOOL, rows(WIDE_TOOL, 2));
    expect(plot.svg).toContain('transform="rotate(-90');
    expect(plot.width).toBeLessThan(900);
    expect(plot.svg).not.toContain(`>${LONG_NAME}</text>`);
  });
});

describe("a long traffic-light plot", () => {
  it.each(Object.entries(TOOLS))("repeats %s's heading row so no study is far below one", (_name, tool) => {
    const plot = trafficLightPlot(tool, rows(tool, 200));
    expectClean(plot);
    const headers = plot.boxes.filter((b) => b.what === "Study").map((b) => b.y);
    expect(headers).toHaveLength(Math.ceil(200 / HEADER_EVERY));
    // Every study's first dot lies below a heading row and within HEADER_EVERY rows of the nearest one above it.
    const first = `, ${tool.domains[0]!.short}: `;
    const firstDots = plot.boxes.filter((b) => b.what.includes(first) && b.w === b.h);
    const rowsTop = [...new Set(firstDots.map((b) => b.y))].sort((a, b) => a - b);
    expect(rowsTop).toHaveLength(200);
    for (const [r, y] of rowsTop.entries()) {
      const above = headers.filter((h) => h < y);
      expect(above.length, `study ${r} under a heading`).toBe(Math.floor(r / HEADER_EVERY) + 1);
    }
  });
  it("keeps one heading row for a short plot", () => {
    const plot = trafficLightPlot(TOOLS.rob2, rows(TOOLS.rob2, HEADER_EVERY));
    expect(plot.boxes.filter((b) => b.what === "Study")).toHaveLength(1);
  });
});
