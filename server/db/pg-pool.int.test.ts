// A database restart ends every session with 57P01 (pg_terminate_backend sends the same): each of our pools must
// drop those connections and carry on, where an unheard `error` event would end the process (Vitest reports it).

import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb, poolOf } from "./client";
import { pgPool } from "./pg-pool";

const admin = new pg.Client({ connectionString: inject("databaseUrl") });

afterAll(async () => {
  await admin.end();
  await pgPool().end();
});

async function terminate(pids: number[]): Promise<void> {
  await admin.query(`SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) pid`, [pids]);
  await sleep(300); // the sessions' goodbyes arrive as events, after the statement above returns
}

const backend = async (client: pg.ClientBase) =>
  (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid;

describe("connections the server ends", () => {
  it("are dropped by Prisma's pool and the bulk pool, idle or checked out, and the next statement runs", async () => {
    await admin.connect();
    process.env.DATABASE_URL = inject("databaseUrl");
    const db = createDb(inject("databaseUrl"));
    try {
      for (const pool of [poolOf(db), pgPool()]) {
        const idle = await pool.connect();
        const idlePid = await backend(idle);
        idle.release(); // back in the pool, idle
        const held = await pool.connect(); // checked out between two statements, as a transaction's would be
        const heldPid = await backend(held);
        await terminate([idlePid, heldPid]);
        await expect(held.query("SELECT 1")).rejects.toThrow();
        held.release(true);
        expect((await pool.query("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
      }
      expect(await db.user.count()).toBeGreaterThanOrEqual(0);
    } finally {
      await db.$disconnect();
    }
  });
});
