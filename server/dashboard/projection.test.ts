import { describe, expect, it } from "vitest";
import { projectFinish } from "./projection";

const NOW = new Date("2026-12-07T12:00:00Z");

describe("projectFinish", () => {
  it("divides the decisions still needed by the last week's decisions a day, rounding days up", () => {
    // 70 decisions in 7 days is 10 a day; 95 needed take 9.5 days, so 10.
    expect(projectFinish(95, 70, NOW)).toEqual({ perDay: 10, days: 10, finish: "2026-12-17" });
  });

  it("says nothing without a decision in the last week", () => {
    expect(projectFinish(40, 0, NOW)).toBeNull();
  });

  it("is done today when nothing is needed, whatever the pace", () => {
    expect(projectFinish(0, 0, NOW)).toEqual({ perDay: 0, days: 0, finish: "2026-12-07" });
    expect(projectFinish(0, 14, NOW)).toMatchObject({ days: 0, finish: "2026-12-07" });
  });
});
