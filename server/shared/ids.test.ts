import { afterEach, describe, expect, it, vi } from "vitest";
import { newId } from "./ids";

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const millisecondOf = (id: string) => parseInt(id.replace("-", "").slice(0, 12), 16);

afterEach(() => vi.restoreAllMocks());

describe("newId", () => {
  it("makes UUIDv7s stamped with the current millisecond", () => {
    const before = Date.now();
    const id = newId();
    expect(id).toMatch(UUID_V7);
    expect(millisecondOf(id)).toBeGreaterThanOrEqual(before);
    expect(millisecondOf(id)).toBeLessThanOrEqual(Date.now());
  });

  it("keeps creation order among ids made in the same millisecond", () => {
    vi.spyOn(Date, "now").mockReturnValue(Date.UTC(2026, 11, 8, 9, 0, 0));
    const ids = Array.from({ length: 10_000 }, newId);
    expect(new Set(ids.map(millisecondOf)).size).toBe(1);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it("keeps creation order when the clock steps back", () => {
    const now = vi.spyOn(Date, "now").mockReturnValue(Date.UTC(2026, 11, 8, 9, 0, 0, 500));
    const first = [newId(), newId()];
    now.mockReturnValue(Date.UTC(2026, 11, 8, 9, 0, 0, 100));
    const later = [newId(), newId()];
    expect([...first, ...later].sort()).toEqual([...first, ...later]);
  });
});
