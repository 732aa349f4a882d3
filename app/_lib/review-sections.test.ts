import { describe, expect, it } from "vitest";
import { sectionsFor } from "./review-sections";

describe("sectionsFor", () => {
  it("offers leads every section, and reviewers and observers none that only a lead can use", () => {
    const labels = (role: Parameters<typeof sectionsFor>[0]) => sectionsFor(role).map((s) => s.label);
    expect(labels("lead")).toContain("Conflicts");
    expect(labels("owner")).toEqual(labels("lead"));
    for (const role of ["reviewer", "observer"] as const) {
      expect(labels(role)).not.toContain("Conflicts");
      expect(labels(role)).not.toContain("Import");
      expect(labels(role)).toContain("Screening");
    }
  });
});
