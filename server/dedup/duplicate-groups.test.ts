import { describe, expect, it } from "vitest";
import { groupPendingPairs } from "./duplicate-groups";

const link = (id: string, aId: string, bId: string, score = 0.8) => ({ id, aId, bId, score });

describe("groupPendingPairs", () => {
  it("joins pairs that share a record into one group, surest group first", () => {
    const groups = groupPendingPairs(
      [link("p1", "a", "b", 0.7), link("p2", "c", "d", 0.9), link("p3", "b", "e", 0.8)],
      new Map(),
    );
    expect(groups).toEqual([
      { recordIds: ["c", "d"], pairIds: ["p2"], score: 0.9 },
      { recordIds: ["a", "b", "e"], pairIds: ["p1", "p3"], score: 0.8 },
    ]);
  });

  it("takes a merged record as the record it was merged into", () => {
    // b was merged into a: the pair b~c is about a and c, and joins a~d through a.
    const groups = groupPendingPairs([link("p1", "b", "c"), link("p2", "a", "d")], new Map([["b", "a"]]));
    expect(groups).toHaveLength(1);
    expect(groups[0]!.recordIds.toSorted()).toEqual(["a", "c", "d"]);
    expect(groups[0]!.pairIds).toEqual(["p1", "p2"]);
  });

  it("leaves a pair whose two records are already one as a group of one record", () => {
    const groups = groupPendingPairs(
      [link("p1", "b", "c")],
      new Map([
        ["b", "a"],
        ["c", "a"],
      ]),
    );
    expect(groups).toEqual([{ recordIds: ["a"], pairIds: ["p1"], score: 0.8 }]);
  });

  it("returns nothing for no pairs", () => {
    expect(groupPendingPairs([], new Map())).toEqual([]);
  });
});
