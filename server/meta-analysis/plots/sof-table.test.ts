// The Summary of findings picture read as a page: one outcome and sixty, with long outcome names and many
// footnotes, nothing overlapping or outside the page, every cell's text in its column.
import { describe, expect, it } from "vitest";
import { expectClean, LONG_NAME } from "../../appraisal/plots/layout.fixture";
import { analyse } from "../analyse";
import { type Domain, gradeCertainty, type Rating } from "../grade/certainty";
import { type SofOutcome, summaryOfFindings } from "../grade/summary-of-findings";
import reference from "../reference/reference.json";
import type { Study } from "../types";
import { sofTablePicture } from "./sof-table";

const bcg = (reference.datasets as unknown as Record<string, Study[]>)["dat.bcg"]!;
const result = analyse(bcg, { measure: "RR", model: "random" });
const fine: Rating = { concern: "not serious", reason: "" };

function outcome(i: number): SofOutcome {
  const ratings: Record<Domain, Rating> = {
    "risk of bias":
      i % 2 ? { concern: "serious", reason: `${40 + i} % of the weight from studies at high risk` } : fine,
    inconsistency: { concern: "very serious", reason: "I² = 92 %; prediction interval 0.14 to 1.76" },
    indirectness: fine,
    imprecision: fine,
    "publication bias": fine,
  };
  return {
    outcome: i === 0 ? LONG_NAME : `Outcome ${i}, 12 months`,
    result,
    studies: bcg,
    assumedRisk: 0.05 + (i % 9) / 10,
    grade: gradeCertainty({ design: "randomised", ratings }),
    comment: i % 3 === 0 ? "Supercalifragilisticexpialidocious comment that runs on for a while" : "",
  };
}

describe("Summary of findings picture", () => {
  it.each([1, 60])("lays out %i outcomes without overlaps or clipping", (n) => {
    const table = summaryOfFindings(Array.from({ length: n }, (_, i) => outcome(i)));
    const picture = sofTablePicture(table, "Stem cells compared with placebo for ALS");
    expectClean(picture);
    expect(picture.svg).toContain(">Anticipated absolute effects (95\u00a0%\u00a0CI)</text>");
    expect(picture.svg).toContain(">Low (a)</text>");
    expect(picture.svg).toContain("<title>Certainty: Low</title>");
    expect(picture.svg).toContain(
      `>a. Rated down two levels for inconsistency: I² = 92 %; prediction interval 0.14 to 1.76</text>`,
    );
    expect(picture.boxes.filter((b) => b.what.startsWith("Petrou,")).length).toBe(1);
  });
});
