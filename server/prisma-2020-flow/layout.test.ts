import { describe, expect, it } from "vitest";
import { textWidth } from "../svg/text-metrics";
import { finishedCounts } from "./counts.fixture";
import { type FlowCounts, prisma2020Flow } from "./flow";
import { type DiagramLayout, FONT_SIZE, LINE_HEIGHT, layoutDiagram, PADDING, type Rect } from "./layout";

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

function expectClean(layout: DiagramLayout) {
  const rects: (Rect & { name: string })[] = [
    ...layout.boxes.map((b) => ({ ...b, name: b.listKey })),
    ...layout.banners.map((b) => ({ ...b, name: b.lines.map((l) => l.text).join(" ") })),
  ];
  for (let i = 0; i < rects.length; i++) {
    const a = rects[i]!;
    expect(
      a.x >= 0 && a.y >= 0 && a.x + a.w <= layout.width && a.y + a.h <= layout.height,
      `${a.name} inside the page`,
    ).toBe(true);
    for (let j = i + 1; j < rects.length; j++)
      expect(overlaps(a, rects[j]!), `${a.name} overlaps ${rects[j]!.name}`).toBe(false);
  }
  for (const box of layout.boxes) {
    for (const line of box.lines) {
      expect(line.x, `${line.text} starts inside`).toBeGreaterThanOrEqual(box.x + PADDING - 0.01);
      expect(line.x + textWidth(line.text, FONT_SIZE, line.bold), `${line.text} fits`).toBeLessThanOrEqual(
        box.x + box.w - PADDING + 0.01,
      );
      expect(line.y - FONT_SIZE, `${line.text} below the top`).toBeGreaterThanOrEqual(box.y);
      expect(line.y + LINE_HEIGHT - FONT_SIZE, `${line.text} above the bottom`).toBeLessThanOrEqual(box.y + box.h);
    }
  }
  expect(layout.banners.filter((b) => b.vertical).map((b) => b.lines.map((l) => l.text))).toEqual([
    ["Identification"],
    ["Screening"],
    ["Included"],
  ]);
  for (const banner of layout.banners) {
    for (const line of banner.lines) {
      const length = textWidth(line.text, FONT_SIZE, true);
      expect(length, `${line.text} fits its banner`).toBeLessThanOrEqual(
        (banner.vertical ? banner.h : banner.w) - 2 * PADDING + 0.01,
      );
    }
  }
}

describe("layoutDiagram", () => {
  it("lays a two-column review out in three phases without overlaps, every text inside its box", () => {
    const layout = layoutDiagram(prisma2020Flow(finishedCounts()));
    expect(layout.boxes.map((b) => b.listKey).sort()).toEqual(
      [
        "identified_dbr",
        "removed_before_screening",
        "records_screened",
        "records_excluded",
        "dbr_sought",
        "dbr_notretrieved",
        "dbr_assessed",
        "dbr_excluded",
        "identified_other",
        "other_sought",
        "other_notretrieved",
        "other_assessed",
        "other_excluded",
        "included",
      ].sort(),
    );
    expect(layout.banners.filter((b) => b.vertical).map((b) => b.lines[0]!.text)).toEqual([
      "Identification",
      "Screening",
      "Included",
    ]);
    expectClean(layout);
  });

  it("stacks the phases top to bottom and keeps the included box below the full-text row", () => {
    const layout = layoutDiagram(prisma2020Flow(finishedCounts()));
    const box = (k: string) => layout.boxes.find((b) => b.listKey === k)!;
    const order = ["identified_dbr", "records_screened", "dbr_sought", "dbr_assessed", "included"].map((k) => box(k));
    for (let i = 1; i < order.length; i++) expect(order[i]!.y).toBeGreaterThan(order[i - 1]!.y + order[i - 1]!.h);
    expect(box("other_sought").y).toBe(box("dbr_sought").y);
    expect(box("removed_before_screening").x).toBeGreaterThan(box("identified_dbr").x + box("identified_dbr").w);
  });

  it("wraps long reason and source names and grows boxes instead of overlapping", () => {
    const counts: FlowCounts = finishedCounts();
    counts.sources.push({
      name: "Cochrane Central Register of Controlled Trials via the Wiley Online Library interface",
      kind: "database",
      records: 1,
    });
    counts.dbr.excluded = Array.from({ length: 14 }, (_, i) => ({
      reason: `Reason number ${i} with a long explanation of why the report was left out of the review`,
      n: 1,
    }));
    counts.recordsExcluded = [
      { reason: "Wrong species (not a rodent or primate model of amyotrophic lateral sclerosis)", n: 700 },
      { reason: "Supercalifragilisticexpialidociousandevenlongerwordwithoutanyspaces", n: 41 },
    ];
    const layout = layoutDiagram(prisma2020Flow(counts));
    expectClean(layout);
    expect(layout.boxes.find((b) => b.listKey === "dbr_excluded")!.lines.length).toBeGreaterThan(28);
  });

  it("keeps an empty review's short rows tall enough for their phase labels", () => {
    const none = { sought: 0, notRetrieved: 0, assessed: 0, excluded: [], included: 0, stillSought: 0 };
    const layout = layoutDiagram(
      prisma2020Flow({
        sources: [{ name: "PubMed", kind: "database", records: 0 }],
        duplicates: 0,
        excludedAutomatic: 0,
        excludedOther: 0,
        recordsScreened: 0,
        recordsExcluded: [],
        recordsUnaccounted: 0,
        dbr: none,
        other: none,
        reportsUnaccounted: 0,
        newStudies: 0,
        ungroupedReports: 0,
      }),
    );
    expectClean(layout);
  });

  it("draws one column when there are no other methods", () => {
    const counts = finishedCounts();
    counts.sources = counts.sources.filter((s) => s.kind === "database");
    counts.other = { sought: 0, notRetrieved: 0, assessed: 0, excluded: [], included: 0, stillSought: 0 };
    const layout = layoutDiagram(prisma2020Flow(counts));
    expect(layout.boxes.some((b) => b.listKey.startsWith("other_") || b.listKey === "identified_other")).toBe(false);
    expect(layout.width).toBeLessThan(700);
    expectClean(layout);
  });
});
