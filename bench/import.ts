// `npm run bench:import [-- N]`: builds an N-record RIS file (100,000 by default) from real records, imports it
// into a fresh embedded PostgreSQL the way an upload is imported, de-duplicates it as the worker then does, and
// compares the import with a raw COPY of the same rows into the same table in the same run. Prints figures and one
// JSON line.

import { once } from "node:events";
import { createWriteStream, existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { DedupRecord } from "../server/dedup/types";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
process.env.SIFT_ROOT ??= projectRoot;
const { withFreshDatabase } = await import("./lib/fresh-database");
const { createDb } = await import("../server/db/client");
const { localStorage } = await import("../server/storage/local-storage");
const { recordLine, runImport } = await import("../server/import/run-import");
const { parseFile } = await import("../server/import/parse-file");
const { indexRecordsForSearch } = await import("../server/record-search/search-index");
const { runDedup } = await import("../server/dedup/run-dedup");
const { readSeedWorks } = await import("./lib/real-records");
const { buildSyntheticSet } = await import("./lib/synthetic-records");

const N = Number(process.argv[2] ?? 100_000);
const SEED_FILE = path.resolve(projectRoot, "../shared/fixtures/exports/asysd/zotero_export.ris");
const FALLBACK = path.join(projectRoot, "server/import/__fixtures__/als-small.ris");

/** Real RIS records to repeat: the 1,000-record Zotero export when the shared fixtures are here. */
function seedRecords(): string[] {
  const text = readFileSync(existsSync(SEED_FILE) ? SEED_FILE : FALLBACK, "utf8")
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n");
  return text
    .split(/^ER {2}-.*$/m)
    .map((r) => r.trim())
    .filter((r) => r.startsWith("TY"));
}

/** One synthetic record as RIS, with a real abstract so the file is as heavy as a real export. */
function risOf(r: DedupRecord, abstract: string | undefined): string {
  const [start, end] = (r.pages ?? "").split("-");
  const lines = [
    "TY  - JOUR",
    `TI  - ${r.title}`,
    ...r.authors.map((a) => `AU  - ${a}`),
    r.year ? `PY  - ${r.year}` : "",
    r.journal ? `JO  - ${r.journal}` : "",
    r.volume ? `VL  - ${r.volume}` : "",
    r.issue ? `IS  - ${r.issue}` : "",
    start ? `SP  - ${start}` : "",
    end ? `EP  - ${end}` : "",
    r.doi ? `DO  - ${r.doi}` : "",
    r.pmid ? `PM  - ${r.pmid}` : "",
    abstract ? `AB  - ${abstract}` : "",
  ];
  return lines.filter(Boolean).join("\n");
}

/**
 * With the shared fixtures: the labelled synthetic set de-duplication is measured on (distinct works from real
 * ones, about a sixth of them with 1–3 copies that differ as database exports do), so merges and pairs come in
 * the proportions of a real search. Without them, copies of the small ALS file with distinct titles.
 */
async function writeRis(file: string): Promise<void> {
  const seeds = seedRecords();
  const works = readSeedWorks();
  const records = works.length ? buildSyntheticSet(works, N).records.slice(0, N) : [];
  const abstracts = seeds.map((r) => /^AB {2}- (.*)$/m.exec(r)?.[1]);
  const out = createWriteStream(file);
  for (let i = 0; i < N; i++) {
    const record = records[i]
      ? risOf(records[i]!, abstracts[i % abstracts.length])
      : seeds[i % seeds.length]!.replace(/^(TI|T1) {2}- (.*)$/m, `$1  - $2 (${i})`);
    if (!out.write(`${record}\nER  - \n\n`)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

function peakRss() {
  const idle = process.memoryUsage().rss;
  let peak = idle;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  return { idle, stop: () => (clearInterval(timer), peak) };
}

await withFreshDatabase("import", async ({ url, dir }) => {
  const db = createDb(url);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const owner = await db.user.create({ data: { email: "bench@sift.local", name: "Bench" } });
  const review = await db.review.create({ data: { slug: "bench", title: "Bench", createdById: owner.id } });
  const source = await db.source.create({ data: { reviewId: review.id, name: "Zotero", kind: "database" } });

  const risFile = path.join(dir, "bench.ris");
  console.log(`bench:import: writing ${N.toLocaleString()} RIS records…`);
  await writeRis(risFile);
  const bytes = statSync(risFile).size;
  const storage = localStorage(path.join(dir, "files"));
  const key = "bench/bench.ris";
  await storage.put(key, Readable.from([readFileSync(risFile)]));
  const imp = await db.import.create({
    data: {
      reviewId: review.id,
      sourceId: source.id,
      fileName: "bench.ris",
      fileKey: key,
      byteSize: bytes,
      createdById: owner.id,
    },
  });

  global.gc?.();
  const rss = peakRss();
  let t = performance.now();
  const outcome = await runImport({ db, pool, storage, enqueueAfterImport: async () => {} }, imp.id);
  const importSeconds = (performance.now() - t) / 1000;
  const peak = rss.stop();
  if (outcome.status !== "succeeded") throw new Error(`import did not succeed: ${JSON.stringify(outcome)}`);
  // De-duplication is the job an import enqueues; a person waits for both before screening, so they are timed
  // end to end.
  global.gc?.();
  const dedupRss = peakRss();
  t = performance.now();
  const dedup = await runDedup(db, imp.id);
  const dedupSeconds = (performance.now() - t) / 1000;
  const dedupPeak = dedupRss.stop();
  if (!dedup) throw new Error("de-duplication did not run");
  // The follow-up job that makes the records findable by words, timed on its own (it runs beside de-duplication).
  t = performance.now();
  await indexRecordsForSearch(db, { importId: imp.id });
  const searchIndexSeconds = (performance.now() - t) / 1000;

  // The baseline: the same rows, already encoded, sent with COPY into the same table by itself.
  const copyFile = path.join(dir, "rows.copy");
  const out = createWriteStream(copyFile);
  const baseline = await db.import.create({
    data: { reviewId: review.id, sourceId: source.id, fileName: "baseline", byteSize: 0, createdById: owner.id },
  });
  const parsed = await parseFile(Readable.from([readFileSync(risFile)]), { format: "ris" });
  let row = 0;
  for await (const event of parsed.events) {
    if (event.kind !== "record") continue;
    const line = recordLine(
      event.record,
      { reviewId: review.id, importId: baseline.id, sourceId: source.id },
      `copy-${row++}`,
    );
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
  const client = await pool.connect();
  t = performance.now();
  await client.query("BEGIN");
  const copy = client.query(
    copyFrom(
      `COPY records (id, review_id, import_id, source_id, title, abstract, authors, year, journal, volume, issue, pages, doi, pmid, pmcid, nct_ids, keywords, type, language, url, raw) FROM STDIN`,
    ),
  );
  const { createReadStream } = await import("node:fs");
  const { pipeline } = await import("node:stream/promises");
  await pipeline(createReadStream(copyFile), copy);
  await client.query("COMMIT");
  const copySeconds = (performance.now() - t) / 1000;
  client.release();

  const mb = (n: number) => Math.round(n / 1048576);
  const figures = {
    bench: "import",
    records: outcome.records,
    fileMb: mb(bytes),
    seconds: Number(importSeconds.toFixed(2)),
    recordsPerSecond: Math.round(outcome.records / importSeconds),
    dedupSeconds: Number(dedupSeconds.toFixed(2)),
    merged: dedup.merged,
    toReview: dedup.toReview,
    importAndDedupSeconds: Number((importSeconds + dedupSeconds).toFixed(2)),
    dedupPeakRssMb: mb(dedupPeak),
    dedupRssGrowthMb: mb(dedupPeak - dedupRss.idle),
    searchIndexSeconds: Number(searchIndexSeconds.toFixed(2)),
    rawCopySeconds: Number(copySeconds.toFixed(2)),
    ratioToRawCopy: Number((importSeconds / copySeconds).toFixed(2)),
    idleRssMb: mb(rss.idle),
    peakRssMb: mb(peak),
    rssGrowthMb: mb(peak - rss.idle),
  };
  console.log(
    `import: ${figures.records.toLocaleString()} records (${figures.fileMb} MB) in ${figures.seconds} s = ${figures.recordsPerSecond.toLocaleString()} records/s; ` +
      `search indexing after it ${figures.searchIndexSeconds} s; raw COPY of the same rows ${figures.rawCopySeconds} s (ratio ${figures.ratioToRawCopy}); RSS ${figures.idleRssMb} → ${figures.peakRssMb} MB (+${figures.rssGrowthMb})`,
  );
  console.log(
    `import + de-duplication: ${figures.importAndDedupSeconds} s end to end (de-duplication ${figures.dedupSeconds} s: ${figures.merged.toLocaleString()} merged, ${figures.toReview.toLocaleString()} pairs to review; RSS ${figures.dedupPeakRssMb} MB at its peak, +${figures.dedupRssGrowthMb})`,
  );
  console.log(JSON.stringify(figures));
  await pool.end();
  await db.$disconnect();
});
