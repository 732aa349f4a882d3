// `npm run bench:screening`: 50 simulated reviewers screen at once against a production server over HTTP on
// loopback. Prints p50/p95/p99 of the decide round-trip and of a no-op procedure measured in the same run,
// and their ratio, plus one JSON line.
//
// A simulated reviewer reads each record for BENCH_THINK_MS on average (uniformly between half and one and a
// half times it) before deciding. The default, 1 s per record, is far quicker than anyone reads a title and
// abstract, so 50 of them are a heavier load than a real team; BENCH_THINK_MS=0 instead measures a closed loop
// of 50 clients that never pause, which only shows how requests queue once the machine is saturated. Paced
// reviewers also open the screen at random moments over the first five reading times, as a team does, rather
// than all in the same millisecond.
//
// Meanwhile the lead (the first reviewer, who screens too) has the Overview and the conflicts list open, live: a
// stream of /api/reviews/<id>/live, and on each event the refetches those screens make. BENCH_LIVE=0 leaves them
// closed.
import pg from "pg";
import { startServer, withTempHome } from "./lib/server";
import { type LatencySummary, percentile, printResult, summarize } from "./lib/stats";

const REVIEWERS = Number(process.env.BENCH_REVIEWERS ?? 50);
const DECISIONS_EACH = Number(process.env.BENCH_DECISIONS ?? 40);
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 1000);
/** "Likely relevant first" is on at title/abstract by default; BENCH_PRIORITISE=0 measures the stage without it. */
const PRIORITISE = process.env.BENCH_PRIORITISE !== "0";
/** The lead watches the session live (BENCH_LIVE=0: nobody does). */
const LIVE = process.env.BENCH_LIVE !== "0";
const RECORDS = 5_000;
const PASSWORD = "bench password 1234";

async function seed(home: string) {
  process.env.SIFT_HOME = home; // attach to the running server's embedded database
  const { openDatabase } = await import("../server/db/database");
  const { createDb } = await import("../server/db/client");
  const { hashPassword } = await import("../server/auth/password");
  const { createReview } = await import("../server/reviews/create-review");
  const database = await openDatabase();
  const db = createDb(database.url);
  const passwordHash = await hashPassword(PASSWORD);
  const users = await Promise.all(
    Array.from({ length: REVIEWERS }, (_, i) =>
      db.user.create({ data: { email: `bench${i}@sift.local`, name: `Bench ${i}`, passwordHash } }),
    ),
  );
  const review = await createReview(db, users[0]!.id, { title: "Screening bench" });
  await db.membership.createMany({
    data: users.slice(1).map((u) => ({ reviewId: review.id, userId: u.id, role: "reviewer" as const })),
  });
  await db.reviewStageSetting.update({
    where: { reviewId_stage: { reviewId: review.id, stage: "title_abstract" } },
    data: { prioritise: PRIORITISE },
  });
  const source = await db.source.create({ data: { reviewId: review.id, name: "PubMed", kind: "database" } });
  await db.record.createMany({
    data: Array.from({ length: RECORDS }, (_, i) => ({
      reviewId: review.id,
      sourceId: source.id,
      title: `Mesenchymal stem cells in a SOD1-G93A model, experiment ${i}`,
      abstract: "Transplanted cells delayed onset and prolonged survival in treated animals. ".repeat(6),
      authors: ["Vercelli, A.", "Mereuta, O. M."],
      year: 2008,
    })),
  });
  // A real review is imported minutes before screening starts, and autovacuum has analysed it by then; these
  // rows are a second old, so the planner is given the statistics it would have.
  await db.$executeRaw`ANALYZE`;
  await db.$disconnect();
  return { database, reviewId: review.id, userIds: users.map((u) => u.id), emails: users.map((u) => u.email) };
}

/**
 * How far each reviewer's ranking trails their decisions, sampled every second while they screen: decisions
 * made minus decisions the stored model learnt from (no outcome is visible to them while blinded).
 */
function sampleRankingLag(databaseUrl: string, reviewId: string, userIds: string[], decided: number[]) {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const lags: number[] = [];
  let pending = Promise.resolve();
  const sample = async () => {
    const { rows } = await pool.query<{ reviewer_id: string; labelled: number }>(
      "SELECT reviewer_id, labelled FROM ranking_models WHERE review_id = $1 AND stage = 'title_abstract'",
      [reviewId],
    );
    const labelled = new Map(rows.map((r) => [r.reviewer_id, r.labelled]));
    userIds.forEach((id, i) => {
      if (decided[i]! > 0) lags.push(decided[i]! - (labelled.get(id) ?? 0));
    });
  };
  const timer = setInterval(() => (pending = pending.then(sample)), 1000);
  return {
    async stop(): Promise<number[]> {
      clearInterval(timer);
      await pending;
      await pool.end();
      return lags;
    },
  };
}

/** Signs in with next-auth's credentials flow and returns the session cookie. */
async function signIn(base: string, email: string): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password: PASSWORD, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.includes("session-token"));
  if (!session) throw new Error(`sign-in failed for ${email} (${res.status})`);
  return session.split(";")[0]!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A seeded generator per reviewer, so runs pause alike: `arrive` once, then `think` before each decision. */
function pacing(seed: number) {
  // Spread the seeds: a Lehmer generator's first outputs from small seeds are all near zero.
  let state = 1 + (((seed + 1) * 2654435761) % 2147483646);
  const uniform = () => (state = (state * 16807) % 2147483647) / 2147483647;
  return {
    arrive: () => sleep(5 * THINK_MS * uniform()),
    think: () => sleep(THINK_MS * (0.5 + uniform())),
  };
}

async function timed<T>(samples: number[], call: () => Promise<T>): Promise<T> {
  const t0 = performance.now();
  const out = await call();
  samples.push(performance.now() - t0);
  return out;
}

async function trpc(base: string, cookie: string, path: string, input: unknown, method: "GET" | "POST") {
  const body = JSON.stringify({ json: input });
  const res =
    method === "GET"
      ? await fetch(`${base}/api/trpc/${path}?input=${encodeURIComponent(body)}`, { headers: { cookie } })
      : await fetch(`${base}/api/trpc/${path}`, {
          method,
          headers: { cookie, "content-type": "application/json" },
          body,
        });
  const json = (await res.json()) as { result?: { data: { json: unknown } }; error?: unknown };
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${JSON.stringify(json.error)}`);
  return json.result!.data.json;
}

/**
 * The lead's Overview and conflicts list kept live: the event stream, and on each event what those screens refetch
 * (React Query runs one refetch of a query at a time, and one more if an event came meanwhile).
 */
function watchLive(base: string, cookie: string, reviewId: string) {
  const abort = new AbortController();
  const refetch: number[] = [];
  let events = 0;
  let running: Promise<void> | null = null;
  let again = false;
  const input = { reviewId, stage: "title_abstract" };
  const refresh = async (): Promise<void> => {
    await Promise.all([
      timed(refetch, () => trpc(base, cookie, "dashboard.overview", { reviewId }, "GET")),
      timed(refetch, () => trpc(base, cookie, "screening.conflicts", { ...input, status: "open" }, "GET")),
      timed(refetch, () => trpc(base, cookie, "screening.progress", input, "GET")),
    ]);
    if (again) {
      again = false;
      return refresh();
    }
    running = null;
  };
  const reading = (async () => {
    const res = await fetch(`${base}/api/reviews/${reviewId}/live`, { headers: { cookie }, signal: abort.signal });
    if (!res.ok || !res.body) throw new Error(`the live stream answered ${res.status}`);
    const decoder = new TextDecoder();
    let buffer = "";
    const reader = res.body.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      buffer += decoder.decode(chunk.value, { stream: true });
      for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (!block.startsWith("event: change")) continue;
        events++;
        if (running) again = true;
        else running = refresh();
      }
    }
  })().catch((err: Error) => {
    if (!abort.signal.aborted) throw err;
  });
  return {
    async stop(wall: number) {
      abort.abort();
      await reading;
      await running;
      return { events, refetch: summarize(refetch, wall) };
    },
  };
}

function line(label: string, s: LatencySummary) {
  console.log(
    `${label.padEnd(26)} p50 ${s.p50Ms.toFixed(2)} ms  p95 ${s.p95Ms.toFixed(2)} ms  p99 ${s.p99Ms.toFixed(2)} ms  (${s.requests} calls)`,
  );
}

await withTempHome(async (home) => {
  const server = await startServer(home);
  try {
    const { database, reviewId, userIds, emails } = await seed(home);
    // One at a time: all sign in from loopback, and 50 at once would all be counted against the client's budget
    // of free attempts before any success gave its attempt back.
    const cookies: string[] = [];
    for (const email of emails) cookies.push(await signIn(server.url, email));
    const decided = emails.map(() => 0);
    const live = LIVE ? watchLive(server.url, cookies[0]!, reviewId) : null;
    const lagSampler = PRIORITISE ? sampleRankingLag(database.url, reviewId, userIds, decided) : null;
    const decide: number[] = [];
    const noop: number[] = [];
    const next: number[] = [];
    const t0 = performance.now();
    // Each simulated reviewer does what the screening screen does: fill a queue of two (one shown, one
    // prefetched), then for each decision send it and refill, so `next` usually returns the held record plus one.
    await Promise.all(
      cookies.map(async (cookie, i) => {
        const input = { reviewId, stage: "title_abstract", count: 2 };
        const refill = async (queue: string[], done: Set<string>) => {
          const items = (await timed(next, () => trpc(server.url, cookie, "screening.next", input, "POST"))) as {
            record: { id: string };
          }[];
          for (const { record } of items) if (!done.has(record.id) && !queue.includes(record.id)) queue.push(record.id);
        };
        const queue: string[] = [];
        const done = new Set<string>();
        const pace = pacing(i);
        if (THINK_MS > 0) await pace.arrive();
        await refill(queue, done);
        for (let n = 0; n < DECISIONS_EACH && queue.length > 0; n++) {
          if (THINK_MS > 0) await pace.think();
          await timed(noop, () => trpc(server.url, cookie, "health.ping", undefined, "GET"));
          const recordId = queue.shift()!;
          done.add(recordId);
          const verdict = (i + n) % 5 === 0 ? "exclude" : "include";
          await timed(decide, () =>
            trpc(
              server.url,
              cookie,
              "screening.decide",
              { reviewId, stage: "title_abstract", recordId, verdict },
              "POST",
            ),
          );
          decided[i]!++;
          await refill(queue, done);
        }
      }),
    );
    const wall = performance.now() - t0;
    const watched = (await live?.stop(wall)) ?? null;
    // The review has far more records than the run decides, so a reviewer who ran out was told "nothing is left"
    // while records still needed them.
    const ranOut = decided.filter((n) => n < DECISIONS_EACH).length;
    const lags = (await lagSampler?.stop()) ?? [];
    await database.close();
    const figures = { decide: summarize(decide, wall), next: summarize(next, wall), noop: summarize(noop, wall) };
    line("screening.decide", figures.decide);
    line("screening.next", figures.next);
    line("health.ping (no-op)", figures.noop);
    if (watched) {
      line("lead's live refetches", watched.refetch);
      console.log(`live events to the lead: ${watched.events} in ${(wall / 1000).toFixed(0)} s`);
    }
    const ratio = Number((figures.decide.p95Ms / figures.noop.p95Ms).toFixed(2));
    const rankingLag = lags.length
      ? { p50: percentile(lags, 50), p95: percentile(lags, 95), max: Math.max(...lags), samples: lags.length }
      : null;
    console.log(
      `${REVIEWERS} concurrent reviewers, ${THINK_MS} ms mean reading time, likely relevant first ${PRIORITISE ? "on" : "off"}, lead watching live ${LIVE ? "yes" : "no"}; decide p95 / no-op p95 = ${ratio}`,
    );
    console.log(`reviewers told nothing was left while records remained: ${ranOut}`);
    if (rankingLag)
      console.log(
        `ranking behind the reviewer's decisions: p50 ${rankingLag.p50}, p95 ${rankingLag.p95}, max ${rankingLag.max} decisions`,
      );
    printResult("screening", {
      reviewers: REVIEWERS,
      thinkMs: THINK_MS,
      prioritise: PRIORITISE,
      live: watched && { events: watched.events, refetch: watched.refetch },
      ...figures,
      decideToNoopP95: ratio,
      rankingLag,
      ranOut,
    });
  } finally {
    await server.stop();
  }
});
