// `npm run bench:scale`: the procedures the main screens call, timed on a review of 1,000 records and one of
// 100,000 in the same fresh embedded PostgreSQL, through the same tRPC caller (access checks included) the app
// uses, beside a procedure that does nothing. Each review is loaded with COPY the way bench:prisma-2020 loads
// its flow: one import, a fifth of the records merged as duplicates, two reviewers' title/abstract decisions on
// 60% of the rest with one in ten disagreeing (open and resolved conflicts), full text for the included records
// with decisions, and a study of two reports. Prints p50/p95 at both sizes and their ratio, then one JSON line.
// BENCH_SCALE_SIZES=1000,20000 changes the sizes; BENCH_SCALE_RUNS the calls timed per procedure.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

process.env.SIFT_ROOT ??= fileURLToPath(new URL("..", import.meta.url));
const { withFreshDatabase } = await import("./lib/fresh-database");
const { percentile, printResult } = await import("./lib/stats");
const { createDb } = await import("../server/db/client");
const { createReview } = await import("../server/reviews/create-review");
const { createCaller } = await import("../server/api/root");
const { currentSessionVersion } = await import("../server/auth/sessions");

type Db = ReturnType<typeof createDb>;
const SIZES = (process.env.BENCH_SCALE_SIZES ?? "1000,100000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_SCALE_RUNS ?? 30);
const WARM_UP = 3;

async function copy(client: pg.PoolClient, table: string, rows: Iterable<string>) {
  await pipeline(Readable.from(rows), client.query(copyFrom(`COPY ${table} FROM STDIN`)));
}

/** A deterministic number in [0, 1000) from an SQL text expression. */
const h = (expr: string) => `((('x' || substr(md5(${expr}), 1, 8))::bit(32)::int & 2147483647) % 1000)`;

function* recordRows(reviewId: string, importId: string, sourceId: string, n: number) {
  const abstract = "Transplanted mesenchymal cells delayed onset and prolonged survival in treated animals. ".repeat(4);
  for (let i = 0; i < n; i++) {
    // Every fifth record past the first tenth is a copy of an earlier one, merged into it.
    const duplicateOf = i > n / 10 && i % 5 === 1 ? `${reviewId}-r${i - Math.floor(n / 10)}` : "\\N";
    yield `${reviewId}-r${i}\t${reviewId}\t${importId}\t${sourceId}\tStem cells in amyotrophic lateral sclerosis, experiment ${i}\t${abstract}\t${2000 + (i % 25)}\t${duplicateOf}\n`;
  }
}

interface Seeded {
  reviewId: string;
  users: Record<"owner" | "reviewer" | "other", string>;
  recordId: string;
}

async function seed(db: Db, pool: pg.Pool, n: number): Promise<Seeded> {
  const tag = `s${n}`;
  const user = (name: string) => db.user.create({ data: { email: `${name}-${tag}@sift.bench`, name } });
  const [owner, reviewer, other] = await Promise.all([user("Owner"), user("Reviewer A"), user("Reviewer B")]);
  const review = await createReview(db, owner!.id, { title: `Scale ${n}` });
  await db.membership.createMany({
    data: [reviewer!, other!].map((u) => ({ reviewId: review.id, userId: u.id, role: "reviewer" as const })),
  });
  const taReason = await db.exclusionReason.create({
    data: { reviewId: review.id, stage: "title_abstract", label: "Wrong population", position: 90 },
  });
  const ftReason = await db.exclusionReason.create({
    data: { reviewId: review.id, stage: "full_text", label: "Wrong outcome", position: 90 },
  });
  const source = await db.source.create({ data: { reviewId: review.id, name: "PubMed", kind: "database" } });
  const imp = await db.import.create({
    data: {
      reviewId: review.id,
      sourceId: source.id,
      fileName: "pubmed.ris",
      status: "succeeded",
      recordCount: n,
      parsedCount: n,
      createdById: owner!.id,
      finishedAt: new Date(),
      dedupedAt: new Date(),
    },
  });
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await copy(
      client,
      "records (id, review_id, import_id, source_id, title, abstract, year, duplicate_of_id)",
      recordRows(review.id, imp.id, source.id, n),
    );
    const params = [review.id, reviewer!.id, other!.id, taReason.id];
    const kept = `FROM records r WHERE r.review_id = $1 AND r.duplicate_of_id IS NULL AND ${h("r.id")} < 600`;
    // A includes 1 in 10, excludes the rest; B agrees except on one in ten, where the verdicts differ.
    const aIncludes = `${h("'a' || r.id")} < 100`;
    const bDiffers = `${h("'b' || r.id")} < 100`;
    await client.query(
      `INSERT INTO screening_decisions (id, review_id, record_id, stage, reviewer_id, verdict, reason_id, updated_at)
       SELECT 'da-' || r.id, r.review_id, r.id, 'title_abstract'::stage, $2,
              CASE WHEN ${aIncludes} THEN 'include' ELSE 'exclude' END::verdict,
              CASE WHEN ${aIncludes} THEN NULL ELSE $4 END, now() ${kept}
       UNION ALL
       SELECT 'db-' || r.id, r.review_id, r.id, 'title_abstract'::stage, $3,
              CASE WHEN (${aIncludes}) <> (${bDiffers}) THEN 'include' ELSE 'exclude' END::verdict,
              CASE WHEN (${aIncludes}) <> (${bDiffers}) THEN NULL ELSE $4 END, now() ${kept}`,
      params,
    );
    await client.query(
      `INSERT INTO screening_outcomes (id, review_id, record_id, stage, status, reason_id, settled_at)
       SELECT 'o-' || r.id, r.review_id, r.id, 'title_abstract',
              CASE WHEN ${bDiffers} THEN CASE WHEN ${h("'c' || r.id")} < 500 THEN 'conflict'
                                              WHEN ${aIncludes} THEN 'included' ELSE 'excluded' END
                   WHEN ${aIncludes} THEN 'included' ELSE 'excluded' END::outcome_status,
              CASE WHEN NOT (${aIncludes}) AND NOT (${bDiffers} AND ${h("'c' || r.id")} < 500) THEN $2 END,
              now() ${kept}`,
      [review.id, taReason.id],
    );
    await client.query(
      `INSERT INTO conflicts (id, review_id, record_id, stage, status, verdict, resolved_by_id, resolved_at)
       SELECT 'c-' || r.id, r.review_id, r.id, 'title_abstract',
              CASE WHEN ${h("'c' || r.id")} < 500 THEN 'open' ELSE 'resolved' END::conflict_status,
              CASE WHEN ${h("'c' || r.id")} < 500 THEN NULL WHEN ${aIncludes} THEN 'include' ELSE 'exclude' END::verdict,
              CASE WHEN ${h("'c' || r.id")} < 500 THEN NULL ELSE $2 END,
              CASE WHEN ${h("'c' || r.id")} < 500 THEN NULL ELSE now() END
       ${kept} AND ${bDiffers}`,
      [review.id, owner!.id],
    );
    await client.query(
      `INSERT INTO reports (id, review_id, record_id, retrieval_status)
       SELECT 'rep-' || o.record_id, o.review_id, o.record_id, 'retrieved'
         FROM screening_outcomes o WHERE o.review_id = $1 AND o.stage = 'title_abstract' AND o.status = 'included'`,
      [review.id],
    );
    await client.query(
      `INSERT INTO screening_decisions (id, review_id, record_id, stage, reviewer_id, verdict, reason_id, updated_at)
       SELECT 'f' || p.k || '-' || rep.record_id, rep.review_id, rep.record_id, 'full_text'::stage, p.who,
              CASE WHEN ${h("'f' || rep.id")} < 300 THEN 'include' ELSE 'exclude' END::verdict,
              CASE WHEN ${h("'f' || rep.id")} < 300 THEN NULL ELSE $4 END, now()
         FROM reports rep CROSS JOIN (VALUES (1, $2::text), (2, $3::text)) p(k, who)
        WHERE rep.review_id = $1 AND ${h("'g' || rep.id")} < 500`,
      [review.id, reviewer!.id, other!.id, ftReason.id],
    );
    await client.query(
      `INSERT INTO screening_outcomes (id, review_id, record_id, stage, status, reason_id, settled_at)
       SELECT 'of-' || rep.record_id, rep.review_id, rep.record_id, 'full_text',
              CASE WHEN ${h("'f' || rep.id")} < 300 THEN 'included' ELSE 'excluded' END::outcome_status,
              CASE WHEN ${h("'f' || rep.id")} < 300 THEN NULL ELSE $2 END, now()
         FROM reports rep WHERE rep.review_id = $1 AND ${h("'g' || rep.id")} < 500`,
      [review.id, ftReason.id],
    );
    await client.query(
      `WITH study AS (INSERT INTO studies (id, review_id, label) VALUES ('study-' || $1, $1, 'Vercelli 2008') RETURNING id)
       UPDATE reports SET study_id = (SELECT id FROM study)
        WHERE id IN (SELECT rep.id FROM reports rep JOIN screening_outcomes o ON o.record_id = rep.record_id
                      AND o.stage = 'full_text' AND o.status = 'included' WHERE rep.review_id = $1 ORDER BY rep.id LIMIT 2)`,
      [review.id],
    );
    await client.query("COMMIT");
  } finally {
    client.release();
  }
  const recordId = `${review.id}-r0`;
  return { reviewId: review.id, users: { owner: owner!.id, reviewer: reviewer!.id, other: other!.id }, recordId };
}

function callerAs(db: Db, userId: string) {
  return createCaller(async () => ({
    db,
    session: { userId, version: await currentSessionVersion(db, userId), sessionId: null },
    appUrl: "http://sift.bench",
  }));
}

type Caller = ReturnType<typeof callerAs>;
/** Each procedure as its screen calls it: the owner sees every screen, a reviewer the Screening page. */
function procedures(s: Seeded, owner: Caller, reviewer: Caller): Record<string, () => Promise<unknown>> {
  const reviewId = s.reviewId;
  const ta = { reviewId, stage: "title_abstract" as const };
  return {
    "health.ping (no-op)": () => owner.health.ping(),
    "reviews.get": () => owner.reviews.get({ reviewId }),
    "dashboard.overview": () => owner.dashboard.overview({ reviewId }),
    "imports.list": () => owner.imports.list({ reviewId }),
    "imports.sources": () => owner.imports.sources({ reviewId }),
    "duplicates.summary": () => owner.duplicates.summary({ reviewId }),
    "screening.progress (reviewer)": () => reviewer.screening.progress(ta),
    "screening.progress (lead)": () => owner.screening.progress(ta),
    "screening.progress full text (lead)": () => owner.screening.progress({ reviewId, stage: "full_text" }),
    "screening.next (reviewer)": () => reviewer.screening.next({ ...ta, count: 2 }),
    "screening.record (reviewer)": () => reviewer.screening.record({ ...ta, recordId: s.recordId }),
    "screening.myDecisions (reviewer)": () => reviewer.screening.myDecisions({ ...ta, take: 25 }),
    "screening.conflicts": () => owner.screening.conflicts({ ...ta, status: "open" }),
    "screening.agreement": () => owner.screening.agreement({ reviewId }),
    "records.list": () => owner.records.list({ reviewId } as never),
    "records.filterOptions": () => owner.records.filterOptions({ reviewId }),
    "studies.list": () => owner.studies.list({ reviewId }),
    "prisma2020Flow.diagram": () => owner.prisma2020Flow.diagram({ reviewId }),
  };
}

async function time(fn: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARM_UP; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  return { p50: round(percentile(samples, 50)), p95: round(percentile(samples, 95)) };
}

await withFreshDatabase("scale", async ({ url }) => {
  const db = createDb(url);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    await run(db, pool);
  } finally {
    await pool.end();
    await db.$disconnect();
  }
});

async function run(db: Db, pool: pg.Pool) {
  const seeded: Seeded[] = [];
  for (const n of SIZES) {
    const t = performance.now();
    seeded.push(await seed(db, pool, n));
    console.log(
      `bench:scale: seeded ${n.toLocaleString()} records in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  }
  await pool.query("VACUUM ANALYZE");
  const results: Record<string, { p50: number; p95: number }[]> = {};
  for (const s of seeded) {
    const calls = procedures(s, callerAs(db, s.users.owner), callerAs(db, s.users.reviewer));
    for (const [name, fn] of Object.entries(calls)) (results[name] ??= []).push(await time(fn));
  }
  const [small, large] = [SIZES[0]!, SIZES.at(-1)!];
  const head = `${"procedure".padEnd(38)} ${`p50 ${small}`.padStart(12)} ${`p95 ${small}`.padStart(12)} ${`p50 ${large}`.padStart(13)} ${`p95 ${large}`.padStart(13)} ${"p95 ratio".padStart(10)}`;
  console.log(`\n${head} (ms)`);
  const rows: Record<string, unknown>[] = [];
  for (const [name, [a, b]] of Object.entries(results)) {
    const ratio = Math.round((b!.p95 / Math.max(a!.p95, 0.1)) * 10) / 10;
    rows.push({ procedure: name, p50Small: a!.p50, p95Small: a!.p95, p50Large: b!.p50, p95Large: b!.p95, ratio });
    console.log(
      `${name.padEnd(38)} ${String(a!.p50).padStart(12)} ${String(a!.p95).padStart(12)} ${String(b!.p50).padStart(13)} ${String(b!.p95).padStart(13)} ${`${ratio}×`.padStart(10)}`,
    );
  }
  printResult("scale", { sizes: SIZES, runs: RUNS, procedures: rows });
}
