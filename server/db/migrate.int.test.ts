import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ensureDatabaseExists } from "./database";
import { loadMigrations, migrate, migrationStatus } from "./migrate";

const created: string[] = [];

async function emptyDatabase(): Promise<string> {
  const name = `sift_migrate_${Date.now().toString(36)}_${created.length}`;
  created.push(name);
  return ensureDatabaseExists(inject("serverUrl"), name);
}

function migrationsFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "sift-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  for (const name of created) await query(inject("serverUrl"), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
});

describe("migrator", () => {
  it("applies pending migrations once, in name order, with Prisma's bookkeeping", async () => {
    const url = await emptyDatabase();
    const dir = migrationsFolder({
      "2_second": "ALTER TABLE t ADD COLUMN b int;",
      "1_first": "CREATE TABLE t (a int);",
    });
    expect(await migrate(url, loadMigrations(dir))).toEqual(["1_first", "2_second"]);
    expect(await migrate(url, loadMigrations(dir))).toEqual([]);
    const rows = await query(
      url,
      `SELECT migration_name, finished_at IS NOT NULL AS done, length(checksum) AS len FROM _prisma_migrations ORDER BY migration_name`,
    );
    expect(rows).toEqual([
      { migration_name: "1_first", done: true, len: 64 },
      { migration_name: "2_second", done: true, len: 64 },
    ]);
  });

  it("two instances starting at once apply each migration exactly once", async () => {
    const url = await emptyDatabase();
    const migrations = loadMigrations();
    const results = await Promise.all([migrate(url, migrations), migrate(url, migrations), migrate(url, migrations)]);
    expect(results.flat().sort()).toEqual(migrations.map((m) => m.name));
    const [{ count }] = await query(url, `SELECT count(*)::int AS count FROM _prisma_migrations`);
    expect(count).toBe(migrations.length);
  });

  it("refuses a migration edited after it was applied, and says which", async () => {
    const url = await emptyDatabase();
    await migrate(url, loadMigrations(migrationsFolder({ "1_first": "CREATE TABLE t (a int);" })));
    const edited = loadMigrations(migrationsFolder({ "1_first": "CREATE TABLE t (a bigint);" }));
    await expect(migrate(url, edited)).rejects.toThrow(/1_first was edited after it was applied/);
    await expect(migrationStatus(url, edited)).rejects.toThrow(/edited/);
  });

  it("rolls back a failing migration completely and reports it", async () => {
    const url = await emptyDatabase();
    const dir = migrationsFolder({ "1_bad": "CREATE TABLE good (a int); SELECT * FROM missing_table;" });
    await expect(migrate(url, loadMigrations(dir))).rejects.toThrow(/1_bad failed/);
    expect(await query(url, `SELECT to_regclass('good') IS NULL AS absent`)).toEqual([{ absent: true }]);
    expect(await migrationStatus(url, loadMigrations(dir))).toEqual({ applied: [], pending: ["1_bad"] });
  });
});
