import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { coalesce } from "./coalesce";

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe("coalescing changes for one browser", () => {
  it("passes the first change at once and the rest of the window together when it ends", () => {
    const flushed: string[][] = [];
    const c = coalesce<string>((items) => flushed.push(items), 1000);
    c.add("title_abstract");
    expect(flushed).toEqual([["title_abstract"]]);
    c.add("title_abstract");
    c.add("full_text");
    c.add("title_abstract");
    vi.advanceTimersByTime(999);
    expect(flushed).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(flushed).toEqual([["title_abstract"], ["title_abstract", "full_text"]]);
  });

  it("sends at most once a second under a steady stream of changes", () => {
    const flushed: string[][] = [];
    const c = coalesce<string>((items) => flushed.push(items), 1000);
    for (let ms = 0; ms < 10_000; ms += 20) {
      c.add("title_abstract");
      vi.advanceTimersByTime(20);
    }
    expect(flushed.length).toBeGreaterThanOrEqual(10);
    expect(flushed.length).toBeLessThanOrEqual(11);
  });

  it("after a quiet window passes the next change at once again", () => {
    const flushed: string[][] = [];
    const c = coalesce<string>((items) => flushed.push(items), 1000);
    c.add("a");
    vi.advanceTimersByTime(5000);
    c.add("b");
    expect(flushed).toEqual([["a"], ["b"]]);
  });

  it("sends nothing once stopped", () => {
    const flushed: string[][] = [];
    const c = coalesce<string>((items) => flushed.push(items), 1000);
    c.add("a");
    c.add("b");
    c.stop();
    vi.advanceTimersByTime(5000);
    c.add("c");
    expect(flushed).toEqual([["a"]]);
  });
});
