import { describe, expect, it } from "vitest";
import { activeFilters, DEFAULT_STATE, listInput, paramsFromState, stateFromParams } from "./browse-params";

describe("the browser's address", () => {
  it("round-trips every setting, and writes only what differs from the defaults", () => {
    const state = {
      ...DEFAULT_STATE,
      query: "stem cells -mouse",
      sourceId: "src-1",
      duplicates: "pending" as const,
      stage: "full_text" as const,
      outcome: "excluded" as const,
      exclusionReasonId: "reason-2",
      decision: "include" as const,
      decidedBy: "user-3",
      sort: "title" as const,
      descending: true,
      page: 3,
    };
    const params = paramsFromState(state);
    expect(params.toString()).toBe(
      "q=stem+cells+-mouse&source=src-1&duplicates=pending&stage=full_text&outcome=excluded&reason=reason-2&decision=include&by=user-3&sort=title&desc=1&page=3",
    );
    expect(stateFromParams(params)).toEqual(state);
    expect(paramsFromState(DEFAULT_STATE).toString()).toBe("");
  });

  it("drops values that are not choices, odd ids and impossible pages", () => {
    const state = stateFromParams({
      outcome: "secret",
      stage: "data_extraction",
      source: "x'; DROP TABLE records",
      page: ["-2", "4"],
      sort: "relevance",
      q: "a".repeat(600),
    });
    expect(state).toEqual({ ...DEFAULT_STATE, sort: "relevance", query: "a".repeat(500) });
  });

  it("counts the filters set besides the search, and asks for the page's slice", () => {
    const state = stateFromParams(new URLSearchParams("q=als&reached=full_text&by=u1&page=2"));
    expect(activeFilters(state)).toBe(2);
    expect(listInput("rev", state)).toMatchObject({ reviewId: "rev", query: "als", offset: 50, limit: 50 });
    expect(listInput("rev", state)).not.toHaveProperty("page");
    // "Decided by" narrows a decision filter; alone it filters nothing.
    expect(listInput("rev", state).decidedBy).toBeUndefined();
    expect(listInput("rev", { ...state, decision: "exclude" }).decidedBy).toBe("u1");
  });
});
