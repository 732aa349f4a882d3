import { describe, expect, it } from "vitest";
import { reconnectDelay } from "./reconnect-delay";

describe("the delay before reconnecting to live updates", () => {
  it("doubles from one second to at most thirty", () => {
    const top = (attempt: number) => reconnectDelay(attempt, () => 1);
    expect([0, 1, 2, 3, 4, 5, 6, 12].map(top)).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it("spreads each wait over its upper half", () => {
    expect(reconnectDelay(2, () => 0)).toBe(2000);
    expect(reconnectDelay(2, () => 0.5)).toBe(3000);
  });
});
