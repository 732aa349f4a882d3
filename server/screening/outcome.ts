// Where a record stands at a stage once its decisions change: still waiting, agreed (settled by itself), or in
// conflict for a lead. The rule is SQL so that a decision, its outcome and any conflict are one statement: the
// decision is the hottest write in Sift and must cost one round trip. Runs in the transaction that changed a
// decision, after the record row was locked.

import type { Tx } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { stageSql } from "../screening-queue/eligibility";
import { newId } from "../shared/ids";
import type { Stage } from "../shared/stages";

/**
 * The rule, as a query of one row (status, reason_id) over `decisions`, a relation of (verdict, reason_id,
 * decided_at): fewer decisions than `needed` → awaiting; all include → included; all exclude → excluded (at full
 * text only when they also agree on the reason, since PRISMA reports one reason per report), with the earliest
 * reason given; anything else, "maybe" included, is a conflict.
 */
export function evaluation(decisions: Prisma.Sql, needed: Prisma.Sql, stage: Stage): Prisma.Sql {
  // A missing reason counts as one more distinct answer, as a different reason would.
  const reasonsDiffer = Prisma.sql`count(DISTINCT d.reason_id) + (bool_or(d.reason_id IS NULL))::int > 1`;
  const excluded = Prisma.sql`bool_and(d.verdict = 'exclude')${stage === "full_text" ? Prisma.sql` AND NOT (${reasonsDiffer})` : Prisma.empty}`;
  return Prisma.sql`
    SELECT CASE WHEN count(*) < (${needed}) THEN 'awaiting'
                WHEN bool_and(d.verdict = 'include') THEN 'included'
                WHEN ${excluded} THEN 'excluded'
                ELSE 'conflict' END::outcome_status AS status,
           CASE WHEN count(*) >= (${needed}) AND ${excluded}
                THEN (array_agg(d.reason_id ORDER BY d.decided_at) FILTER (WHERE d.reason_id IS NOT NULL))[1] END AS reason_id
      FROM (${decisions}) d`;
}

/**
 * The writes that apply an evaluation (a CTE named `evaluated` holding at most one row; none writes nothing), as
 * CTEs for one statement: the outcome row, a conflict opened (or reopened) or withdrawn, and at title/abstract
 * the full-text report (see reportSync). `now` is an ISO time in UTC.
 */
export function outcomeWrites(reviewId: string, recordId: string, stage: Stage, now: string): Prisma.Sql {
  const s = stageSql(stage);
  return Prisma.sql`outcome_row AS (
      INSERT INTO screening_outcomes (id, review_id, record_id, stage, status, reason_id, settled_at)
      SELECT ${newId()}, ${reviewId}, ${recordId}, ${s}, e.status, e.reason_id,
             CASE WHEN e.status IN ('included', 'excluded') THEN ${now}::timestamp END
        FROM evaluated e
      ON CONFLICT (record_id, stage) DO UPDATE SET status = EXCLUDED.status, reason_id = EXCLUDED.reason_id, settled_at = EXCLUDED.settled_at,
        stopping_sample_id = NULL -- a decision supersedes an exclusion below a stopping threshold
    ), conflict_opened AS (
      INSERT INTO conflicts (id, review_id, record_id, stage, created_at)
      SELECT ${newId()}, ${reviewId}, ${recordId}, ${s}, ${now}::timestamp FROM evaluated e WHERE e.status = 'conflict'
      ON CONFLICT (record_id, stage) DO UPDATE
        SET status = 'open', verdict = NULL, reason_id = NULL, note = '', resolved_by_id = NULL, resolved_at = NULL
    ), conflict_withdrawn AS (
      UPDATE conflicts SET status = 'withdrawn'
       WHERE record_id = ${recordId} AND stage = ${s} AND status = 'open'
         AND EXISTS (SELECT 1 FROM evaluated e WHERE e.status <> 'conflict')
    )${stage === "title_abstract" ? Prisma.sql`, ${reportSync(reviewId, recordId, Prisma.sql`(SELECT e.status = 'included' FROM evaluated e)`, now)}` : Prisma.empty}`;
}

/**
 * A record included at title/abstract needs its full text: that is a report (PRISMA: "reports sought"); it goes
 * again if that inclusion is taken back before any full-text work (no file, no link, no full-text decision).
 * `included` is a boolean SQL expression; when it is null (nothing was evaluated) the report is left alone.
 */
function reportSync(reviewId: string, recordId: string, included: Prisma.Sql, now: string): Prisma.Sql {
  return Prisma.sql`report_added AS (
      INSERT INTO reports (id, review_id, record_id, created_at)
      SELECT ${newId()}, ${reviewId}, ${recordId}, ${now}::timestamp WHERE ${included}
      ON CONFLICT (record_id) DO NOTHING
    ), report_removed AS (
      DELETE FROM reports WHERE record_id = ${recordId} AND file_key IS NULL AND url IS NULL AND retrieval_status = 'sought'
         AND NOT EXISTS (SELECT 1 FROM screening_decisions d WHERE d.record_id = ${recordId} AND d.stage = 'full_text')
         AND NOT ${included})`;
}

/**
 * The record's outcome at the stage is not a lead's override. An override is final: the reviewers' decisions
 * (which a reviewer may still change or take back, as their own) no longer decide the outcome until a lead
 * reopens the record (reopen-override.ts). Evaluations are applied only where this holds.
 */
export const notOverridden = (recordId: string, stage: Stage) => Prisma.sql`NOT EXISTS (
  SELECT 1 FROM screening_outcomes o WHERE o.record_id = ${recordId} AND o.stage = ${stageSql(stage)} AND o.override_id IS NOT NULL)`;

/** The record's stored decisions at a stage, as `evaluation` takes them. */
export const storedDecisions = (recordId: string, stage: Stage, except?: string) => Prisma.sql`
  SELECT d.verdict, d.reason_id, d.created_at AS decided_at FROM screening_decisions d
   WHERE d.record_id = ${recordId} AND d.stage = ${stageSql(stage)}${except ? Prisma.sql` AND d.reviewer_id <> ${except}` : Prisma.empty}`;

/**
 * Evaluates the record's decisions at a stage again and applies the result, unless a lead overrode it (callers
 * hold the record's lock).
 */
export async function settleOutcome(
  tx: Tx,
  reviewId: string,
  recordId: string,
  stage: Stage,
  needed: number,
): Promise<void> {
  await tx.$executeRaw`
    WITH evaluated AS (
      SELECT e.* FROM (${evaluation(storedDecisions(recordId, stage), Prisma.sql`${needed}::int`, stage)}) e
       WHERE ${notOverridden(recordId, stage)}),
    ${outcomeWrites(reviewId, recordId, stage, new Date().toISOString())}
    SELECT 1`;
}

/** A lead's final verdict at title/abstract decides whether the record's full text is sought. */
export async function syncReport(tx: Tx, reviewId: string, recordId: string, included: boolean): Promise<void> {
  await tx.$executeRaw`WITH ${reportSync(reviewId, recordId, Prisma.sql`${included}::boolean`, new Date().toISOString())} SELECT 1`;
}

/**
 * After the number of reviewers per record changed: every record with decisions is evaluated again (none is
 * lost), except those a lead has resolved or overridden, which stay as the lead settled them.
 */
export async function reevaluateStage(tx: Tx, reviewId: string, stage: Stage, needed: number): Promise<number> {
  const records = await tx.screeningDecision.findMany({
    where: { reviewId, stage, record: { conflicts: { none: { stage, status: "resolved" } } } },
    distinct: ["recordId"],
    select: { recordId: true },
  });
  for (const { recordId } of records) await settleOutcome(tx, reviewId, recordId, stage, needed);
  return records.length;
}
