// `npx tsx bench/bundle-files.ts [MB]`: a review whose one report has a full-text file of MB megabytes (100 by
// default, random bytes so gzip cannot shrink it) is written as a bundle and restored beside itself, in a fresh
// embedded PostgreSQL with a local storage folder. Prints the time of each direction and the peak growth of the
// process's resident memory above where it started, which should stay flat whatever the file's size.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import pg from "pg";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
process.env.SIFT_ROOT ??= projectRoot;
const { withFreshDatabase } = await import("./lib/fresh-database");
const { createDb } = await import("../server/db/client");
const { localStorage } = await import("../server/storage/local-storage");
const { writeBundle } = await import("../server/export/bundle/write-bundle");
const { restoreBundle } = await import("../server/export/bundle/restore-bundle");

const MB = Number(process.argv[2] ?? 100);

/** Runs `work`, sampling resident memory; resolves with its time and the peak growth in MB. */
async function measured<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number; peakMb: number }> {
  const base = process.memoryUsage.rss();
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 20);
  const t = performance.now();
  try {
    const result = await work();
    return {
      result,
      seconds: (performance.now() - t) / 1000,
      peakMb: (Math.max(peak, process.memoryUsage.rss()) - base) / 1048576,
    };
  } finally {
    clearInterval(timer);
  }
}

await withFreshDatabase("bundle", async ({ url, dir }) => {
  const db = createDb(url);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const storage = localStorage(path.join(dir, "files"));
  const owner = await db.user.create({
    data: { email: "bench@sift.local", name: "Bench", passwordHash: "$argon2id$bench" },
  });
  const review = await db.review.create({ data: { slug: "bench", title: "Bench", createdById: owner.id } });
  await db.membership.create({ data: { reviewId: review.id, userId: owner.id, role: "owner" } });
  const source = await db.source.create({ data: { reviewId: review.id, name: "PubMed", kind: "database" } });
  const record = await db.record.create({
    data: { reviewId: review.id, sourceId: source.id, title: "A large full text" },
  });
  const key = `reviews/${review.id}/reports/${record.id}/bench/full-text.pdf`;
  const hash = createHash("sha256");
  async function* content() {
    for (let i = 0; i < MB; i++) {
      const piece = randomBytes(1 << 20);
      hash.update(piece);
      yield piece;
    }
  }
  await storage.put(key, Readable.from(content()));
  const sha = hash.digest("hex");
  await db.report.upsert({
    where: { recordId: record.id },
    create: {
      reviewId: review.id,
      recordId: record.id,
      fileKey: key,
      fileName: "full-text.pdf",
      retrievalStatus: "retrieved",
    },
    update: { fileKey: key, fileName: "full-text.pdf", retrievalStatus: "retrieved" },
  });
  const file = path.join(dir, "bench.sift.gz");

  console.log(`bench:bundle-files: a review with one ${MB} MB file…`);
  const client = await pool.connect();
  try {
    const written = await measured(() => writeBundle(client, storage, review.id, createWriteStream(file)));
    const bundleMb = statSync(file).size / 1048576;
    console.log(
      `  write   ${written.seconds.toFixed(1)} s  (${(MB / written.seconds).toFixed(0)} MB/s)  bundle ${bundleMb.toFixed(0)} MB  peak memory +${written.peakMb.toFixed(0)} MB`,
    );
    const restored = await measured(() =>
      restoreBundle(client, storage, () => createReadStream(file), { actorId: null, slug: "bench-copy" }),
    );
    console.log(
      `  restore ${restored.seconds.toFixed(1)} s  (${(MB / restored.seconds).toFixed(0)} MB/s, read twice)  peak memory +${restored.peakMb.toFixed(0)} MB`,
    );
    const copy = await db.report.findFirstOrThrow({ where: { reviewId: restored.result.reviewId } });
    const copyHash = createHash("sha256");
    for await (const chunk of await storage.get(copy.fileKey!)) copyHash.update(chunk as Buffer);
    const same = copyHash.digest("hex") === sha;
    console.log(`  restored file under ${copy.fileKey}: ${same ? "same bytes" : "DIFFERENT BYTES"}`);
    console.log(
      JSON.stringify({
        bench: "bundle-files",
        fileMb: MB,
        bundleMb: Math.round(bundleMb),
        writeSeconds: written.seconds,
        writePeakMb: written.peakMb,
        restoreSeconds: restored.seconds,
        restorePeakMb: restored.peakMb,
        same,
      }),
    );
    if (!same) process.exitCode = 1;
  } finally {
    client.release();
  }
  await pool.end();
  await db.$disconnect();
});
