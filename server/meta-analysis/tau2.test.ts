import { describe, expect, it } from "vitest";
import { restrictedML } from "./tau2";
import { interceptOnly } from "./weighted-fit";

describe("REML τ²", () => {
  it("reports τ² = 0 where Fisher scoring stops at a local maximum below the likelihood at 0, as metafor does", () => {
    // Found by searching random data sets for metafor's warning "Fisher scoring algorithm may have gotten stuck at
    // a local maximum. Setting tau^2 = 0." rma() gives τ² = 0 here, and 0.687119724067 with ll0check = FALSE.
    const y = [-2.47, 0.6, 0.25, 1.2, 1.84];
    const v = [1.5479, 0.0026, 2.9835, 0.3841, 2.4295];
    expect(restrictedML(y, v, interceptOnly(5))).toBe(0);
  });
});
