import { describe, expect, it } from "vitest";
import { slugify } from "./slug";

describe("slugify", () => {
  it("makes URL-safe handles from titles, accents and symbols included", () => {
    expect(slugify("Stem cell therapy for ALS")).toBe("stem-cell-therapy-for-als");
    expect(slugify("  Thérapie cellulaire: α-MSC (phase 1/2)  ")).toBe("therapie-cellulaire-msc-phase-1-2");
    expect(slugify("!!!")).toBe("review");
    expect(slugify("a".repeat(100)).length).toBe(60);
  });
});
