// `npm run bench:prisma-2020 [-- N]`: loads an N-record review (100,000 by default) with a realistic flow (three
// databases and a register, a quarter duplicates, title/abstract and full-text outcomes with reasons, reports
// not retrieved or still sought, studies of two reports, citation searching) into a fresh embedded PostgreSQL
// with COPY, then times the PRISMA computation (the counts queries and the arithmetic), the layout and SVG, and
// the first page of the largest box's list. Prints figures and one JSON line.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const projectRoot = fileURLToPath(new URL("..", import.meta.url));
process.env.SIFT_ROOT ??= projectRoot;
const { withFreshDatabase } = await import("./lib/fresh-database");
const { createDb } = await import("../server/db/client");
const { computeFlow } = await import("../server/prisma-2020-flow/flow-service");
const { listFlowItems } = await import("../server/prisma-2020-flow/flow-items");
const { layoutDiagram } = await import("../server/prisma-2020-flow/layout");
const { renderSvg } = await import("../server/prisma-2020-flow/render-svg");
const { median } = await import("./lib/stats");

const N = Number(process.argv[2] ?? 100_000);
const RUNS = 7;

/** Sources and their share of the records, as in a typical biomedical search. */
const SOURCES = [
  { id: "src-pubmed", name: "PubMed", kind: "database", share: 0.42 },
  { id: "src-embase", name: "Embase", kind: "database", share: 0.38 },
  { id: "src-cochrane", name: "Cochrane CENTRAL", kind: "database", share: 0.12 },
  { id: "src-ctgov", name: "ClinicalTrials.gov", kind: "register", share: 0.075 },
  { id: "src-citations", name: "Citation searching", kind: "citation_searching", share: 0.005 },
] as const;

async function copy(client: pg.PoolClient, table: string, rows: Iterable<string>) {
  await pipeline(Readable.from(rows), client.query(copyFrom(`COPY ${table} FROM STDIN`)));
}

function* recordRows(reviewId: string) {
  let i = 0;
  for (const source of SOURCES) {
    const n = Math.round(N * source.share);
    for (let k = 0; k < n && i < N; k++, i++) {
      // Every fourth record after the first 1,000 duplicates an earlier one (the dedup rate of multi-database searches).
      const duplicateOf = i > 1000 && i % 4 === 1 && source.kind !== "citation_searching" ? `rec-${i - 997}` : "\\N";
      yield `rec-${i}\t${reviewId}\t${source.id}\tRecord ${i} on stem cells in amyotrophic lateral sclerosis\t${duplicateOf}\n`;
    }
  }
}

await withFreshDatabase("prisma", async ({ url }) => {
  const db = createDb(url);
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const owner = await db.user.create({ data: { email: "bench@sift.local", name: "Bench" } });
  const review = await db.review.create({ data: { slug: "bench", title: "Bench", createdById: owner.id } });
  const reasons = (stage: "title_abstract" | "full_text", labels: string[]) =>
    Promise.all(
      labels.map((label, position) =>
        db.exclusionReason.create({ data: { reviewId: review.id, stage, label, position } }),
      ),
    );
  const ta = await reasons("title_abstract", ["Wrong species", "Wrong intervention", "Not primary research"]);
  const ft = await reasons("full_text", [
    "Wrong population",
    "Wrong intervention",
    "Wrong outcome",
    "Wrong design",
    "Duplicate data",
    "No full data",
  ]);

  console.log(`bench:prisma-2020: loading ${N.toLocaleString()} records with their flow…`);
  let t = performance.now();
  const client = await pool.connect();
  await client.query("BEGIN");
  await copy(
    client,
    "sources (id, review_id, name, kind)",
    SOURCES.map((s) => `${s.id}\t${review.id}\t${s.name}\t${s.kind}\n`),
  );
  await copy(client, "records (id, review_id, source_id, title, duplicate_of_id)", recordRows(review.id));
  const kept = `FROM records r WHERE r.review_id = $1 AND r.duplicate_of_id IS NULL`;
  const n = (expr: string) => `(('x' || substr(md5(${expr}), 1, 8))::bit(32)::int & 2147483647) % 1000`;
  // Title/abstract: 1% still waiting, 4% included, the rest excluded (a quarter of them without a reason).
  await client.query(
    `INSERT INTO screening_outcomes (id, review_id, record_id, stage, status, reason_id, settled_at)
     SELECT 'ta-' || r.id, r.review_id, r.id, 'title_abstract',
            CASE WHEN ${n("r.id")} < 10 THEN 'awaiting' WHEN ${n("r.id")} < 50 THEN 'included' ELSE 'excluded' END::outcome_status,
            CASE WHEN ${n("r.id")} >= 50 AND ${n("r.id")} % 4 <> 0 THEN (ARRAY[$2, $3, $4])[1 + ${n("r.id")} % 3] END,
            now() ${kept}`,
    [review.id, ...ta.map((r) => r.id)],
  );
  await client.query(
    `INSERT INTO reports (id, review_id, record_id, retrieval_status, study_id)
     SELECT 'rep-' || o.record_id, o.review_id, o.record_id,
            CASE WHEN ${n("'rt' || o.record_id")} < 50 THEN 'not_retrieved' WHEN ${n("'rt' || o.record_id")} < 80 THEN 'sought' ELSE 'retrieved' END::retrieval_status,
            NULL
       FROM screening_outcomes o WHERE o.review_id = $1 AND o.stage = 'title_abstract' AND o.status = 'included'`,
    [review.id],
  );
  await client.query(
    `INSERT INTO screening_outcomes (id, review_id, record_id, stage, status, reason_id, settled_at)
     SELECT 'ft-' || rep.record_id, rep.review_id, rep.record_id, 'full_text',
            CASE WHEN ${n("'ft' || rep.id")} < 20 THEN 'awaiting' WHEN ${n("'ft' || rep.id")} < 300 THEN 'included' ELSE 'excluded' END::outcome_status,
            CASE WHEN ${n("'ft' || rep.id")} >= 300 THEN (ARRAY[$2, $3, $4, $5, $6, $7])[1 + ${n("'ft' || rep.id")} % 6] END,
            now()
       FROM reports rep WHERE rep.review_id = $1 AND rep.retrieval_status = 'retrieved'`,
    [review.id, ...ft.map((r) => r.id)],
  );
  // Studies of two reports each, for the included reports.
  await client.query(
    `WITH inc AS (SELECT rep.id, row_number() OVER (ORDER BY rep.id) AS k FROM reports rep
                    JOIN screening_outcomes o ON o.record_id = rep.record_id AND o.stage = 'full_text' AND o.status = 'included'
                   WHERE rep.review_id = $1),
          s AS (INSERT INTO studies (id, review_id, label) SELECT 'study-' || (k / 2), $1, 'Study ' || (k / 2) FROM inc WHERE k % 2 = 0 OR k = 1 ON CONFLICT DO NOTHING RETURNING id)
     UPDATE reports SET study_id = 'study-' || (inc.k / 2) FROM inc WHERE reports.id = inc.id AND EXISTS (SELECT 1 FROM s WHERE s.id = 'study-' || (inc.k / 2))`,
    [review.id],
  );
  await client.query("COMMIT");
  await client.query("ANALYZE");
  client.release();
  const loadSeconds = (performance.now() - t) / 1000;

  const timings: number[] = [];
  let flow = await computeFlow(db, review.id); // warm-up: connections and plans
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    flow = await computeFlow(db, review.id);
    timings.push(performance.now() - t);
  }
  t = performance.now();
  const svg = renderSvg(layoutDiagram(flow));
  const svgMs = performance.now() - t;
  t = performance.now();
  const page = await listFlowItems(db, review.id, "identified_dbr", { offset: 0, limit: 50 });
  const listMs = performance.now() - t;

  const v = flow.values;
  const figures = {
    bench: "prisma",
    records: N,
    loadSeconds: Number(loadSeconds.toFixed(1)),
    computeMsMedian: Math.round(median(timings)),
    computeMsMax: Math.round(Math.max(...timings)),
    layoutAndSvgMs: Number(svgMs.toFixed(1)),
    svgBytes: svg.length,
    firstListPageMs: Math.round(listMs),
    listTotal: page.total,
    identitiesFailed: flow.checks.filter((c) => !c.holds).length,
  };
  console.log(
    `prisma: ${N.toLocaleString()} records (screened ${v.records_screened.toLocaleString()}, duplicates ${v.duplicates.toLocaleString()}, ` +
      `reports ${v.dbr_sought_reports.toLocaleString()}, included ${v.new_reports.toLocaleString()} reports / ${v.new_studies.toLocaleString()} studies): ` +
      `computed in ${figures.computeMsMedian} ms (median of ${RUNS}, max ${figures.computeMsMax} ms); layout + SVG ${figures.layoutAndSvgMs} ms; ` +
      `first page of a ${figures.listTotal.toLocaleString()}-record box ${figures.firstListPageMs} ms`,
  );
  console.log(JSON.stringify(figures));
  await pool.end();
  await db.$disconnect();
});
