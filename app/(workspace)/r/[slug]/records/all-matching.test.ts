import { describe, expect, it } from "vitest";
import { MAX_SELECTION } from "@/server/api/contract/records";
import { type AllMatching, changesRecords, chosenRecords, matchingCount, toggleMatching } from "./all-matching";

const all: AllMatching = {
  filters: { query: "stem", outcome: "included" } as AllMatching["filters"],
  total: 12_345,
  except: new Set(),
};

describe("selecting every match", () => {
  it("counts every match but those ticked off, and asks for the filters with them", () => {
    const off = toggleMatching(all, ["a", "b"], false);
    expect(matchingCount(off)).toBe(12_343);
    const back = toggleMatching(off, ["a"], true);
    expect(matchingCount(back)).toBe(12_344);
    expect(chosenRecords(back, new Set(["x"]))).toEqual({ filters: all.filters, exceptIds: ["b"] });
    expect(all.except.size).toBe(0);
  });

  it("asks for the ticked ids when not every match is selected", () => {
    expect(chosenRecords(null, new Set(["r1", "r2"]))).toEqual({ recordIds: ["r1", "r2"] });
  });

  it("ticks off no more records than a request may name", () => {
    const ids = Array.from({ length: MAX_SELECTION + 5 }, (_, n) => `r${n}`);
    expect(toggleMatching(all, ids, false).except.size).toBe(MAX_SELECTION);
  });

  it("ends with a change of search or filters, not of order or page", () => {
    expect(changesRecords({ page: 3 })).toBe(false);
    expect(changesRecords({ sort: "title", descending: true })).toBe(false);
    expect(changesRecords({ query: "mice" })).toBe(true);
    expect(changesRecords({ outcome: "excluded", page: 1 })).toBe(true);
  });
});
