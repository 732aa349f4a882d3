// A reviewer's decision on a record, and taking it back. The record's row is locked for the whole change, so
// decisions that complete a record at the same moment are counted once and open exactly one conflict.

import { auditInsert } from "../audit/audit-insert";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { TokenSession } from "../auth/session-token";
import { type Db, poolOf, type Tx } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import type { Verdict } from "../db/generated/enums.ts";
import { transaction } from "../db/sql";
import { AppError, type AppErrorCode } from "../errors/app-error";
import { decisionsChanged } from "../events/decisions-changed";
import { announceReviewChange, reviewChangedSql } from "../live/review-changes";
import { stageSql } from "../screening-queue/eligibility";
import { SERVE_MINUTES } from "../screening-queue/serve";
import type { ActorScope } from "../shared/actor";
import { newId } from "../shared/ids";
import { type Role, rolesFrom } from "../shared/roles";
import { effectiveReasonRequired, type Stage } from "../shared/stages";
import { assertWritable, authorizeCaller } from "../team/caller-membership";
import { callerSql } from "../team/caller-sql";
import { closedRecordRefusal, openRecordColumns } from "./closed-record";
import { evaluation, notOverridden, outcomeWrites, settleOutcome, storedDecisions } from "./outcome";

export interface DecisionInput {
  recordId: string;
  stage: Stage;
  verdict: Verdict;
  reasonId?: string | null;
  note?: string;
}

/** Locks the record and checks that it can still take decisions at this stage. */
async function lockOpenRecord(tx: Tx, reviewId: string, recordId: string, stage: Stage) {
  await tx.$queryRaw`SELECT 1 FROM records WHERE id = ${recordId} AND review_id = ${reviewId} FOR UPDATE`;
  const [check] = await tx.$queryRaw<{ refusal: Refusal | null }[]>`
    SELECT ${closedRecordRefusal(stage)} AS refusal
      FROM (SELECT 1) one
      LEFT JOIN (SELECT ${openRecordColumns(stage)} FROM records r WHERE r.id = ${recordId} AND r.review_id = ${reviewId}) f ON true`;
  if (check!.refusal) refuse(check!.refusal);
}

/**
 * Whether a decision's COMMIT waits for the disk. By default it does not: waiting was the largest part of a
 * decision's round trip under load, and a database crash can then lose only the last fraction of a second of
 * decisions, each whole with its audit event and outcome (never part of one), whose records come back to their
 * reviewers. SIFT_SYNC_DECISIONS=1 makes each wait.
 */
const decisionCommit = () => (process.env.SIFT_SYNC_DECISIONS === "1" ? "on" : "off");

/** Why a decision was refused, found by the statement that would have written it; nothing was written. */
const REFUSALS = {
  not_found: ["NOT_FOUND", "That record is not in this review."],
  merged: ["STALE", "This record was merged as a duplicate, so it is not screened."],
  not_in_full_text: [
    "INVALID_INPUT",
    "This record is not in full-text screening: its full text has not been retrieved.",
  ],
  resolved: ["STALE", "A lead has already resolved this record, so decisions on it can no longer change."],
  in_full_text: [
    "STALE",
    "This record is already in full-text screening, so its title/abstract decisions can no longer change.",
  ],
  reason_required: ["INVALID_INPUT", "Choose an exclusion reason: this stage requires one."],
  reason_unknown: ["INVALID_INPUT", "That exclusion reason is not in this review's list for this stage."],
  complete: ["STALE", "This record already has all the decisions it needs; yours was not recorded."],
} as const satisfies Record<string, [AppErrorCode, string]>;
type Refusal = keyof typeof REFUSALS;

function refuse(refusal: Refusal): never {
  const [code, message] = REFUSALS[refusal];
  throw new AppError(code, message);
}

/** Deciding takes a reviewer; the router's declared role, which the authorisation matrix test holds to this. */
const DECIDING_ROLE: Role = "reviewer";

interface DecideRow {
  caller_exists: boolean;
  session_current: boolean | null;
  role: Role | null;
  /** "caller": the caller may not decide here (authorizeCaller says why). */
  /** "archived": the review is archived, so read-only (assertWritable). */
  refusal: Refusal | "caller" | "archived" | "no_settings" | null;
  reason_id: string | null;
  prioritise: boolean | null;
}

/**
 * The decision in one round trip: BEGIN, a statement that locks the record, a statement that checks the caller's
 * membership and everything that could refuse the decision and, only if nothing does, writes the decision, its
 * audit event, the outcome and any conflict; then COMMIT. The second statement takes its snapshot once the lock
 * is held, so it sees every decision committed while the lock was awaited (one statement cannot: its snapshot
 * would predate them). A refused decision writes nothing and reports why.
 */
export async function recordDecision(
  db: Db,
  /** `session`: the caller's token's, checked with the membership; absent only for the server's own work (demo seeding). */
  scope: ActorScope & { session?: TokenSession },
  input: DecisionInput,
) {
  if (input.verdict !== "exclude" && input.reasonId)
    throw new AppError("INVALID_INPUT", "Only an exclusion takes an exclusion reason.");
  const note = (input.note ?? "").trim().slice(0, 5000);
  const reasonGiven = input.verdict === "exclude" ? (input.reasonId ?? null) : null;
  const s = stageSql(input.stage);
  const at = new Date();
  const now = at.toISOString();
  const me = scope.actorId;
  const [, , rows] = await transaction(poolOf(db), (tx) =>
    tx.batch(
      [
        Prisma.sql`SELECT set_config('synchronous_commit', ${decisionCommit()}, true)`,
        Prisma.sql`SELECT 1 FROM records WHERE id = ${input.recordId} AND review_id = ${scope.reviewId} FOR UPDATE`,
        Prisma.sql`
        WITH caller AS (${callerSql(me, scope.reviewId, scope.session ?? null)}),
        others_decisions AS (${storedDecisions(input.recordId, input.stage, me)}),
        facts AS (
          SELECT ${openRecordColumns(input.stage)},
                 st.reviewers_per_record AS needed, st.prioritise,
                 (${effectiveReasonRequired(input.stage, false)} OR st.reason_required) AS reason_required,
                 (SELECT x.id FROM exclusion_reasons x WHERE x.id = ${reasonGiven} AND x.review_id = r.review_id
                     AND x.stage = ${s} AND x.archived_at IS NULL) AS reason_id,
                 (SELECT count(*) FROM others_decisions) AS others,
                 (SELECT jsonb_build_object('verdict', d.verdict, 'reasonId', d.reason_id, 'note', d.note) FROM screening_decisions d
                   WHERE d.record_id = r.id AND d.stage = ${s} AND d.reviewer_id = ${me}) AS previous
            FROM records r
            LEFT JOIN review_stage_settings st ON st.review_id = r.review_id AND st.stage = ${s}
           WHERE r.id = ${input.recordId} AND r.review_id = ${scope.reviewId}
        ), checked AS (
          SELECT c.id IS NOT NULL AS caller_exists, c.session_current, c.role, f.*,
                 COALESCE(
                   CASE WHEN c.role IS NULL OR NOT (c.role = ANY(${rolesFrom(DECIDING_ROLE)})) THEN 'caller'
                        WHEN c.archived THEN 'archived'
                        WHEN f.merged IS NOT NULL AND f.needed IS NULL THEN 'no_settings' END,
                   ${closedRecordRefusal(input.stage)},
                   CASE WHEN ${input.verdict === "exclude"} AND ${reasonGiven}::text IS NULL AND f.reason_required THEN 'reason_required'
                        WHEN ${reasonGiven}::text IS NOT NULL AND f.reason_id IS NULL THEN 'reason_unknown'
                        WHEN f.previous IS NULL AND f.others >= f.needed THEN 'complete' END
                 ) AS refusal
            FROM (SELECT 1) one LEFT JOIN caller c ON true LEFT JOIN facts f ON true
        ), accepted AS (SELECT * FROM checked WHERE refusal IS NULL
        ), decision_row AS (
          INSERT INTO screening_decisions (id, review_id, record_id, stage, reviewer_id, verdict, reason_id, note, created_at, updated_at)
          SELECT ${newId()}, ${scope.reviewId}, ${input.recordId}, ${s}, ${me}, ${input.verdict}::verdict, a.reason_id, ${note},
                 ${now}::timestamp, ${now}::timestamp FROM accepted a
          ON CONFLICT (record_id, stage, reviewer_id) DO UPDATE
            SET verdict = EXCLUDED.verdict, reason_id = EXCLUDED.reason_id, note = EXCLUDED.note, updated_at = EXCLUDED.updated_at
        ), served_row AS (
          DELETE FROM screening_assignments WHERE record_id = ${input.recordId} AND stage = ${s} AND reviewer_id = ${me}
             AND EXISTS (SELECT 1 FROM accepted)
        ), audit_row AS (${auditInsert(
          {
            reviewId: scope.reviewId,
            actorId: me,
            action: Prisma.sql`CASE WHEN a.previous IS NULL THEN 'decision.recorded' ELSE 'decision.changed' END`,
            entityType: "record",
            entityId: input.recordId,
            data: Prisma.sql`jsonb_build_object('stage', ${input.stage}::text, 'verdict', ${input.verdict}::text, 'reasonId', a.reason_id, 'note', ${note}::text)
                   || CASE WHEN a.previous IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('from', a.previous) END`,
            createdAt: at,
          },
          Prisma.sql`accepted a`,
        )}
        ), evaluated AS (
          SELECT e.* FROM (${evaluation(
            Prisma.sql`SELECT * FROM others_decisions
                       UNION ALL SELECT ${input.verdict}::verdict, (SELECT a.reason_id FROM accepted a), ${now}::timestamp`,
            Prisma.sql`SELECT a.needed FROM accepted a`,
            input.stage,
          )}) e WHERE EXISTS (SELECT 1 FROM accepted) AND ${notOverridden(input.recordId, input.stage)}
        ), ${outcomeWrites(scope.reviewId, input.recordId, input.stage, now)}
        SELECT caller_exists, session_current, role, refusal, reason_id, prioritise FROM checked`,
        // Only a decision that was written announces itself: it alone carries this moment as its time.
        reviewChangedSql(
          { reviewId: scope.reviewId, stage: input.stage, kind: "decision", actorId: me },
          Prisma.sql`EXISTS (SELECT 1 FROM screening_decisions WHERE record_id = ${input.recordId} AND stage = ${s}
                               AND reviewer_id = ${me} AND updated_at = ${now}::timestamp)`,
        ),
      ],
      { commit: true },
    ),
  );
  const row = (rows as DecideRow[])[0]!;
  authorizeCaller(row.caller_exists, row.role, DECIDING_ROLE, row.session_current ?? false);
  assertWritable(row.refusal === "archived");
  if (row.refusal === "no_settings") throw new Error(`review ${scope.reviewId} has no settings for ${input.stage}`);
  if (row.refusal) refuse(row.refusal as Refusal);
  decisionsChanged({
    db,
    reviewId: scope.reviewId,
    stage: input.stage,
    reviewerIds: [me],
    prioritise: row.prioritise ?? false,
  });
  return { recordId: input.recordId, stage: input.stage, verdict: input.verdict, reasonId: row.reason_id, note };
}

const UNDOABLE = ["decision.recorded", "decision.changed"];
const UNDOING = ["decision.withdrawn", "decision.restored"];

/**
 * The reviewer's newest recorded or changed decision on a record that no undo has taken back yet. Each undo
 * names the event it takes back, so undoing twice steps back twice through the history in the audit trail.
 */
async function lastUndoableEvent(tx: Tx, scope: ActorScope, recordId: string, stage: Stage) {
  const events = await tx.auditEvent.findMany({
    where: {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      entityType: "record",
      entityId: recordId,
      action: { in: [...UNDOABLE, ...UNDOING] },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, action: true, data: true },
  });
  const undone = new Set<string>();
  for (const event of events) {
    const data = event.data as {
      stage?: string;
      undoes?: string;
      from?: { verdict: Verdict; reasonId: string | null; note: string };
    };
    if (data.stage !== stage) continue;
    if (UNDOING.includes(event.action)) {
      if (data.undoes) undone.add(data.undoes);
    } else if (!undone.has(event.id)) {
      return { id: event.id, from: event.action === "decision.changed" ? (data.from ?? null) : null };
    }
  }
  return null;
}

/**
 * Takes back the reviewer's most recent action at a stage: a changed decision goes back to what it was before,
 * a first decision is withdrawn and the record handed back to them. The outcome follows in the same transaction.
 */
export async function undoLastDecision(db: Db, scope: ActorScope, stage: Stage) {
  const { undone, prioritise } = await db.$transaction(async (tx) => {
    const last = await tx.screeningDecision.findFirst({
      where: { reviewId: scope.reviewId, reviewerId: scope.actorId, stage },
      orderBy: { updatedAt: "desc" },
    });
    if (!last) throw new AppError("NOT_FOUND", "You have no decision to undo at this stage.");
    await lockOpenRecord(tx, scope.reviewId, last.recordId, stage);
    const event = await lastUndoableEvent(tx, scope, last.recordId, stage);
    const current = { verdict: last.verdict, reasonId: last.reasonId, note: last.note };
    if (event?.from) {
      await tx.screeningDecision.update({ where: { id: last.id }, data: event.from });
      await recordAuditEvent(tx, {
        reviewId: scope.reviewId,
        actorId: scope.actorId,
        action: "decision.restored",
        entityType: "record",
        entityId: last.recordId,
        data: { stage, ...event.from, from: current, undoes: event.id },
      });
    } else {
      await tx.screeningDecision.delete({ where: { id: last.id } });
      await tx.screeningAssignment.upsert({
        where: { recordId_stage_reviewerId: { recordId: last.recordId, stage, reviewerId: scope.actorId } },
        create: {
          reviewId: scope.reviewId,
          recordId: last.recordId,
          stage,
          reviewerId: scope.actorId,
          expiresAt: new Date(Date.now() + SERVE_MINUTES * 60_000),
        },
        update: { servedAt: new Date(), expiresAt: new Date(Date.now() + SERVE_MINUTES * 60_000) },
      });
      await recordAuditEvent(tx, {
        reviewId: scope.reviewId,
        actorId: scope.actorId,
        action: "decision.withdrawn",
        entityType: "record",
        entityId: last.recordId,
        data: { stage, ...current, ...(event ? { undoes: event.id } : {}) },
      });
    }
    const setting = await tx.reviewStageSetting.findUniqueOrThrow({
      where: { reviewId_stage: { reviewId: scope.reviewId, stage } },
    });
    await settleOutcome(tx, scope.reviewId, last.recordId, stage, setting.reviewersPerRecord);
    await announceReviewChange(tx, { reviewId: scope.reviewId, stage, kind: "undo", actorId: scope.actorId });
    return {
      undone: { recordId: last.recordId, restored: event?.from ? { verdict: event.from.verdict } : null },
      prioritise: setting.prioritise,
    };
  });
  decisionsChanged({ db, reviewId: scope.reviewId, stage, reviewerIds: [scope.actorId], prioritise });
  return undone;
}
