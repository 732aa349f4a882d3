import { describe, expect, it } from "vitest";
import { distinctTitle } from "./restored-title";

describe("a restored review's title", () => {
  const today = new Date("2026-12-07T15:00:00Z");

  it("keeps the original's when no review here has it", () => {
    expect(distinctTitle("Stem cells for ALS", new Set(["Other"]), today)).toBe("Stem cells for ALS");
  });

  it("is marked with the day of the restore when the title is taken, and numbered after that", () => {
    const taken = new Set(["Stem cells for ALS"]);
    expect(distinctTitle("Stem cells for ALS", taken, today)).toBe("Stem cells for ALS (restored 2026-12-07)");
    taken.add("Stem cells for ALS (restored 2026-12-07)");
    expect(distinctTitle("Stem cells for ALS", taken, today)).toBe("Stem cells for ALS (restored 2026-12-07, 2)");
    taken.add("Stem cells for ALS (restored 2026-12-07, 2)");
    expect(distinctTitle("Stem cells for ALS", taken, today)).toBe("Stem cells for ALS (restored 2026-12-07, 3)");
  });
});
