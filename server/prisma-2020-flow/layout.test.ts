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
        recordsExcludedByAutomation: 0,
        recordsAwaiting: 0,
        recordsInconsistent: 0,
        dbr: none,
        other: none,
        reportsAwaiting: 0,
        reportsInconsistent: 0,
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

  it("splits records excluded by a human and by automation tools inside the records-excluded box", () => {
    const counts = finishedCounts();
    counts.recordsExcluded = [
      { reason: "Wrong species (not a rodent or primate model of amyotrophic lateral sclerosis)", n: 500 },
      { reason: "No reason recorded", n: 40 },
    ];
    counts.recordsExcludedByAutomation = 200;
    const layout = layoutDiagram(prisma2020Flow(counts));
    expectClean(layout);
    const excluded = layout.boxes.find((b) => b.listKey === "records_excluded")!;
    const texts = excluded.lines.map((l) => l.text.replace(/\u00a0/g, " "));
    expect(texts[0]).toBe("Records excluded (n = 740):");
    expect(texts).toContain("by a human (n = 540)");
    expect(texts.at(-1)).toBe("by automation tools (n = 200)");
    // Reasons sit under "by a human", one level further in.
    const human = excluded.lines.find((l) => l.text.startsWith("by a human"))!;
    const reason = excluded.lines.find((l) => l.text.startsWith("No reason recorded"))!;
    expect(reason.x).toBeGreaterThan(human.x);
    const removed = layout.boxes.find((b) => b.listKey === "removed_before_screening")!;
    expect(removed.label).toContain("Records marked as ineligible by automation tools (n = 0)");
  });

  it("lays the updated-review form out: previous studies on the left, the total at the foot", () => {
    for (const counts of [finishedCounts(), { ...finishedCounts(), sources: finishedCounts().sources.slice(0, 3) }]) {
      if (counts.sources.length === 3)
        counts.other = { sought: 0, notRetrieved: 0, assessed: 0, excluded: [], included: 0, stillSought: 0 };
      const flow = prisma2020Flow(counts, { studies: 1234, reports: 56789 });
      const layout = layoutDiagram(flow);
      expectClean(layout);
      const box = (k: string) => layout.boxes.find((b) => b.listKey === k)!;
      const previous = box("previous_version");
      const identified = box("identified_dbr");
      const total = box("total_included");
      expect(previous.x + previous.w).toBeLessThan(identified.x);
      expect(previous.y).toBeLessThan(identified.y + identified.h);
      expect(total.y).toBeGreaterThan(box("included").y + box("included").h);
      expect(total.label).toBe(
        `Total studies included in review (n = ${(1234 + counts.newStudies).toLocaleString("en-US")}) Reports of total included studies (n = ${(56789 + flow.values.new_reports).toLocaleString("en-US")})`,
      );
      expect(box("included").label).toMatch(
        /^New studies included in review \(n = 12\) Reports of new included studies/,
      );
      expect(previous.opensList).toBe(false);
      expect(total.opensList).toBe(false);
      expect(layout.banners.map((b) => b.lines.map((l) => l.text).join(" "))).toContain("Previous studies");
      // The previous version's arrow reaches the total box's left side at its middle.
      const last = layout.arrows.find((a) => a[0]![0] === previous.x + previous.w / 2)!.at(-1)!;
      expect(last).toEqual([total.x, total.y + total.h / 2]);
    }
  });

  it("prints a note below the figure, wrapped inside its width, without overlapping anything", () => {
    const note =
      "Review in progress on 2026-12-07: 1,234 records await a title/abstract decision; 56 reports await a full-text decision; 3 included reports are not yet grouped into a study. These numbers will change.";
    for (const counts of [finishedCounts(), { ...finishedCounts(), sources: finishedCounts().sources.slice(0, 1) }]) {
      if (counts.sources.length === 1)
        counts.other = { sought: 0, notRetrieved: 0, assessed: 0, excluded: [], included: 0, stillSought: 0 };
      const layout = layoutDiagram(prisma2020Flow(counts), { note });
      expectClean(layout);
      const banner = layout.banners.find((b) => b.fill === "note")!;
      expect(banner.lines.map((l) => l.text).join(" ")).toBe(note);
      expect(banner.y).toBeGreaterThan(Math.max(...layout.boxes.map((b) => b.y + b.h)));
    }
  });
});
