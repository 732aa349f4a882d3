// Applies prisma/migrations the way `prisma migrate deploy` does, with the same `_prisma_migrations`
// bookkeeping and advisory lock, so either tool can take over a database from the other. We need our own
// because Prisma's schema engine is a downloaded binary that some machines cannot fetch.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { projectRoot } from "../config/paths";
import { newId } from "../shared/ids";
import { guardClient } from "./pg-pool";

// The key Prisma Migrate locks on; sharing it means our migrator and `prisma migrate deploy` never interleave.
const PRISMA_ADVISORY_LOCK = 72707369;

export const migrationsDir = path.join(projectRoot, "prisma", "migrations");

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

export class MigrationError extends Error {}

export function loadMigrations(dir = migrationsDir): Migration[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(dir, d.name, "migration.sql")))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

const BOOKKEEPING_DDL = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
}

async function appliedRows(client: pg.ClientBase): Promise<AppliedRow[]> {
  const { rows } = await client.query<AppliedRow>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL ORDER BY started_at`,
  );
  return rows;
}

/** Refuses, with the reason, a database whose history does not match the migrations on disk. */
function checkHistory(applied: AppliedRow[], migrations: Migration[]): void {
  const byName = new Map(migrations.map((m) => [m.name, m]));
  for (const row of applied) {
    const local = byName.get(row.migration_name);
    if (!row.finished_at) {
      throw new MigrationError(
        `migration ${row.migration_name} started earlier but did not finish; fix the database by hand, then mark it rolled back`,
      );
    }
    if (!local) {
      throw new MigrationError(
        `the database has migration ${row.migration_name}, which is not in prisma/migrations (is this Sift older than the database?)`,
      );
    }
    if (local.checksum !== row.checksum) {
      throw new MigrationError(
        `migration ${row.migration_name} was edited after it was applied to this database; restore its original migration.sql and add a new migration instead`,
      );
    }
  }
}

export async function migrationStatus(databaseUrl: string, migrations = loadMigrations()): Promise<MigrationStatus> {
  const client = guardClient(new pg.Client({ connectionString: databaseUrl }), "migrations");
  await client.connect();
  try {
    const exists = await client.query(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`);
    const applied = exists.rows[0].present ? await appliedRows(client) : [];
    checkHistory(applied, migrations);
    const done = new Set(applied.map((r) => r.migration_name));
    return { applied: [...done], pending: migrations.filter((m) => !done.has(m.name)).map((m) => m.name) };
  } finally {
    await client.end();
  }
}

/** Applies every pending migration, each in its own transaction; returns the names applied. */
export async function migrate(databaseUrl: string, migrations = loadMigrations()): Promise<string[]> {
  const client = guardClient(new pg.Client({ connectionString: databaseUrl }), "migrations");
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock($1)`, [PRISMA_ADVISORY_LOCK]);
    await client.query(BOOKKEEPING_DDL);
    const applied = await appliedRows(client);
    checkHistory(applied, migrations);
    const done = new Set(applied.map((r) => r.migration_name));
    const ran: string[] = [];
    for (const migration of migrations.filter((m) => !done.has(m.name))) {
      const id = newId();
      await client.query("BEGIN");
      try {
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())`,
          [id, migration.checksum, migration.name],
        );
        await client.query(migration.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (err) {
        await client.query("ROLLBACK");
        throw new MigrationError(`migration ${migration.name} failed: ${(err as Error).message}`);
      }
      ran.push(migration.name);
    }
    return ran;
  } finally {
    await client.query(`SELECT pg_advisory_unlock($1)`, [PRISMA_ADVISORY_LOCK]).catch(() => {});
    await client.end();
  }
}
