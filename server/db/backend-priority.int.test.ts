import os from "node:os";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { isLoopback, niceBackends } from "./backend-priority";

describe("niceBackends", () => {
  it("lowers the priority of every backend the pool connects to", async () => {
    const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 2 });
    const niceness = Math.min(19, os.getPriority() + 5);
    niceBackends(pool, niceness);
    try {
      const clients = [await pool.connect(), await pool.connect()];
      for (const client of clients) {
        const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
        expect(os.getPriority(rows[0]!.pid)).toBe(niceness);
        client.release();
      }
    } finally {
      await pool.end();
    }
  });

  it("applies only to a database on this machine", () => {
    expect(isLoopback("postgresql://sift@127.0.0.1:5432/sift")).toBe(true);
    expect(isLoopback("postgresql://sift@localhost/sift")).toBe(true);
    expect(isLoopback("postgresql://sift@db.internal:5432/sift")).toBe(false);
    expect(isLoopback("not a url")).toBe(false);
  });
});
