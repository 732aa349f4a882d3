import { describe, expect, it } from "vitest";
import { mostlyPresent, titleYearKey } from "./overlap";

describe("titleYearKey", () => {
  it("gives one key to a title as two databases export it: case, accents, markup and MEDLINE's brackets aside", () => {
    const pubmed = titleYearKey("[Mesenchymal stem cells in amyotrophic lateral sclerosis: a phase II trial].", 2016);
    const embase = titleYearKey("Mesenchymal Stem Cells in Amyotrophic Lateral Sclerosis: A Phase II Trial", 2016);
    expect(pubmed).not.toBeNull();
    expect(embase).toBe(pubmed);
  });

  it("keeps different years and different titles apart", () => {
    const title = "Neural stem cell transplantation in ALS: long-term follow-up";
    expect(titleYearKey(title, 2019)).not.toBe(titleYearKey(title, 2020));
    expect(titleYearKey(title, 2019)).not.toBe(titleYearKey("Neural stem cell transplantation in ALS: safety", 2019));
  });

  it("does not match on a missing year or a title too short to name one document", () => {
    expect(titleYearKey("Mesenchymal stem cells in amyotrophic lateral sclerosis", null)).toBeNull();
    expect(titleYearKey("Editorial", 2020)).toBeNull();
    expect(titleYearKey("", 2020)).toBeNull();
  });
});

describe("mostlyPresent", () => {
  it("asks from 90 % of the file's records present, not below, and never for an empty file", () => {
    expect(mostlyPresent(9, 10)).toBe(true);
    expect(mostlyPresent(10, 10)).toBe(true);
    expect(mostlyPresent(899, 1000)).toBe(false);
    expect(mostlyPresent(0, 0)).toBe(false);
  });
});
