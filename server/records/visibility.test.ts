import { describe, expect, it } from "vitest";
import { RecordFilters } from "./browse-input";
import { hiddenFilterRefusal } from "./visibility";

const filters = (f: object) => RecordFilters.parse(f);
const BLIND = { titleAbstract: false, fullText: false };
const TA_OPEN = { titleAbstract: true, fullText: false };
const ALL = { titleAbstract: true, fullText: true };

describe("hiddenFilterRefusal", () => {
  it("lets anyone search, and filter by source, import, duplicates and their own decisions", () => {
    for (const f of [
      { query: "stem cells" },
      { sourceId: "s1", importId: "i1", duplicates: "pending" },
      { decision: "exclude" },
      { decidedBy: "me", decision: "none", stage: "full_text" },
    ])
      expect(hiddenFilterRefusal(filters(f), BLIND, "me"), JSON.stringify(f)).toBeNull();
  });

  it("refuses outcome, reason, conflict, a lead's change and others' decisions at a blinded stage, and only there", () => {
    for (const f of [
      { outcome: "included" },
      { exclusionReasonId: "r1" },
      { conflict: "open" },
      { changed: "reopened" },
    ])
      expect(hiddenFilterRefusal(filters(f), BLIND, "me")).toMatch(/^While title and abstract screening is blinded/);
    expect(hiddenFilterRefusal(filters({ decidedBy: "other" }), BLIND, "me")).toMatch(/your own decisions only/);
    expect(hiddenFilterRefusal(filters({ outcome: "included" }), TA_OPEN, "me")).toBeNull();
    expect(hiddenFilterRefusal(filters({ stage: "full_text", outcome: "included" }), TA_OPEN, "me")).toMatch(
      /^While full text screening is blinded/,
    );
  });

  it("refuses how far records got, full text and study by what the blinded stages would reveal", () => {
    expect(hiddenFilterRefusal(filters({ reached: "full_text" }), BLIND, "me")).toMatch(/how far records got/);
    expect(hiddenFilterRefusal(filters({ fullText: "yes" }), BLIND, "me")).toMatch(/how far records got/);
    expect(hiddenFilterRefusal(filters({ reached: "full_text" }), TA_OPEN, "me")).toBeNull();
    expect(hiddenFilterRefusal(filters({ reached: "included" }), TA_OPEN, "me")).toMatch(/inclusion in the review/);
    expect(hiddenFilterRefusal(filters({ study: "s1" }), TA_OPEN, "me")).toMatch(/or by study/);
    expect(
      hiddenFilterRefusal(filters({ study: "s1", reached: "included", outcome: "excluded" }), ALL, "me"),
    ).toBeNull();
  });
});
