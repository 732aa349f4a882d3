import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { Prisma } from "./generated/client.ts";
import { rows, transaction } from "./sql";

// One connection, so every call below lands on the same session and its prepared statements.
const pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 1 });
afterAll(() => pool.end());

const preparedNames = async () =>
  (
    await pool.query<{ name: string }>(
      "SELECT name FROM pg_prepared_statements WHERE name LIKE 'sift\\_%' ORDER BY name",
    )
  ).rows.map((r) => r.name);

const plusOne = (n: number) => Prisma.sql`SELECT ${n}::int + 1 AS n`;
const inverse = (n: number) => Prisma.sql`SELECT 100 / ${n}::int AS n`;

describe("transaction", () => {
  it("prepares each statement once per connection and runs it by name after that", async () => {
    for (const n of [1, 2, 3]) {
      const [[row]] = (await transaction(pool, (tx) => tx.batch([plusOne(n)], { commit: true }))) as [{ n: number }[]];
      expect(row).toEqual({ n: n + 1 });
    }
    const names = await preparedNames();
    expect(names).toHaveLength(1);
    const [{ rows: statement }] = [
      await pool.query("SELECT statement FROM pg_prepared_statements WHERE name = $1", [names[0]]),
    ];
    expect(statement[0].statement).toContain("+ 1 AS n");
  });

  it("keeps working after a batch fails, whether its statements were prepared or not", async () => {
    await expect(transaction(pool, (tx) => tx.batch([plusOne(1), inverse(0)], { commit: true }))).rejects.toThrow(
      /division by zero/,
    );
    await expect(transaction(pool, (tx) => tx.batch([Prisma.sql`SELEC ${1}`]))).rejects.toThrow(/syntax error/);
    await expect(transaction(pool, (tx) => tx.batch([inverse(0)], { commit: true }))).rejects.toThrow(
      /division by zero/,
    );
    const [a, b] = await transaction(pool, (tx) => tx.batch([plusOne(4), inverse(4)], { commit: true }));
    expect([a, b]).toEqual([[{ n: 5 }], [{ n: 25 }]]);
    expect(await preparedNames()).toHaveLength(2);
  });

  it("rolls back everything the transaction wrote when a later batch fails", async () => {
    await pool.query("CREATE TEMP TABLE IF NOT EXISTS sql_tx_probe (n int)");
    await expect(
      transaction(pool, async (tx) => {
        await tx.batch([Prisma.sql`INSERT INTO sql_tx_probe VALUES (${7})`]);
        await tx.batch([inverse(0)], { commit: true });
      }),
    ).rejects.toThrow(/division by zero/);
    expect((await pool.query("SELECT count(*)::int AS n FROM sql_tx_probe")).rows[0].n).toBe(0);
  });
});

describe("a prepared statement gone stale", () => {
  it("is dropped with its connection when a migration changed its table, and the work runs again", async () => {
    const table = `sql_probe_${Date.now()}`;
    await pool.query(`CREATE TABLE ${table} (a int)`);
    await pool.query(`INSERT INTO ${table} VALUES (1)`);
    const all = Prisma.sql`SELECT * FROM ${Prisma.raw(table)} WHERE a = ${1}`;
    expect(await rows(pool, all)).toEqual([{ a: 1 }]);
    expect(await transaction(pool, (tx) => tx.batch([all], { commit: true }))).toEqual([[{ a: 1 }]]);
    await pool.query(`ALTER TABLE ${table} ADD COLUMN b int DEFAULT 2`);
    expect(await transaction(pool, (tx) => tx.batch([all], { commit: true }))).toEqual([[{ a: 1, b: 2 }]]);
    expect(await rows(pool, all)).toEqual([{ a: 1, b: 2 }]); // prepared on the new connection
    await pool.query(`ALTER TABLE ${table} ADD COLUMN c int DEFAULT 3`);
    expect(await rows(pool, all)).toEqual([{ a: 1, b: 2, c: 3 }]);
    await pool.query(`DROP TABLE ${table}`);
  });
});

describe("rows", () => {
  it("runs a statement by name with its parameters, empty arrays included", async () => {
    const query = (ids: string[]) => Prisma.sql`SELECT cardinality(${ids}::text[]) AS n`;
    expect(await rows(pool, query(["a", "b"]))).toEqual([{ n: 2 }]);
    expect(await rows(pool, query([]))).toEqual([{ n: 0 }]);
  });
});

// Last in this file: it switches the process to sending statements whole.
describe("behind a pooler in transaction mode", () => {
  it("sends statements whole once a prepared one went missing, and the work runs again", async () => {
    expect(await transaction(pool, (tx) => tx.batch([plusOne(10)], { commit: true }))).toEqual([[{ n: 11 }]]);
    expect(await rows(pool, plusOne(20))).toEqual([{ n: 21 }]);
    // What a pooler does when the next transaction lands on another server connection.
    await pool.query("DEALLOCATE ALL");
    expect(await transaction(pool, (tx) => tx.batch([plusOne(30)], { commit: true }))).toEqual([[{ n: 31 }]]);
    expect(await rows(pool, plusOne(40))).toEqual([{ n: 41 }]);
    expect(await preparedNames()).toEqual([]);
  });
});
