// Which records a stage screens, as SQL shared by serving, progress and counts.
import { Prisma } from "../db/generated/client.ts";
import type { Stage } from "../shared/stages";

/**
 * Title/abstract: every record not merged away as a duplicate nor removed before screening by a lead
 * (server/records/removal.ts). Full text: records included at title/abstract whose full text was retrieved (a PDF
 * or a link); "not retrieved" reports are counted, never screened. A report outlives an inclusion that was taken
 * back (its PDF is kept), so the inclusion itself is checked too.
 */
export function eligibleRecords(alias: string, stage: Stage): Prisma.Sql {
  const r = Prisma.raw(alias);
  const kept = Prisma.sql`${r}.duplicate_of_id IS NULL
    AND NOT EXISTS (SELECT 1 FROM record_removals rm WHERE rm.record_id = ${r}.id)`;
  if (stage === "title_abstract") return kept;
  return Prisma.sql`${kept} AND EXISTS (
    SELECT 1 FROM reports rep WHERE rep.record_id = ${r}.id AND rep.retrieval_status = 'retrieved')
    AND EXISTS (SELECT 1 FROM screening_outcomes ta
                 WHERE ta.record_id = ${r}.id AND ta.stage = 'title_abstract' AND ta.status = 'included')`;
}

export const stageSql = (stage: Stage) => Prisma.sql`${stage}::stage`;

/**
 * Record `r` is not settled and not in conflict at the stage. Written as NOT EXISTS so that PostgreSQL skips the
 * settled records (the front of the serve order) with one anti-join.
 */
export const unsettled = (stage: Stage) =>
  Prisma.sql`NOT EXISTS (SELECT 1 FROM screening_outcomes o WHERE o.record_id = r.id AND o.stage = ${stageSql(stage)} AND o.status <> 'awaiting')`;

/**
 * The screening assignment `alias` still holds its record: allocated by a lead (no expiry) or served and not yet
 * lapsed. Times are stored in UTC, as Prisma does.
 */
export const liveAssignment = (alias: string) =>
  Prisma.sql`(${Prisma.raw(alias)}.expires_at IS NULL OR ${Prisma.raw(alias)}.expires_at > now() AT TIME ZONE 'UTC')`;

/**
 * Fewer than `needed` hold record `alias` at the stage (its decisions and live assignments), and none of them is
 * `reviewerId`: the pool could hand it to them now. The holders are read in one subquery rather than four, since
 * serving runs this for every record it looks at.
 */
export function servableTo(alias: string, stage: Stage, reviewerId: string, needed: number): Prisma.Sql {
  const r = Prisma.raw(alias);
  const s = stageSql(stage);
  return Prisma.sql`(SELECT COALESCE(bool_and(h.reviewer_id <> ${reviewerId}), true) AND count(*) < ${needed} FROM (
           SELECT d.reviewer_id FROM screening_decisions d WHERE d.record_id = ${r}.id AND d.stage = ${s}
           UNION ALL
           SELECT a.reviewer_id FROM screening_assignments a WHERE a.record_id = ${r}.id AND a.stage = ${s} AND ${liveAssignment("a")}) h)`;
}
