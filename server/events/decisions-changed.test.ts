import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Db } from "../db/client";
import { type DecisionsChanged, decisionsChanged, onDecisionsChanged } from "./decisions-changed";

const event: DecisionsChanged = { db: {} as Db, reviewId: "r1", stage: "title_abstract", reviewerIds: ["u1"] };

// The hub lives on globalThis; each test starts from none registered (the test set-up wires the app's listeners).
const global = globalThis as unknown as { siftDecisionsChanged?: unknown };
let saved: unknown;
beforeEach(() => {
  saved = global.siftDecisionsChanged;
  global.siftDecisionsChanged = undefined;
});
afterEach(() => {
  global.siftDecisionsChanged = saved;
  vi.restoreAllMocks();
});

describe("decisions changed", () => {
  it("reaches every listener until it is removed", () => {
    const heard: DecisionsChanged[] = [];
    const other = vi.fn();
    const remove = onDecisionsChanged((e) => void heard.push(e));
    onDecisionsChanged(other);
    decisionsChanged(event);
    remove();
    decisionsChanged({ ...event, reviewerIds: "all" });
    expect(heard).toEqual([event]);
    expect(other).toHaveBeenCalledTimes(2);
  });

  it("reports a listener that fails, and still tells the others", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    const after = vi.fn();
    onDecisionsChanged(() => {
      throw new Error("thrown");
    });
    onDecisionsChanged(async () => {
      throw new Error("rejected");
    });
    onDecisionsChanged(after);
    decisionsChanged(event);
    expect(after).toHaveBeenCalledWith(event);
    await vi.waitFor(() => expect(error).toHaveBeenCalledTimes(2));
    expect(error.mock.calls.map((c) => c[1])).toEqual(["thrown", "rejected"]);
  });

  it("says so when nobody listens, instead of dropping the change without a word", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    decisionsChanged(event);
    decisionsChanged(event);
    expect(error).toHaveBeenCalledTimes(1);
    expect(error.mock.calls[0]![0]).toMatch(/nothing listens \(wireDomainEvents\(\) was not called/);
  });
});
