// Where a record stands at a stage once its decisions change: still waiting, agreed (settled by itself), or in
// conflict for a lead. Runs inside the transaction that changed a decision, after the record row was locked.
import { randomUUID } from "node:crypto";
import type { Tx } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import type { Stage, Verdict } from "../db/generated/enums.ts";

export type Evaluation =
  | { status: "awaiting" }
  | { status: "included" | "excluded"; reasonId: string | null }
  | { status: "conflict" };

interface DecisionLike {
  verdict: Verdict;
  reasonId: string | null;
}

/**
 * Pure rule: fewer decisions than needed → awaiting; all include → included; all exclude → excluded (at full
 * text only when they also agree on the reason, since PRISMA reports one reason per report); anything else,
 * "maybe" included, is a conflict.
 */
export function evaluate(decisions: DecisionLike[], needed: number, stage: Stage): Evaluation {
  if (decisions.length < needed) return { status: "awaiting" };
  const verdicts = new Set(decisions.map((d) => d.verdict));
  if (verdicts.size === 1 && verdicts.has("include")) return { status: "included", reasonId: null };
  if (verdicts.size === 1 && verdicts.has("exclude")) {
    const reasons = new Set(decisions.map((d) => d.reasonId));
    if (stage === "full_text" && reasons.size > 1) return { status: "conflict" };
    return { status: "excluded", reasonId: decisions.find((d) => d.reasonId)?.reasonId ?? null };
  }
  return { status: "conflict" };
}

/**
 * The writes that apply an evaluation, as CTEs for one statement: the outcome row, a conflict opened (or
 * reopened) or withdrawn, and at title/abstract the full-text report (see reportSync). `now` is an ISO time in UTC.
 */
export function outcomeWrites(reviewId: string, recordId: string, stage: Stage, result: Evaluation, now: string): Prisma.Sql {
  const settled = result.status === "included" || result.status === "excluded";
  const reasonId = settled ? result.reasonId : null;
  const settledAt = settled ? now : null;
  const conflict =
    result.status === "conflict"
      ? Prisma.sql`INSERT INTO conflicts (id, review_id, record_id, stage, created_at)
                   VALUES (${randomUUID()}, ${reviewId}, ${recordId}, ${stage}::stage, ${now}::timestamp)
                   ON CONFLICT (record_id, stage) DO UPDATE
                     SET status = 'open', verdict = NULL, reason_id = NULL, note = '', resolved_by_id = NULL, resolved_at = NULL`
      : Prisma.sql`UPDATE conflicts SET status = 'withdrawn' WHERE record_id = ${recordId} AND stage = ${stage}::stage AND status = 'open'`;
  return Prisma.sql`outcome_row AS (
      INSERT INTO screening_outcomes (id, review_id, record_id, stage, status, reason_id, settled_at)
      VALUES (${randomUUID()}, ${reviewId}, ${recordId}, ${stage}::stage, ${result.status}::outcome_status, ${reasonId}, ${settledAt}::timestamp)
      ON CONFLICT (record_id, stage) DO UPDATE SET status = EXCLUDED.status, reason_id = EXCLUDED.reason_id, settled_at = EXCLUDED.settled_at,
        stopping_sample_id = NULL -- a decision supersedes an exclusion below a stopping threshold
    ), conflict_row AS (${conflict})${stage === "title_abstract" ? Prisma.sql`, ${reportSync(reviewId, recordId, result.status === "included", now)}` : Prisma.empty}`;
}

/**
 * A record included at title/abstract needs its full text: that is a report (PRISMA: "reports sought"); it goes
 * again if that inclusion is taken back before any full-text work (no file, no link, no full-text decision).
 */
function reportSync(reviewId: string, recordId: string, included: boolean, now: string): Prisma.Sql {
  return included
    ? Prisma.sql`report_row AS (
        INSERT INTO reports (id, review_id, record_id, created_at) VALUES (${randomUUID()}, ${reviewId}, ${recordId}, ${now}::timestamp)
        ON CONFLICT (record_id) DO NOTHING)`
    : Prisma.sql`report_row AS (
        DELETE FROM reports WHERE record_id = ${recordId} AND file_key IS NULL AND url IS NULL AND retrieval_status = 'sought'
           AND NOT EXISTS (SELECT 1 FROM screening_decisions d WHERE d.record_id = ${recordId} AND d.stage = 'full_text'))`;
}

/** Evaluates the record's decisions at a stage again and applies the result (callers hold the record's lock). */
export async function settleOutcome(tx: Tx, reviewId: string, recordId: string, stage: Stage, needed: number): Promise<Evaluation> {
  const decisions = await tx.screeningDecision.findMany({ where: { recordId, stage }, select: { verdict: true, reasonId: true } });
  const result = evaluate(decisions, needed, stage);
  await tx.$executeRaw`WITH ${outcomeWrites(reviewId, recordId, stage, result, new Date().toISOString())} SELECT 1`;
  return result;
}

/** A lead's final verdict at title/abstract decides whether the record's full text is sought. */
export async function syncReport(tx: Tx, reviewId: string, recordId: string, included: boolean): Promise<void> {
  await tx.$executeRaw`WITH ${reportSync(reviewId, recordId, included, new Date().toISOString())} SELECT 1`;
}

/**
 * After the number of reviewers per record changed: every record with decisions is evaluated again (none is
 * lost), except those a lead has resolved, which stay as resolved.
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
