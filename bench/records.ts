// `npm run bench:records [-- N]`: the record browser against a production server over HTTP on loopback, on an
// N-record review (100,000 by default) of real titles and abstracts (the shared screening sets, cycled) from four
// sources, with duplicates, dual title/abstract decisions and their audit events, conflicts, reports and studies.
// Times, one request at a time as a person browses, a word search, a DOI lookup, a filtered page and a record page
// with its history, each against a no-op procedure (health.ping) measured in the same run. Prints p50/p95 per kind
// and one JSON line. BENCH_ROUNDS sets the rounds (200); BENCH_DEBUG=1 prints every request slower than 150 ms.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { parse } from "csv-parse/sync";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { projectRoot, startServer, withTempHome } from "./lib/server";
import { type LatencySummary, printResult, summarize } from "./lib/stats";

const N = Number(process.argv[2] ?? 100_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 200);
const WARM_UP = 20;
const PASSWORD = "bench password 1234";
const SCREENING_SETS = path.resolve(projectRoot, "../shared/fixtures/screening");

interface Seed {
  title: string;
  abstract: string;
  authors: string[];
  year: number | null;
}

/** Real titles and abstracts: the shared screening sets when they are here, else the demo review's records. */
async function seeds(): Promise<Seed[]> {
  if (existsSync(SCREENING_SETS)) {
    const out: Seed[] = [];
    for (const file of readdirSync(SCREENING_SETS).filter((f) => f.endsWith(".csv"))) {
      const rows = parse(readFileSync(path.join(SCREENING_SETS, file)), {
        columns: true,
        bom: true,
        relax_quotes: true,
        relax_column_count: true,
      }) as Record<string, string>[];
      for (const row of rows) {
        if (!row.title) continue;
        out.push({
          title: row.title,
          abstract: row.abstract ?? "",
          authors: (row.authors ?? "")
            .split(/;|,\s(?=[A-Z]\.)|\sand\s/)
            .map((a) => a.trim())
            .filter(Boolean),
          year: Number(row.year) || null,
        });
      }
    }
    if (out.length) return out;
  }
  const { demoRecords } = await import("../server/demo/records");
  return demoRecords;
}

const SOURCES = [
  { name: "PubMed", kind: "database", share: 0.45 },
  { name: "Embase", kind: "database", share: 0.35 },
  { name: "Cochrane CENTRAL", kind: "database", share: 0.12 },
  { name: "ClinicalTrials.gov", kind: "register", share: 0.08 },
] as const;
const KEYWORDS = ["randomized controlled trial", "animal model", "depression", "hypertension", "rats", "mice", "pain"];

async function copy(client: pg.PoolClient, table: string, rows: Iterable<string>) {
  await pipeline(Readable.from(rows), client.query(copyFrom(`COPY ${table} FROM STDIN`)));
}

async function seed(home: string) {
  process.env.SIFT_HOME = home; // attach to the running server's embedded database
  const { openDatabase } = await import("../server/db/database");
  const { createDb } = await import("../server/db/client");
  const { hashPassword } = await import("../server/auth/password");
  const { createReview } = await import("../server/reviews/create-review");
  const { newId } = await import("../server/shared/ids");
  const { copyLine } = await import("../server/import/copy-text");
  const { indexRecordsForSearchPg } = await import("../server/record-search/search-index");
  const database = await openDatabase();
  const db = createDb(database.url);
  const passwordHash = await hashPassword(PASSWORD);
  const lead = await db.user.create({ data: { email: "lead@bench.sift", name: "Lena Lead", passwordHash } });
  const [a, b] = await Promise.all(
    ["Ana", "Ben"].map((name) => db.user.create({ data: { email: `${name}@bench.sift`, name, passwordHash } })),
  );
  const review = await createReview(db, lead.id, {
    title: "Record browser bench",
    exclusionReasons: { title_abstract: ["Wrong population"], full_text: ["Not a trial"] },
  });
  await db.membership.createMany({
    data: [a!, b!].map((u) => ({ reviewId: review.id, userId: u.id, role: "reviewer" as const })),
  });
  const reason = await db.exclusionReason.findFirstOrThrow({ where: { reviewId: review.id, stage: "title_abstract" } });
  const sources: { name: string; kind: string; id: string; importId: string; share: number }[] = [];
  for (const s of SOURCES) {
    const source = await db.source.create({ data: { reviewId: review.id, name: s.name, kind: s.kind } });
    const imported = await db.import.create({
      data: {
        reviewId: review.id,
        sourceId: source.id,
        fileName: `${s.name}.ris`,
        status: "succeeded",
        recordCount: Math.round(N * s.share),
        createdById: lead.id,
      },
    });
    await db.auditEvent.create({
      data: {
        reviewId: review.id,
        actorId: lead.id,
        action: "import.completed",
        entityType: "import",
        entityId: imported.id,
        data: { fileName: imported.fileName, records: imported.recordCount },
      },
    });
    sources.push({ ...s, id: source.id, importId: imported.id });
  }
  const texts = await seeds();
  const ids = Array.from({ length: N }, () => newId());
  function* rows() {
    let i = 0;
    for (const source of sources) {
      const n = Math.round(N * source.share);
      for (let k = 0; k < n && i < N; k++, i++) {
        const s = texts[i % texts.length]!;
        const keywords = i % 3 === 0 ? [KEYWORDS[i % KEYWORDS.length]!] : [];
        const nct = source.kind === "register" ? [`NCT${String(10_000_000 + i).padStart(8, "0")}`] : [];
        yield copyLine([
          ids[i]!,
          review.id,
          source.importId,
          source.id,
          s.title,
          s.abstract,
          s.authors,
          s.year,
          `10.5555/bench.${i}`,
          String(20_000_000 + i),
          nct,
          keywords,
          JSON.stringify({ TI: s.title, AB: s.abstract, AU: s.authors, PY: s.year, DO: `10.5555/bench.${i}` }),
        ]);
      }
    }
  }
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  const client = await pool.connect();
  await client.query("BEGIN");
  await copy(
    client,
    "records (id, review_id, import_id, source_id, title, abstract, authors, year, doi, pmid, nct_ids, keywords, raw)",
    rows(),
  );
  // As the import's follow-up job would.
  await indexRecordsForSearchPg(client, { reviewId: review.id });
  const n = (expr: string) => `(('x' || substr(md5(${expr}), 1, 8))::bit(32)::int & 2147483647) % 1000`;
  // Every 20th record a duplicate of the one before it (a fifth of those in a pair still pending).
  await client.query(
    `WITH ordered AS (SELECT id, lag(id) OVER (ORDER BY id) AS prev, row_number() OVER (ORDER BY id) AS k FROM records WHERE review_id = $1)
     UPDATE records r SET duplicate_of_id = o.prev FROM ordered o WHERE r.id = o.id AND o.k % 20 = 0 AND o.k % 100 <> 0`,
    [review.id],
  );
  await client.query(
    `WITH ordered AS (SELECT id, lag(id) OVER (ORDER BY id) AS prev, row_number() OVER (ORDER BY id) AS k FROM records WHERE review_id = $1)
     INSERT INTO duplicate_pairs (id, review_id, record_a_id, record_b_id, score, status, automatic, decided_at, created_at)
     SELECT gen_random_uuid()::text, $1, o.prev, o.id, 0.9, CASE WHEN o.k % 100 = 0 THEN 'pending' ELSE 'merged' END::duplicate_pair_status,
            o.k % 100 <> 0, now(), now()
       FROM ordered o WHERE o.k % 20 = 0`,
    [review.id],
  );
  // Two thirds of the kept records decided by both reviewers: a tenth included, 3% in conflict.
  await client.query(
    `INSERT INTO screening_decisions (id, review_id, record_id, stage, reviewer_id, verdict, reason_id, created_at, updated_at)
     SELECT gen_random_uuid()::text, r.review_id, r.id, 'title_abstract', u.id,
            CASE WHEN ${n("r.id")} < 100 OR (u.id = $3 AND ${n("r.id")} < 130) THEN 'include' ELSE 'exclude' END::verdict,
            CASE WHEN ${n("r.id")} >= 100 AND NOT (u.id = $3 AND ${n("r.id")} < 130) THEN $4 END, now(), now()
       FROM records r CROSS JOIN (VALUES ($2), ($3)) u(id)
      WHERE r.review_id = $1 AND r.duplicate_of_id IS NULL AND ${n("'d' || r.id")} < 667`,
    [review.id, a!.id, b!.id, reason.id],
  );
  await client.query(
    `INSERT INTO audit_events (id, review_id, actor_id, action, entity_type, entity_id, data, created_at)
     SELECT gen_random_uuid()::text, d.review_id, d.reviewer_id, 'decision.recorded', 'record', d.record_id,
            jsonb_build_object('stage', d.stage, 'verdict', d.verdict, 'reasonId', d.reason_id, 'note', ''), now()
       FROM screening_decisions d WHERE d.review_id = $1`,
    [review.id],
  );
  await client.query(
    `INSERT INTO screening_outcomes (id, review_id, record_id, stage, status, reason_id, settled_at)
     SELECT gen_random_uuid()::text, $1, d.record_id, 'title_abstract',
            CASE WHEN bool_and(d.verdict = 'include') THEN 'included' WHEN bool_and(d.verdict = 'exclude') THEN 'excluded' ELSE 'conflict' END::outcome_status,
            CASE WHEN bool_and(d.verdict = 'exclude') THEN $2 END,
            CASE WHEN bool_and(d.verdict = 'include') OR bool_and(d.verdict = 'exclude') THEN now() END
       FROM screening_decisions d WHERE d.review_id = $1 GROUP BY d.record_id`,
    [review.id, reason.id],
  );
  await client.query(
    `INSERT INTO conflicts (id, review_id, record_id, stage, status, created_at)
     SELECT gen_random_uuid()::text, review_id, record_id, stage, 'open', now() FROM screening_outcomes
      WHERE review_id = $1 AND status = 'conflict'`,
    [review.id],
  );
  await client.query(
    `INSERT INTO reports (id, review_id, record_id, retrieval_status, url)
     SELECT gen_random_uuid()::text, review_id, record_id,
            CASE WHEN ${n("'rt' || record_id")} < 700 THEN 'retrieved' ELSE 'sought' END::retrieval_status,
            'https://example.org/' || record_id
       FROM screening_outcomes WHERE review_id = $1 AND status = 'included'`,
    [review.id],
  );
  await client.query("COMMIT");
  await client.query("ANALYZE");
  client.release();
  await pool.end();
  await db.$disconnect();
  const decided = ids.filter((_, i) => i % 20 !== 0);
  return { reviewId: review.id, leadEmail: lead.email, ids: decided, reviewerB: b!.id, sourceId: sources[1]!.id };
}

/** Signs in with next-auth's credentials flow and returns the session cookie. */
async function signIn(base: string, email: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const cookie = csrfRes.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed for ${email} (${res.status})`);
  return session.split(";")[0]!;
}

async function query(base: string, cookie: string, procedure: string, input: unknown): Promise<number> {
  const url = `${base}/api/trpc/${procedure}${input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`}`;
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  const body = await res.text();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${procedure} answered ${res.status}: ${body.slice(0, 300)}`);
  return ms;
}

const WORDS = [
  "depression",
  "rat",
  "blood pressure",
  "randomized controlled trial",
  "mice stress",
  "hypertension",
  "antidepressant",
  "pain",
  "placebo controlled",
  "cells",
  "software engineering",
];

await withTempHome(async (home) => {
  const server = await startServer(home);
  try {
    console.log(`bench:records: loading ${N.toLocaleString()} records with decisions and history…`);
    const t = performance.now();
    const fixture = await seed(home);
    const loadSeconds = (performance.now() - t) / 1000;
    const cookie = await signIn(server.url, fixture.leadEmail);
    const reviewId = fixture.reviewId;
    const pick = (round: number) => fixture.ids[(round * 7919) % fixture.ids.length]!;
    const kinds: Record<string, (round: number) => [string, unknown]> = {
      noop: () => ["health.ping", undefined],
      wordSearch: (round) => [
        "records.list",
        { reviewId, query: WORDS[round % WORDS.length], sort: round % 2 ? "relevance" : "imported" },
      ],
      doiLookup: (round) => [
        "records.list",
        { reviewId, query: `https://doi.org/10.5555/BENCH.${(round * 7919) % N}` },
      ],
      filteredPage: (round) => {
        const filters = [
          { sourceId: fixture.sourceId, outcome: "excluded", sort: "title" },
          { decidedBy: fixture.reviewerB, decision: "include", offset: 100 },
          { duplicates: "pending", sort: "year", descending: true },
          { reached: "full_text", fullText: "yes" },
          { outcome: "conflict", query: "rats" },
        ];
        return ["records.list", { reviewId, ...filters[round % filters.length] }];
      },
      recordPage: (round) => ["records.get", { reviewId, recordId: pick(round) }],
    };
    const samples: Record<string, number[]> = Object.fromEntries(Object.keys(kinds).map((k) => [k, []]));
    for (let round = 0; round < WARM_UP + ROUNDS; round++) {
      for (const [kind, make] of Object.entries(kinds)) {
        const [procedure, input] = make(round);
        const ms = await query(server.url, cookie, procedure, input);
        if (round >= WARM_UP) samples[kind]!.push(ms);
        if (process.env.BENCH_DEBUG && ms > 150)
          console.log(`slow ${kind} round ${round}: ${ms.toFixed(0)} ms ${JSON.stringify(input)}`);
      }
    }
    const figures: Record<string, LatencySummary> = {};
    for (const [kind, ms] of Object.entries(samples)) {
      figures[kind] = summarize(
        ms,
        ms.reduce((x, y) => x + y, 0),
      );
      console.log(
        `${kind.padEnd(14)} p50 ${figures[kind]!.p50Ms.toFixed(1)} ms  p95 ${figures[kind]!.p95Ms.toFixed(1)} ms  p99 ${figures[kind]!.p99Ms.toFixed(1)} ms`,
      );
    }
    const p95 = (kind: string) => figures[kind]!.p95Ms;
    printResult("records", {
      records: N,
      rounds: ROUNDS,
      loadSeconds: Number(loadSeconds.toFixed(1)),
      ...Object.fromEntries(Object.entries(figures).map(([k, s]) => [k, { p50Ms: s.p50Ms, p95Ms: s.p95Ms }])),
      targetP95Ms: 200,
      withinTarget: ["wordSearch", "doiLookup", "filteredPage", "recordPage"].every((k) => p95(k) < 200),
    });
  } finally {
    await server.stop();
  }
});
