import { describe, expect, it } from "vitest";
import { importPollDelay } from "./poll-delay";

describe("importPollDelay", () => {
  it("starts at a second and slows down to eight", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(importPollDelay)).toEqual([1000, 1500, 2250, 3375, 5063, 7594, 8000, 8000]);
  });
});
