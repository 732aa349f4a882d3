import { describe, expect, it } from "vitest";
import { axisTicks } from "./axis-ticks";

describe("axisTicks", () => {
  it("steps by 1, 2 or 5 × 10^k with at most five intervals", () => {
    expect(axisTicks(3)).toEqual([0, 1, 2, 3]);
    expect(axisTicks(12)).toEqual([0, 5, 10]);
    expect(axisTicks(34)).toEqual([0, 10, 20, 30]);
    expect(axisTicks(100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(axisTicks(4321)).toEqual([0, 1000, 2000, 3000, 4000]);
  });
  it("gives whole numbers only, and 0 alone for an empty axis", () => {
    expect(axisTicks(1)).toEqual([0, 1]);
    expect(axisTicks(0)).toEqual([0]);
  });
});
