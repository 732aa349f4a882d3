import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { projectRoot } from "../config/paths";
import { diffCatalogs, readCatalog } from "./catalog";
import { ensureDatabaseExists } from "./database";
import { getDMMF } from "./dmmf";
import { expectedCatalog } from "./expected-catalog";
import { migrate } from "./migrate";

const schemaText = readFileSync(path.join(projectRoot, "prisma/schema.prisma"), "utf8");
const fresh = `sift_drift_${Date.now().toString(36)}`;

async function migratedCatalog() {
  const url = await ensureDatabaseExists(inject("serverUrl"), fresh);
  await migrate(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await readCatalog(client);
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  const client = new pg.Client({ connectionString: inject("serverUrl") });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${fresh}" WITH (FORCE)`);
  await client.end();
});

describe("migrations and schema.prisma", () => {
  it("an empty database migrated from prisma/migrations matches the datamodel exactly", async () => {
    const actual = await migratedCatalog();
    const expected = expectedCatalog(getDMMF(schemaText));
    expect(Object.keys(actual.tables).length).toBeGreaterThan(20);
    expect(diffCatalogs(expected, actual)).toEqual([]);
  });

  it("notices a column, an index and a relation that the migrations lack", async () => {
    const actual = await migratedCatalog();
    const edited = schemaText
      .replace("model Study {\n", "model Study {\n  phase String?\n")
      .replace('  @@map("studies")', '  @@index([label])\n  @@map("studies")')
      .replace(
        "onDelete: SetNull)\n\n  @@index([reviewId])\n  @@index([studyId])",
        "onDelete: Cascade)\n\n  @@index([reviewId])\n  @@index([studyId])",
      );
    const diff = diffCatalogs(expectedCatalog(getDMMF(edited)), actual);
    expect(diff).toContain('studies.phase: schema {"type":"text","nullable":true,"default":null}, database null');
    expect(diff.some((d) => d.includes("studies_label_idx"))).toBe(true);
    expect(diff.some((d) => d.includes("reports_study_id_fkey"))).toBe(true);
  });
});
