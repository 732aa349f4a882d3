// The bundle round trip: a review written to one file and restored, into a fresh database (another Sift) and
// beside its original, shows the same records, decisions, outcomes, conflicts, extractions, appraisals and
// audit trail; a damaged or newer bundle is refused with nothing written.
import { createReadStream, mkdtempSync, readFileSync, writeFileSync, createWriteStream } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "../../db/client";
import { ensureDatabaseExists } from "../../db/database";
import { migrate } from "../../db/migrate";
import { testDb, uniqueEmail } from "../../test/integration";
import { buildTestReview } from "../test-review";
import { BundleTooNewError } from "./read-bundle";
import { BundleDamagedError } from "./remap";
import { restoreBundle } from "./restore-bundle";
import { reviewSnapshot } from "./review-snapshot";
import { writeBundle } from "./write-bundle";

const dir = mkdtempSync(path.join(tmpdir(), "sift-bundle-"));
let pool: pg.Pool;
let built: Awaited<ReturnType<typeof buildTestReview>>;
let file: string;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 3 });
  built = await buildTestReview(testDb());
  await testDb().user.update({ where: { id: built.members.owner.id }, data: { passwordHash: "$argon2id$stand-in" } });
  file = path.join(dir, "review.sift.gz");
  const client = await pool.connect();
  try {
    await writeBundle(client, built.review.id, createWriteStream(file));
  } finally {
    client.release();
  }
});
afterAll(() => pool.end());

async function withClient<T>(p: pg.Pool, work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await p.connect();
  try {
    return await work(client);
  } finally {
    client.release();
  }
}

/** Another Sift's database: migrated and empty, dropped again after the test (TEST_DATABASE_URL may be shared). */
async function freshDatabase(label: string) {
  const name = `sift_restore_${label}_${Date.now().toString(36)}`;
  const url = await ensureDatabaseExists(inject("serverUrl"), name);
  await migrate(url);
  const db = createDb(url);
  const dbPool = new pg.Pool({ connectionString: url, max: 2 });
  const drop = async () => {
    await db.$disconnect();
    await dbPool.end();
    const admin = new pg.Client({ connectionString: inject("serverUrl") });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
  return { db, pool: dbPool, drop };
}

function bundleText(): string[] {
  return gunzipSync(readFileSync(file)).toString("utf8").trim().split("\n");
}

function rewritten(lines: string[], name: string): string {
  const out = path.join(dir, name);
  writeFileSync(out, gzipSync(lines.join("\n") + "\n"));
  return out;
}

async function totals(db: Db) {
  return { reviews: await db.review.count(), users: await db.user.count(), records: await db.record.count(), audit: await db.auditEvent.count() };
}

function withoutRestoreEvent(snapshot: Awaited<ReturnType<typeof reviewSnapshot>>) {
  const { "review.restored": restored, ...audit } = snapshot.audit;
  expect(restored).toBe(1);
  return { ...snapshot, audit };
}

describe("review bundle", () => {
  it("holds people by email without password hashes, and every table of the review", () => {
    const lines = bundleText();
    const header = JSON.parse(lines[0]!);
    expect(header).toMatchObject({ format: "sift-review-bundle", version: 1, review: { id: built.review.id } });
    expect(header.migrations).toContain("20261124000000_init");
    expect(header.tables.indexOf("reviews")).toBe(0);
    expect(header.tables.indexOf("records")).toBeLessThan(header.tables.indexOf("screening_decisions"));
    expect(header.tables.indexOf("extractions")).toBeLessThan(header.tables.indexOf("extraction_values"));
    expect(header.tables).toEqual(expect.arrayContaining(["imports", "duplicate_pairs", "conflicts", "reports", "studies", "extraction_forms", "appraisals", "audit_events"]));
    expect(header.tables).not.toContain("screening_assignments");
    expect(header.tables).not.toContain("invitations");
    const text = lines.join("\n");
    expect(text).not.toMatch(/password|argon2/i);
    expect(lines.filter((l) => l.startsWith('{"kind":"user"'))).toHaveLength(5);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ kind: "end", users: 5, rows: { records: 4, screening_decisions: 6 } });
  });

  it("restores into a fresh database with the same PRISMA counts, decisions, extractions and audit trail", async () => {
    const { db: other, pool: otherPool, drop } = await freshDatabase("copy");
    try {
      // The owner already has an account on the other Sift; everyone else arrives as a placeholder.
      const owner = built.members.owner;
      await other.user.create({ data: { email: owner.email, name: "Owner here", passwordHash: "$argon2id$placeholder" } });
      const result = await withClient(otherPool, (c) => restoreBundle(c, () => createReadStream(file), { actorId: null }));
      expect(result).toMatchObject({ slug: built.review.slug, users: { matched: 1, created: 4 } });
      expect(result.rows).toMatchObject({ records: 4, screening_decisions: 6, conflicts: 2, extraction_values: 2, appraisals: 1 });

      const original = await reviewSnapshot(testDb(), built.review.id);
      const restored = await reviewSnapshot(other, result.reviewId);
      expect(withoutRestoreEvent(restored)).toEqual(original);
      expect(original.outcomeCounts).toEqual({ "title_abstract:included": 2, "title_abstract:excluded": 1 });
      expect(original.duplicatesRemoved).toBe(1);
      expect(original.prismaFlow.values).toMatchObject({ duplicates: 1, records_screened: 3, records_excluded: 1 });

      const placeholders = await other.user.findMany({ where: { email: { not: owner.email } } });
      expect(placeholders).toHaveLength(4);
      expect(placeholders.every((u) => u.passwordHash === null)).toBe(true);
      // Ids quoted in the audit trail follow their rows.
      const events = await other.auditEvent.findMany({ where: { reviewId: result.reviewId, action: "decision.recorded" } });
      const recordIds = new Set((await other.record.findMany({ where: { reviewId: result.reviewId } })).map((r) => r.id));
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e) => recordIds.has(e.entityId))).toBe(true);
      const merge = await other.auditEvent.findFirstOrThrow({ where: { reviewId: result.reviewId, action: "dedup.merged" } });
      expect(recordIds.has((merge.data as { removedId: string }).removedId)).toBe(true);
    } finally {
      await drop();
    }
  });

  it("restores beside its original under a new slug, twice, leaving the original alone", async () => {
    const before = await reviewSnapshot(testDb(), built.review.id);
    const first = await withClient(pool, (c) => restoreBundle(c, () => createReadStream(file), { actorId: built.members.owner.id }));
    const second = await withClient(pool, (c) => restoreBundle(c, () => createReadStream(file), { actorId: built.members.owner.id, slug: `copy-${Date.now()}` }));
    expect(first.slug).toBe(`${built.review.slug}-2`);
    expect(first.users).toEqual({ matched: 5, created: 0 });
    expect(second.slug).toMatch(/^copy-\d+$/);
    expect(await reviewSnapshot(testDb(), built.review.id)).toEqual(before);
    expect(withoutRestoreEvent(await reviewSnapshot(testDb(), first.reviewId))).toEqual(before);
    const event = await testDb().auditEvent.findFirstOrThrow({ where: { reviewId: first.reviewId, action: "review.restored" } });
    expect(event).toMatchObject({ actorId: built.members.owner.id, data: { from: built.review.slug } });
    await expect(withClient(pool, (c) => restoreBundle(c, () => createReadStream(file), { actorId: null, slug: second.slug }))).rejects.toThrow(/already exists/);
  });

  it("needs an owner who can sign in here, and makes the named account one", async () => {
    const { db: other, pool: otherPool, drop } = await freshDatabase("owner");
    try {
      await expect(withClient(otherPool, (c) => restoreBundle(c, () => createReadStream(file), { actorId: null }))).rejects.toThrow(/No owner of this review can sign in/);
      expect(await other.user.count()).toBe(0);
      const admin = await other.user.create({ data: { email: uniqueEmail("admin"), name: "Admin", passwordHash: "$argon2id$stand-in" } });
      const result = await withClient(otherPool, (c) => restoreBundle(c, () => createReadStream(file), { actorId: admin.id, ownerId: admin.id }));
      expect(await other.membership.findFirst({ where: { reviewId: result.reviewId, userId: admin.id } })).toMatchObject({ role: "owner", removedAt: null });
    } finally {
      await drop();
    }
  });

  // On a database of their own: other test files write to the shared one at the same time, so only there do
  // "nothing was written" counts mean something.
  it("refuses a cut-off, tampered, foreign or newer bundle and writes nothing", async () => {
    const lines = bundleText();
    const cut = rewritten(lines.slice(0, -5), "cut.gz");
    // A decision whose reviewer is not among the bundle's people fails half-way through the inserts, after
    // placeholder accounts and the first tables were written.
    const tampered = rewritten(
      lines.map((l) => (l.includes('"table":"screening_decisions"') ? l.replace(/"reviewer_id":"[^"]+"/, '"reviewer_id":"nobody"') : l)),
      "tampered.gz",
    );
    const garbage = path.join(dir, "garbage.gz");
    writeFileSync(garbage, "not gzip at all");
    const header = JSON.parse(lines[0]!);
    header.migrations.push("29990101000000_time_travel");
    const newer = rewritten([JSON.stringify(header), ...lines.slice(1)], "newer.gz");

    const { db: other, pool: otherPool, drop } = await freshDatabase("refusals");
    try {
      await other.user.create({ data: { email: built.members.owner.email, name: "Owner here", passwordHash: "$argon2id$stand-in" } });
      const before = await totals(other);
      const attempt = (file: string) => withClient(otherPool, (c) => restoreBundle(c, () => createReadStream(file), { actorId: null }));
      for (const [bad, message] of [[cut, /cut off/], [tampered, /names a person who is not in the bundle/], [garbage, /cannot be read/]] as const) {
        await expect(attempt(bad)).rejects.toThrow(BundleDamagedError);
        await expect(attempt(bad)).rejects.toThrow(message);
      }
      await expect(attempt(newer)).rejects.toThrow(BundleTooNewError);
      await expect(attempt(newer)).rejects.toThrow(/newer Sift .*29990101000000_time_travel.*upgrade Sift/);
      expect(await totals(other)).toEqual(before);
      expect(before).toMatchObject({ reviews: 0, users: 1 });
      // The same file, intact, restores there.
      await expect(attempt(file)).resolves.toMatchObject({ users: { matched: 1, created: 4 } });
    } finally {
      await drop();
    }
  });
});
