import { describe, expect, it } from "vitest";
import { PendingRetrainings } from "./pending-retraining";

describe("PendingRetrainings", () => {
  it("covers decisions until the margin before the queued retraining starts, then asks again", () => {
    const pending = new PendingRetrainings(1000, 2000);
    expect(pending.covers("r:ta:u1", 0)).toBe(false);
    pending.queued("r:ta:u1", 10_000);
    expect(pending.covers("r:ta:u1", 10_000)).toBe(true);
    expect(pending.covers("r:ta:u1", 10_999)).toBe(true);
    expect(pending.covers("r:ta:u1", 11_000)).toBe(false);
    expect(pending.covers("r:ta:u1", 10_500)).toBe(false); // forgotten once it no longer covered
  });

  it("keeps each reviewer's retraining apart", () => {
    const pending = new PendingRetrainings(1000, 2000);
    pending.queued("r:ta:u1", 0);
    expect(pending.covers("r:ta:u2", 10)).toBe(false);
    expect(pending.covers("r:ft:u1", 10)).toBe(false);
  });
});
