import { describe, expect, it } from "vitest";
import { funnelData } from "./funnel";

describe("funnelData", () => {
  it("places each study by effect and SE, with the significance contours around no effect", () => {
    const data = funnelData(
      ["A", "B"],
      [
        { yi: 0.2, vi: 0.04, corrected: false },
        { yi: -0.1, vi: 0.01, corrected: false },
      ],
      0.05,
    );
    expect(data.points).toEqual([
      { label: "A", yi: 0.2, sei: 0.2 },
      { label: "B", yi: -0.1, sei: 0.1 },
    ]);
    expect(data.seMax).toBe(0.2);
    expect(data.center).toBe(0.05);
    expect(data.pseudoCiZ).toBeCloseTo(1.959964, 6);
    expect(data.contours.map((c) => [c.p, Number(c.z.toFixed(4))])).toEqual([
      [0.1, 1.6449],
      [0.05, 1.96],
      [0.01, 2.5758],
    ]);
  });
});
