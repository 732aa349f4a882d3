import { describe, expect, it } from "vitest";
import { evaluate } from "./outcome";

const d = (verdict: "include" | "exclude" | "maybe", reasonId: string | null = null) => ({ verdict, reasonId });

describe("evaluate", () => {
  it("waits until the needed number of decisions is in", () => {
    expect(evaluate([d("include")], 2, "title_abstract")).toEqual({ status: "awaiting" });
    expect(evaluate([], 1, "title_abstract")).toEqual({ status: "awaiting" });
  });

  it("settles records where everyone agrees", () => {
    expect(evaluate([d("include"), d("include")], 2, "title_abstract")).toEqual({ status: "included", reasonId: null });
    expect(evaluate([d("exclude", "r1"), d("exclude", null)], 2, "title_abstract")).toEqual({ status: "excluded", reasonId: "r1" });
    expect(evaluate([d("exclude")], 1, "title_abstract")).toEqual({ status: "excluded", reasonId: null });
  });

  it("counts maybe, and any disagreement, as a conflict", () => {
    expect(evaluate([d("include"), d("exclude")], 2, "title_abstract")).toEqual({ status: "conflict" });
    expect(evaluate([d("maybe"), d("maybe")], 2, "title_abstract")).toEqual({ status: "conflict" });
    expect(evaluate([d("include"), d("include"), d("maybe")], 3, "title_abstract")).toEqual({ status: "conflict" });
  });

  it("at full text, two exclusions for different reasons still need a lead", () => {
    expect(evaluate([d("exclude", "a"), d("exclude", "b")], 2, "full_text")).toEqual({ status: "conflict" });
    expect(evaluate([d("exclude", "a"), d("exclude", "a")], 2, "full_text")).toEqual({ status: "excluded", reasonId: "a" });
  });
});
