// Full recounts to hold the kept screening counts against: what the counts should be, worked out from every
// record with the eligibility rule in TypeScript, independently of the triggers that keep them.
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { eligibleRecords, liveAssignment, servableTo, stageSql } from "../screening-queue/eligibility";
import type { Stage } from "../shared/stages";

/** The query progress ran before counts were kept: a decision count and a "servable to me" check per record. */
export async function perRecordCounts(db: Db, reviewId: string, me: string, stage: Stage, needed: number) {
  const s = stageSql(stage);
  const rows = await db.$queryRaw<object[]>(Prisma.sql`
    SELECT count(*)::int AS total,
           count(*) FILTER (WHERE o.status = 'included')::int AS included,
           count(*) FILTER (WHERE o.status = 'excluded')::int AS excluded,
           count(*) FILTER (WHERE o.status = 'conflict')::int AS conflicts,
           count(*) FILTER (WHERE o.status IN ('included', 'excluded', 'conflict')
                              OR (SELECT count(*) FROM screening_decisions d WHERE d.record_id = r.id AND d.stage = ${s}) >= ${needed})::int AS complete,
           count(*) FILTER (WHERE mine.id IS NOT NULL)::int AS mine,
           count(*) FILTER (WHERE mine.id IS NULL AND (o.status IS NULL OR o.status = 'awaiting') AND (
             EXISTS (SELECT 1 FROM screening_assignments a WHERE a.record_id = r.id AND a.stage = ${s}
                       AND a.reviewer_id = ${me} AND ${liveAssignment("a")})
             OR ${servableTo("r", stage, me, needed)}
           ))::int AS left_for_me
      FROM records r
      LEFT JOIN screening_outcomes o ON o.record_id = r.id AND o.stage = ${s}
      LEFT JOIN screening_decisions mine ON mine.record_id = r.id AND mine.stage = ${s} AND mine.reviewer_id = ${me}
     WHERE r.review_id = ${reviewId} AND ${eligibleRecords("r", stage)}`);
  return rows[0];
}

/** Every key of the stage's counts (see ScreeningCountDelta), recounted from the records; zero counts left out. */
export async function recountKeys(db: Db, reviewId: string, stage: Stage): Promise<Record<string, number>> {
  const s = stageSql(stage);
  const rows = await db.$queryRaw<{ key: string; n: number }[]>(Prisma.sql`
    WITH e AS (
      SELECT r.id, o.status, (o.status IS NULL OR o.status = 'awaiting') AS open,
             (SELECT count(*) FROM screening_decisions d WHERE d.record_id = r.id AND d.stage = ${s}) AS n
        FROM records r LEFT JOIN screening_outcomes o ON o.record_id = r.id AND o.stage = ${s}
       WHERE r.review_id = ${reviewId} AND ${eligibleRecords("r", stage)}
    ), d AS (SELECT e.*, x.reviewer_id FROM e JOIN screening_decisions x ON x.record_id = e.id AND x.stage = ${s})
    SELECT 'total' AS key, count(*)::int AS n FROM e
    UNION ALL SELECT status::text, count(*)::int FROM e WHERE NOT open GROUP BY status
    UNION ALL SELECT 'open:' || n, count(*)::int FROM e WHERE open GROUP BY n
    UNION ALL SELECT 'by:' || reviewer_id, count(*)::int FROM d GROUP BY reviewer_id
    UNION ALL SELECT 'open-by:' || reviewer_id || ':' || n, count(*)::int FROM d WHERE open GROUP BY reviewer_id, n`);
  return Object.fromEntries(rows.filter((r) => r.n !== 0).map((r) => [r.key, r.n]));
}

/** A small deterministic generator (mulberry32), so a failing seed can be replayed. */
export function random(seed: number) {
  let t = seed;
  return () => {
    t = (t + 0x6d2b79f5) | 0;
    let x = Math.imul(t ^ (t >>> 15), 1 | t);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
