import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import { describe, expect, inject, it, vi } from "vitest";
import { superviseWorker } from "./worker-process";

/** Pids of this process's children running `sift worker` (Linux: from /proc). */
function workerChildren(): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return ppid === process.pid && readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("worker");
      } catch {
        return false; // gone meanwhile
      }
    });
}

describe("the supervised job worker", () => {
  it("runs at a lower CPU priority than the web server that started it, and stops with it", async () => {
    const stop = superviseWorker(inject("databaseUrl"));
    try {
      const [pid] = await vi.waitFor(() => {
        const pids = workerChildren();
        expect(pids).toHaveLength(1);
        return pids;
      });
      expect(os.getPriority(pid!)).toBe(Math.min(19, os.getPriority() + 10));
    } finally {
      await stop();
    }
    expect(workerChildren()).toEqual([]);
  });
});
