import { describe, expect, it } from "vitest";
import { mayChange } from "./review-changes";

describe("mayChange", () => {
  it("follows the role while the review is active", () => {
    expect(mayChange({ myRole: "lead", archivedAt: null }, "lead")).toBe(true);
    expect(mayChange({ myRole: "reviewer", archivedAt: null }, "lead")).toBe(false);
  });

  it("allows nobody, owners included, to change an archived review", () => {
    const archivedAt = new Date("2026-12-01");
    expect(mayChange({ myRole: "owner", archivedAt }, "observer")).toBe(false);
    expect(mayChange({ myRole: "reviewer", archivedAt }, "reviewer")).toBe(false);
  });
});
