// What both directions read from the database they run on: the catalog's plan and the applied migrations.
import type pg from "pg";
import { readCatalog } from "../../db/catalog";
import { type BundlePlan, planBundle } from "./bundle-plan";

export async function currentPlan(client: pg.ClientBase): Promise<BundlePlan> {
  return planBundle(await readCatalog(client));
}

export async function appliedMigrations(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
  );
  return rows.map((r) => r.migration_name);
}
