import { describe, expect, it } from "vitest";
import { recordTypeLabel } from "./record-types";

describe("recordTypeLabel", () => {
  it("names the RIS reference types in words", () => {
    expect(recordTypeLabel("JOUR")).toBe("Journal article");
    expect(recordTypeLabel("INPR")).toBe("Article in press");
    expect(recordTypeLabel("CONF")).toBe("Conference proceedings");
    expect(recordTypeLabel("CPAPER")).toBe("Conference paper");
    expect(recordTypeLabel("THES")).toBe("Thesis or dissertation");
    expect(recordTypeLabel("EJOUR")).toBe("Electronic article");
  });

  it("reads a code whatever its case or surrounding spaces", () => {
    expect(recordTypeLabel(" jour ")).toBe("Journal article");
  });

  it("names BibTeX entry types, Crossref work types and registry entries", () => {
    expect(recordTypeLabel("journal-article")).toBe("Journal article");
    expect(recordTypeLabel("posted-content")).toBe("Preprint");
    expect(recordTypeLabel("article")).toBe("Journal article");
    expect(recordTypeLabel("inproceedings")).toBe("Conference paper");
    expect(recordTypeLabel("phdthesis")).toBe("Doctoral thesis");
    expect(recordTypeLabel("registry-entry")).toBe("Trial registry entry");
  });

  it("shows types that are already words as they came", () => {
    expect(recordTypeLabel("Journal Article; Randomized Controlled Trial")).toBe(
      "Journal Article; Randomized Controlled Trial",
    );
    expect(recordTypeLabel("Article")).toBe("Journal article");
    expect(recordTypeLabel("Meeting Abstract")).toBe("Meeting Abstract");
  });

  it("has nothing to show for a record without a type", () => {
    expect(recordTypeLabel(null)).toBeNull();
    expect(recordTypeLabel(undefined)).toBeNull();
    expect(recordTypeLabel("  ")).toBeNull();
  });
});
