// The bundle round trip: a review written to one file and restored, into a fresh database (another Sift) and
// beside its original, shows the same records, decisions, outcomes, conflicts, extractions, appraisals, audit
// trail and stored files (each copy under keys of its own); a damaged or newer bundle is refused with nothing
// written, in the database or in storage.
import { randomBytes } from "node:crypto";
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { buffer } from "node:stream/consumers";
import { gunzipSync, gzipSync } from "node:zlib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "../../db/client";
import { ensureDatabaseExists } from "../../db/database";
import { migrate } from "../../db/migrate";
import { attachReportFile } from "../../full-text/attach-file";
import type { FileStorage } from "../../storage/file-storage";
import { localStorage } from "../../storage/local-storage";
import { testDb, uniqueEmail } from "../../test/integration";
import { buildTestReview } from "../review.fixture";
import { BundleTooNewError } from "./read-bundle";
import { BundleDamagedError } from "./remap";
import { restoreBundle } from "./restore-bundle";
import { reviewSnapshot } from "./review-snapshot";
import { writeBundle } from "./write-bundle";

const dir = mkdtempSync(path.join(tmpdir(), "sift-bundle-"));
let pool: pg.Pool;
let built: Awaited<ReturnType<typeof buildTestReview>>;
let file: string;
/** This Sift's storage; every other Sift in these tests has a folder of its own. */
const storage = localStorage(path.join(dir, "files"));
// Random bytes after the signature: several chunk lines, and nothing gzip could hide a wrong byte in.
const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n"), randomBytes(300 * 1024)]);
const searchFile = Buffer.from("TY  - JOUR\nTI  - Mesenchymal stem cells in ALS\nER  - \n");
let reportKey: string;
let importKey: string;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: inject("databaseUrl"), max: 3 });
  const db = testDb();
  built = await buildTestReview(db);
  await db.user.update({ where: { id: built.members.owner.id }, data: { passwordHash: "$argon2id$stand-in" } });
  const report = await db.report.findFirstOrThrow({ where: { recordId: built.records.msc.id } });
  const attached = await attachReportFile(
    { db, storage },
    { reviewId: built.review.id, actorId: built.members.lead.id, role: "lead" },
    { reportId: report.id, fileName: "Petrou 2016.pdf", body: Readable.from([pdf]) },
  );
  reportKey = attached.fileKey!;
  const imp = await db.import.findFirstOrThrow({ where: { reviewId: built.review.id, fileName: "search-0.ris" } });
  importKey = `reviews/${built.review.id}/imports/${imp.id}/search-0.ris`;
  await storage.put(importKey, Readable.from([searchFile]));
  await db.import.update({ where: { id: imp.id }, data: { fileKey: importKey, byteSize: searchFile.length } });
  file = path.join(dir, "review.sift.gz");
  await withClient(pool, (c) => writeBundle(c, storage, built.review.id, createWriteStream(file)));
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

function storedFiles(folder: string): string[] {
  return existsSync(folder)
    ? readdirSync(folder, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => e.name)
    : [];
}

async function storedBytes(where: FileStorage, key: string | null): Promise<Buffer> {
  return buffer(await where.get(key!));
}

async function fileKeys(db: Db, reviewId: string) {
  const report = await db.report.findFirstOrThrow({ where: { reviewId, fileKey: { not: null } } });
  const imp = await db.import.findFirstOrThrow({ where: { reviewId, fileName: "search-0.ris" } });
  return { report: report.fileKey, import: imp.fileKey };
}

function bundleText(): string[] {
  return gunzipSync(readFileSync(file)).toString("utf8").trim().split("\n");
}

function rewritten(lines: string[], name: string): string {
  const out = path.join(dir, name);
  writeFileSync(out, gzipSync(`${lines.join("\n")}\n`));
  return out;
}

async function totals(db: Db) {
  return {
    reviews: await db.review.count(),
    users: await db.user.count(),
    records: await db.record.count(),
    audit: await db.auditEvent.count(),
  };
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
    expect(header).toMatchObject({ format: "sift-review-bundle", version: 2, review: { id: built.review.id } });
    expect(header.migrations).toContain("20261124000000_init");
    expect(header.tables.indexOf("reviews")).toBe(0);
    expect(header.tables.indexOf("records")).toBeLessThan(header.tables.indexOf("screening_decisions"));
    expect(header.tables.indexOf("extractions")).toBeLessThan(header.tables.indexOf("extraction_values"));
    expect(header.tables).toEqual(
      expect.arrayContaining([
        "imports",
        "duplicate_pairs",
        "conflicts",
        "reports",
        "studies",
        "extraction_forms",
        "appraisals",
        "audit_events",
        "labels",
        "record_labels",
        "record_notes",
      ]),
    );
    expect(header.tables).not.toContain("screening_assignments");
    expect(header.tables).not.toContain("invitations");
    expect(header.tables).not.toContain("record_search");
    const text = lines.join("\n");
    expect(text).not.toMatch(/password|argon2/i);
    expect(lines.filter((l) => l.startsWith('{"kind":"user"'))).toHaveLength(5);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({
      kind: "end",
      users: 5,
      rows: { records: 4, screening_decisions: 6 },
      files: 2,
    });
  });

  it("carries each stored file its rows point at, in pieces with its size and checksum", () => {
    const lines = bundleText().map(
      (l) => JSON.parse(l) as { kind: string; key?: string; data?: string; bytes?: number },
    );
    const starts = lines.filter((l) => l.kind === "file").map((l) => l.key);
    expect(starts.sort()).toEqual([importKey, reportKey].sort());
    expect(lines.findIndex((l) => l.kind === "file")).toBeGreaterThan(lines.findLastIndex((l) => l.kind === "row"));
    const at = lines.findIndex((l) => l.key === reportKey);
    const end = lines.findIndex((l) => l.kind === "file-end" && l.key === reportKey);
    const chunks = lines.slice(at + 1, end);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks.map((c) => Buffer.from(c.data!, "base64")))).toEqual(pdf);
    expect(lines[end]).toMatchObject({ bytes: pdf.length });
  });

  it("refuses to write a bundle whose file is missing from storage, naming it", async () => {
    const empty = localStorage(path.join(dir, "empty"));
    const sink = new Writable({ write: (_chunk, _enc, done) => done() });
    const attempt = withClient(pool, (c) => writeBundle(c, empty, built.review.id, sink));
    await expect(attempt).rejects.toThrow(/cannot be read from storage/);
    await expect(attempt).rejects.toThrow(new RegExp(`The file (${importKey}|${reportKey})`));
  });

  it("restores into a fresh database with the same PRISMA counts, decisions, extractions and audit trail", async () => {
    const { db: other, pool: otherPool, drop } = await freshDatabase("copy");
    try {
      // The owner already has an account on the other Sift; everyone else arrives as a placeholder.
      const owner = built.members.owner;
      await other.user.create({
        data: { email: owner.email, name: "Owner here", passwordHash: "$argon2id$placeholder" },
      });
      const otherStorage = localStorage(path.join(dir, "files-copy"));
      const result = await withClient(otherPool, (c) =>
        restoreBundle(c, otherStorage, () => createReadStream(file), { actorId: null }),
      );
      expect(result).toMatchObject({
        slug: built.review.slug,
        title: built.review.title,
        users: { matched: 1, created: 4 },
        files: { restored: 2, cleared: 0 },
      });
      const keys = await fileKeys(other, result.reviewId);
      expect(keys.report).toMatch(new RegExp(`^reviews/${result.reviewId}/reports/`));
      expect(keys.import).toMatch(new RegExp(`^reviews/${result.reviewId}/imports/`));
      expect(await storedBytes(otherStorage, keys.report)).toEqual(pdf);
      expect(await storedBytes(otherStorage, keys.import)).toEqual(searchFile);
      expect(result.rows).toMatchObject({
        records: 4,
        screening_decisions: 6,
        conflicts: 2,
        extraction_values: 2,
        appraisals: 1,
      });

      const original = await reviewSnapshot(testDb(), built.review.id);
      const restored = await reviewSnapshot(other, result.reviewId);
      expect(withoutRestoreEvent(restored)).toEqual(original);
      // Team labels and notes travel too (the comparison above holds them by name and email).
      expect(original.labels.map((l) => JSON.parse(l).name)).toEqual(["Animal study", "Unused"]);
      expect(original.recordLabels.map((l) => JSON.parse(l))).toMatchObject([{ label: "Animal study" }]);
      expect(original.notes.map((n) => JSON.parse(n))).toMatchObject([{ text: "No human arm." }]);
      expect(original.outcomeCounts).toEqual({ "title_abstract:included": 2, "title_abstract:excluded": 1 });
      expect(original.duplicatesRemoved).toBe(1);
      expect(original.prisma2020Flow.values).toMatchObject({ duplicates: 1, records_screened: 3, records_excluded: 1 });

      const placeholders = await other.user.findMany({ where: { email: { not: owner.email } } });
      expect(placeholders).toHaveLength(4);
      expect(placeholders.every((u) => u.passwordHash === null)).toBe(true);
      // Ids quoted in the audit trail follow their rows.
      const events = await other.auditEvent.findMany({
        where: { reviewId: result.reviewId, action: "decision.recorded" },
      });
      const recordIds = new Set(
        (await other.record.findMany({ where: { reviewId: result.reviewId } })).map((r) => r.id),
      );
      expect(events.length).toBeGreaterThan(0);
      expect(events.every((e) => recordIds.has(e.entityId))).toBe(true);
      const merge = await other.auditEvent.findFirstOrThrow({
        where: { reviewId: result.reviewId, action: "dedup.merged" },
      });
      expect(recordIds.has((merge.data as { removedId: string }).removedId)).toBe(true);
      // Search data does not travel; it is written again, so every restored record is found by words at once.
      const [indexed] = await other.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM record_search WHERE review_id = ${result.reviewId}`;
      expect(indexed!.n).toBe(recordIds.size);
    } finally {
      await drop();
    }
  });

  it("restores beside its original under a new slug, twice, leaving the original alone", async () => {
    const before = await reviewSnapshot(testDb(), built.review.id);
    const first = await withClient(pool, (c) =>
      restoreBundle(c, storage, () => createReadStream(file), { actorId: built.members.owner.id }),
    );
    const second = await withClient(pool, (c) =>
      restoreBundle(c, storage, () => createReadStream(file), {
        actorId: built.members.owner.id,
        slug: `copy-${Date.now()}`,
      }),
    );
    expect(first.slug).toBe(`${built.review.slug}-2`);
    expect(first.users).toEqual({ matched: 5, created: 0 });
    expect(second.slug).toMatch(/^copy-\d+$/);
    // Beside its original, a copy's title says it is one, so the reviews list never shows one title twice.
    const today = new Date().toISOString().slice(0, 10);
    expect(first.title).toBe(`${built.review.title} (restored ${today})`);
    expect(second.title).toBe(`${built.review.title} (restored ${today}, 2)`);
    expect((await testDb().review.findUniqueOrThrow({ where: { id: first.reviewId } })).title).toBe(first.title);
    expect(await reviewSnapshot(testDb(), built.review.id)).toEqual(before);
    expect(withoutRestoreEvent(await reviewSnapshot(testDb(), first.reviewId))).toEqual({
      ...before,
      review: { ...before.review, title: first.title },
    });
    const event = await testDb().auditEvent.findFirstOrThrow({
      where: { reviewId: first.reviewId, action: "review.restored" },
    });
    expect(event).toMatchObject({ actorId: built.members.owner.id, data: { from: built.review.slug, files: 2 } });
    // Each copy has files of its own; the original's are where they were, unchanged.
    const copies = [await fileKeys(testDb(), first.reviewId), await fileKeys(testDb(), second.reviewId)];
    const allKeys = [reportKey, importKey, ...copies.flatMap((k) => [k.report, k.import])];
    expect(new Set(allKeys).size).toBe(6);
    expect(await fileKeys(testDb(), built.review.id)).toEqual({ report: reportKey, import: importKey });
    expect(await storedBytes(storage, reportKey)).toEqual(pdf);
    expect(await storedBytes(storage, importKey)).toEqual(searchFile);
    for (const copy of copies) {
      expect(await storedBytes(storage, copy.report)).toEqual(pdf);
      expect(await storedBytes(storage, copy.import)).toEqual(searchFile);
    }
    await expect(
      withClient(pool, (c) =>
        restoreBundle(c, storage, () => createReadStream(file), { actorId: null, slug: second.slug }),
      ),
    ).rejects.toThrow(/already exists/);
  });

  it("restores a version 1 bundle, which carried no files, with its file keys emptied", async () => {
    const lines = bundleText()
      .map((l) => JSON.parse(l) as { kind: string; version?: number; files?: number })
      .filter((l) => !["file", "chunk", "file-end"].includes(l.kind))
      .map((l) =>
        JSON.stringify(l.kind === "header" ? { ...l, version: 1 } : l.kind === "end" ? { ...l, files: undefined } : l),
      );
    const old = rewritten(lines, "version-1.gz");
    const result = await withClient(pool, (c) =>
      restoreBundle(c, storage, () => createReadStream(old), { actorId: null, slug: `v1-${Date.now()}` }),
    );
    expect(result.files).toEqual({ restored: 0, cleared: 2 });
    expect(await testDb().report.count({ where: { reviewId: result.reviewId, fileKey: { not: null } } })).toBe(0);
    expect(await testDb().import.count({ where: { reviewId: result.reviewId, fileKey: { not: null } } })).toBe(0);
  });

  it("needs an owner who can sign in here, and makes the named account one", async () => {
    const { db: other, pool: otherPool, drop } = await freshDatabase("owner");
    const folder = path.join(dir, "files-owner");
    const otherStorage = localStorage(folder);
    try {
      // Refused at the very end, after the files were written: they are removed again.
      await expect(
        withClient(otherPool, (c) => restoreBundle(c, otherStorage, () => createReadStream(file), { actorId: null })),
      ).rejects.toThrow(/No owner of this review can sign in/);
      expect(await other.user.count()).toBe(0);
      expect(storedFiles(folder)).toEqual([]);
      const admin = await other.user.create({
        data: { email: uniqueEmail("admin"), name: "Admin", passwordHash: "$argon2id$stand-in" },
      });
      const result = await withClient(otherPool, (c) =>
        restoreBundle(c, otherStorage, () => createReadStream(file), { actorId: admin.id, ownerId: admin.id }),
      );
      expect(storedFiles(folder).sort()).toEqual(["Petrou_2016.pdf", "search-0.ris"]);
      expect(
        await other.membership.findFirst({ where: { reviewId: result.reviewId, userId: admin.id } }),
      ).toMatchObject({ role: "owner", removedAt: null });
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
      lines.map((l) =>
        l.includes('"table":"screening_decisions"') ? l.replace(/"reviewer_id":"[^"]+"/, '"reviewer_id":"nobody"') : l,
      ),
      "tampered.gz",
    );
    const garbage = path.join(dir, "garbage.gz");
    writeFileSync(garbage, "not gzip at all");
    const header = JSON.parse(lines[0]!);
    header.migrations.push("29990101000000_time_travel");
    const newer = rewritten([JSON.stringify(header), ...lines.slice(1)], "newer.gz");
    // A byte of the last file changed, still valid base64: only the checksum can tell.
    const chunk = lines.findLastIndex((l) => l.startsWith('{"kind":"chunk"'));
    const flipped = lines[chunk]!.replace(/"data":"(.)/, (_m, c: string) => `"data":"${c === "A" ? "B" : "A"}`);
    const corrupt = rewritten(
      lines.map((l, i) => (i === chunk ? flipped : l)),
      "corrupt.gz",
    );

    const { db: other, pool: otherPool, drop } = await freshDatabase("refusals");
    try {
      await other.user.create({
        data: { email: built.members.owner.email, name: "Owner here", passwordHash: "$argon2id$stand-in" },
      });
      const before = await totals(other);
      const folder = path.join(dir, "files-refusals");
      const otherStorage = localStorage(folder);
      const attempt = (file: string) =>
        withClient(otherPool, (c) => restoreBundle(c, otherStorage, () => createReadStream(file), { actorId: null }));
      for (const [bad, message] of [
        [cut, /cut off/],
        [tampered, /names a person who is not in the bundle/],
        [garbage, /cannot be read/],
        [corrupt, /is damaged: its bytes do not match/],
      ] as const) {
        await expect(attempt(bad)).rejects.toThrow(BundleDamagedError);
        await expect(attempt(bad)).rejects.toThrow(message);
      }
      await expect(attempt(newer)).rejects.toThrow(BundleTooNewError);
      await expect(attempt(newer)).rejects.toThrow(/newer Sift .*29990101000000_time_travel.*upgrade Sift/);
      // Whole on the first reading and damaged on the second: found while the files are being written, and the
      // ones already stored are removed.
      let reads = 0;
      const changing = () => createReadStream(reads++ === 0 ? file : corrupt);
      await expect(
        withClient(otherPool, (c) => restoreBundle(c, otherStorage, changing, { actorId: null })),
      ).rejects.toThrow(/is damaged/);
      expect(reads).toBe(2);
      expect(await totals(other)).toEqual(before);
      expect(storedFiles(folder)).toEqual([]);
      expect(before).toMatchObject({ reviews: 0, users: 1 });
      // The same file, intact, restores there.
      await expect(attempt(file)).resolves.toMatchObject({ users: { matched: 1, created: 4 } });
    } finally {
      await drop();
    }
  });
});
