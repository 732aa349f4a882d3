// `npx tsx bench/withdraw-import.ts [N]`: withdrawing a large import. Imports an N-record RIS file (100,000 by
// default) and a second file holding copies of a tenth of its records (merged into them by de-duplication), gives
// a fifth of the first file's records two decisions each, then withdraws the first import as the job does: the
// merges repaired, every row moved into withdrawn_rows, in one transaction. Also times measuring how much of a
// file the review holds already (the duplicate-file question) on a re-run of the big file. One JSON line.
import { once } from "node:events";
import { createWriteStream, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { fileURLToPath } from "node:url";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
process.env.SIFT_ROOT ??= projectRoot;
const { withFreshDatabase } = await import("./lib/fresh-database");
const { createDb } = await import("../server/db/client");
const { localStorage } = await import("../server/storage/local-storage");
const { runImport } = await import("../server/import/run-import");
const { runDedup } = await import("../server/dedup/run-dedup");
const { withdrawImport } = await import("../server/import/withdraw-import");
const { withdrawalImpact } = await import("../server/import/withdrawal-impact");

const N = Number(process.argv[2] ?? 100_000);
const COPIES = Math.floor(N / 10);
const DECIDED = Math.floor(N / 5);

function record(i: number, variant = ""): string {
  const words = ["stem", "cell", "neuron", "graft", "marrow", "spinal", "motor", "trial", "mouse", "safety"];
  const title = Array.from({ length: 9 }, (_, k) => words[(i * (k + 3) + k * k) % words.length]).join(" ");
  return `TY  - JOUR\nTI  - ${title} ${i}${variant}\nAU  - Author${i % 997}, A.\nPY  - ${1990 + (i % 35)}\nJO  - Journal ${i % 50}\nDO  - 10.9999/bench.${i}\nAB  - ${title.repeat(6)}\nER  - \n\n`;
}

async function writeRis(file: string, count: number, variant = ""): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 0; i < count; i++) if (!out.write(record(i, variant))) await once(out, "drain");
  out.end();
  await once(out, "finish");
}

await withFreshDatabase("withdraw", async ({ url, dir }) => {
  const db = createDb(url);
  const storage = localStorage(path.join(dir, "files"));
  const owner = await db.user.create({ data: { email: "bench@sift.local", name: "Bench" } });
  const r2 = await db.user.create({ data: { email: "bench2@sift.local", name: "Bench 2" } });
  const review = await db.review.create({ data: { slug: "bench", title: "Bench", createdById: owner.id } });
  const source = await db.source.create({ data: { reviewId: review.id, name: "PubMed", kind: "database" } });
  const deps = {
    db,
    pool: (await import("../server/db/client")).poolOf(db),
    storage,
    enqueueAfterImport: async () => {},
  };
  const load = async (name: string, count: number, variant: string, confirmed: boolean) => {
    const file = path.join(dir, name);
    await writeRis(file, count, variant);
    const key = `bench/${name}`;
    await storage.put(key, Readable.from([readFileSync(file)]));
    const imp = await db.import.create({
      data: {
        reviewId: review.id,
        sourceId: source.id,
        fileName: name,
        fileKey: key,
        createdById: owner.id,
        confirmedAt: confirmed ? new Date() : null,
      },
    });
    return imp.id;
  };
  console.log(`bench:withdraw: importing ${N.toLocaleString()} + ${COPIES.toLocaleString()} records…`);
  const big = await load("big.ris", N, "", true);
  await runImport(deps, big);
  await runDedup(db, big);
  const copies = await load("copies.ris", COPIES, "", true);
  await runImport(deps, copies);
  await runDedup(db, copies);
  const merged = await db.record.count({ where: { importId: copies, duplicateOfId: { not: null } } });
  await db.$executeRaw`
    INSERT INTO screening_decisions (id, review_id, record_id, stage, reviewer_id, verdict, updated_at)
    SELECT r.id || '-' || u.n, r.review_id, r.id, 'title_abstract', u.reviewer, 'exclude', now()
      FROM (SELECT id, review_id FROM records WHERE import_id = ${big} ORDER BY id LIMIT ${DECIDED}) r
     CROSS JOIN (VALUES (1, ${owner.id}), (2, ${r2.id})) AS u(n, reviewer)`;
  await db.$executeRaw`
    INSERT INTO screening_outcomes (id, review_id, record_id, stage, status, settled_at)
    SELECT r.id || '-o', r.review_id, r.id, 'title_abstract', 'excluded', now()
      FROM (SELECT id, review_id FROM records WHERE import_id = ${big} ORDER BY id LIMIT ${DECIDED}) r`;

  // The duplicate-file question: the big file again (new bytes, same records), measured inside its import.
  const rerun = await load("rerun.ris", N, "", false);
  let t = performance.now();
  const asked = await runImport(deps, rerun);
  const overlapImportSeconds = (performance.now() - t) / 1000;
  if (asked.status !== "needs-confirmation") throw new Error(`the re-run was not asked about: ${asked.status}`);

  t = performance.now();
  const impact = await withdrawalImpact(db, review.id, big);
  const impactSeconds = (performance.now() - t) / 1000;
  t = performance.now();
  await withdrawImport(
    db,
    { reviewId: review.id, actorId: owner.id, importId: big, downstreamKey: impact.downstreamKey },
    { from: "succeeded", reason: "bench" },
  );
  const withdrawSeconds = (performance.now() - t) / 1000;
  const restored = await db.record.count({ where: { importId: copies, duplicateOfId: null } });
  const figures = {
    bench: "withdraw-import",
    records: impact.records,
    decisions: impact.decisions.title_abstract,
    mergedCopies: merged,
    copiesRestored: restored,
    impactSeconds: Number(impactSeconds.toFixed(2)),
    withdrawSeconds: Number(withdrawSeconds.toFixed(2)),
    recordsPerSecond: Math.round(impact.records / withdrawSeconds),
    overlapImportSeconds: Number(overlapImportSeconds.toFixed(2)),
  };
  console.log(
    `withdraw: ${figures.records.toLocaleString()} records with ${figures.decisions.toLocaleString()} decisions and ${merged.toLocaleString()} merged copies in ${figures.withdrawSeconds} s (impact ${figures.impactSeconds} s); ` +
      `a ${N.toLocaleString()}-record re-run read and measured in ${figures.overlapImportSeconds} s`,
  );
  console.log(JSON.stringify(figures));
  await db.$disconnect();
});
