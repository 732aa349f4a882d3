// A reviewer's decision on a record, and taking it back. The record's row is locked for the whole change, so
// decisions that complete a record at the same moment are counted once and open exactly one conflict.
import { recordAuditEvent } from "../audit/record-audit-event";
import { randomUUID } from "node:crypto";
import { poolOf, type Db, type Tx } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { transaction } from "../db/sql";
import type { Stage, Verdict } from "../db/generated/enums.ts";
import { AppError } from "../errors/app-error";
import { effectiveReasonRequired } from "../reviews/review-settings";
import { requestRetraining } from "../prioritise/request-retraining";
import { eligibleRecords, inFullTextScreening, stageSql } from "./eligibility";
import { evaluate, outcomeWrites, settleOutcome } from "./outcome";
import { SERVE_MINUTES } from "./serve";

interface Scope {
  reviewId: string;
  reviewerId: string;
}

export interface DecisionInput {
  recordId: string;
  stage: Stage;
  verdict: Verdict;
  reasonId?: string | null;
  note?: string;
}

/** Refusals once the record is locked: a resolved conflict, or title/abstract work after full-text work began. */
function assertStillOpen(stage: Stage, conflictStatus: string | null, fullTextDecisions: number) {
  if (conflictStatus === "resolved") {
    throw new AppError("STALE", "A lead has already resolved this record, so decisions on it can no longer change.");
  }
  if (stage === "title_abstract" && fullTextDecisions > 0) {
    throw new AppError("STALE", "This record is already in full-text screening, so its title/abstract decisions can no longer change.");
  }
}

/** Locks the record and checks that it can still take decisions at this stage. */
async function lockOpenRecord(tx: Tx, reviewId: string, recordId: string, stage: Stage) {
  const [record] = await tx.$queryRaw<{ id: string; review_id: string; duplicate_of_id: string | null }[]>`
    SELECT id, review_id, duplicate_of_id FROM records WHERE id = ${recordId} FOR UPDATE`;
  if (!record || record.review_id !== reviewId) throw new AppError("NOT_FOUND", "That record is not in this review.");
  if (record.duplicate_of_id) throw new AppError("STALE", "This record was merged as a duplicate, so it is not screened.");
  if (stage === "full_text" && !(await inFullTextScreening(tx, recordId))) {
    throw new AppError("INVALID_INPUT", "This record is not in full-text screening: its full text has not been retrieved.");
  }
  const conflict = await tx.conflict.findUnique({ where: { recordId_stage: { recordId, stage } } });
  const fullText = stage === "title_abstract" ? await tx.screeningDecision.count({ where: { recordId, stage: "full_text" } }) : 0;
  assertStillOpen(stage, conflict?.status ?? null, fullText);
}

/** The exclusion reason to store; `validReasonId` is the given reason if it is in this stage's list, else null. */
function checkReason(input: DecisionInput, reasonRequired: boolean, validReasonId: string | null): string | null {
  if (input.verdict !== "exclude") {
    if (input.reasonId) throw new AppError("INVALID_INPUT", "Only an exclusion takes an exclusion reason.");
    return null;
  }
  if (!input.reasonId) {
    if (effectiveReasonRequired(input.stage, reasonRequired)) {
      throw new AppError("INVALID_INPUT", "Choose an exclusion reason: this stage requires one.");
    }
    return null;
  }
  if (!validReasonId) throw new AppError("INVALID_INPUT", "That exclusion reason is not in this review's list for this stage.");
  return validReasonId;
}

interface LockedRecord {
  review_id: string;
  duplicate_of_id: string | null;
  /** Eligible for full-text screening, by the rule the pool uses (eligibleRecords). */
  in_full_text: boolean;
  /** From the stage's settings, which every review has (null only if that row were missing). */
  needed: number | null;
  reason_required: boolean;
  prioritise: boolean;
  reason_id: string | null;
}

interface FreshState {
  conflict_status: string | null;
  full_text_decisions: number;
  decisions: { reviewerId: string; verdict: Verdict; reasonId: string | null; note: string }[];
}

/**
 * The decision, its audit event, the outcome and any conflict in one transaction of two round trips: lock the
 * record (reading what the lock does not guard), read the decisions afresh once the lock is held (a statement
 * that waited for it still sees the snapshot from before), then every write in one statement.
 */
export async function recordDecision(db: Db, scope: Scope, input: DecisionInput) {
  const note = (input.note ?? "").trim().slice(0, 5000);
  const s = stageSql(input.stage);
  const { decision, prioritise } = await transaction(poolOf(db), async (tx) => {
    // The fresh read is a statement of its own after the lock, in the same round trip.
    const [locked, read] = await tx.batch([
      Prisma.sql`
      SELECT r.review_id, r.duplicate_of_id, (${eligibleRecords("r", "full_text")}) AS in_full_text,
             st.reviewers_per_record AS needed, st.reason_required, st.prioritise,
             (SELECT x.id FROM exclusion_reasons x WHERE x.id = ${input.reasonId ?? null} AND x.review_id = ${scope.reviewId}
                 AND x.stage = ${s} AND x.archived_at IS NULL) AS reason_id
        FROM records r
        LEFT JOIN review_stage_settings st ON st.review_id = r.review_id AND st.stage = ${s}
       WHERE r.id = ${input.recordId}
         FOR UPDATE OF r`,
      Prisma.sql`
      SELECT (SELECT c.status::text FROM conflicts c WHERE c.record_id = ${input.recordId} AND c.stage = ${s}) AS conflict_status,
             (SELECT count(*)::int FROM screening_decisions d WHERE d.record_id = ${input.recordId} AND d.stage = 'full_text') AS full_text_decisions,
             COALESCE((SELECT json_agg(json_build_object('reviewerId', d.reviewer_id, 'verdict', d.verdict, 'reasonId', d.reason_id, 'note', d.note))
                         FROM screening_decisions d WHERE d.record_id = ${input.recordId} AND d.stage = ${s}), '[]') AS decisions`,
    ]);
    const record = (locked as LockedRecord[])[0];
    const fresh = (read as FreshState[])[0];
    if (!record || record.review_id !== scope.reviewId) throw new AppError("NOT_FOUND", "That record is not in this review.");
    if (record.duplicate_of_id) throw new AppError("STALE", "This record was merged as a duplicate, so it is not screened.");
    if (record.needed === null) throw new Error(`review ${scope.reviewId} has no settings for ${input.stage}`);
    if (input.stage === "full_text" && !record.in_full_text) {
      throw new AppError("INVALID_INPUT", "This record is not in full-text screening: its full text has not been retrieved.");
    }
    assertStillOpen(input.stage, fresh!.conflict_status, fresh!.full_text_decisions);
    const reasonId = checkReason(input, record.reason_required, record.reason_id);
    const previous = fresh!.decisions.find((d) => d.reviewerId === scope.reviewerId) ?? null;
    const others = fresh!.decisions.filter((d) => d.reviewerId !== scope.reviewerId);
    const needed = record.needed;
    if (!previous && others.length >= needed) {
      throw new AppError("STALE", "This record already has all the decisions it needs; yours was not recorded.");
    }
    const result = evaluate([...others, { verdict: input.verdict, reasonId }], needed, input.stage);
    const now = new Date().toISOString();
    const audit = {
      stage: input.stage,
      verdict: input.verdict,
      reasonId,
      note,
      ...(previous ? { from: { verdict: previous.verdict, reasonId: previous.reasonId, note: previous.note } } : {}),
    };
    await tx.batch([Prisma.sql`
      WITH decision_row AS (
        INSERT INTO screening_decisions (id, review_id, record_id, stage, reviewer_id, verdict, reason_id, note, created_at, updated_at)
        VALUES (${randomUUID()}, ${scope.reviewId}, ${input.recordId}, ${s}, ${scope.reviewerId}, ${input.verdict}::verdict, ${reasonId}, ${note},
                ${now}::timestamp, ${now}::timestamp)
        ON CONFLICT (record_id, stage, reviewer_id) DO UPDATE
          SET verdict = EXCLUDED.verdict, reason_id = EXCLUDED.reason_id, note = EXCLUDED.note, updated_at = EXCLUDED.updated_at
      ), served_row AS (
        DELETE FROM screening_assignments WHERE record_id = ${input.recordId} AND stage = ${s} AND reviewer_id = ${scope.reviewerId}
      ), audit_row AS (
        INSERT INTO audit_events (id, review_id, actor_id, action, entity_type, entity_id, data, created_at)
        VALUES (${randomUUID()}, ${scope.reviewId}, ${scope.reviewerId}, ${previous ? "decision.changed" : "decision.recorded"}, 'record',
                ${input.recordId}, ${JSON.stringify(audit)}::jsonb, ${now}::timestamp)
      ), ${outcomeWrites(scope.reviewId, input.recordId, input.stage, result, now)}
      SELECT 1`], { commit: true });
    return { decision: { recordId: input.recordId, stage: input.stage, verdict: input.verdict, reasonId, note }, prioritise: record.prioritise };
  });
  requestRetraining(db, { reviewId: scope.reviewId, stage: input.stage, reviewerIds: [scope.reviewerId], prioritise });
  return decision;
}

const UNDOABLE = ["decision.recorded", "decision.changed"];
const UNDOING = ["decision.withdrawn", "decision.restored"];

/**
 * The reviewer's newest recorded or changed decision on a record that no undo has taken back yet. Each undo
 * names the event it takes back, so undoing twice steps back twice through the history in the audit trail.
 */
async function lastUndoableEvent(tx: Tx, scope: Scope, recordId: string, stage: Stage) {
  const events = await tx.auditEvent.findMany({
    where: { reviewId: scope.reviewId, actorId: scope.reviewerId, entityType: "record", entityId: recordId, action: { in: [...UNDOABLE, ...UNDOING] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, action: true, data: true },
  });
  const undone = new Set<string>();
  for (const event of events) {
    const data = event.data as { stage?: string; undoes?: string; from?: { verdict: Verdict; reasonId: string | null; note: string } };
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
export async function undoLastDecision(db: Db, scope: Scope, stage: Stage) {
  const { undone, prioritise } = await db.$transaction(async (tx) => {
    const last = await tx.screeningDecision.findFirst({
      where: { reviewId: scope.reviewId, reviewerId: scope.reviewerId, stage },
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
        actorId: scope.reviewerId,
        action: "decision.restored",
        entityType: "record",
        entityId: last.recordId,
        data: { stage, ...event.from, from: current, undoes: event.id },
      });
    } else {
      await tx.screeningDecision.delete({ where: { id: last.id } });
      await tx.screeningAssignment.upsert({
        where: { recordId_stage_reviewerId: { recordId: last.recordId, stage, reviewerId: scope.reviewerId } },
        create: { reviewId: scope.reviewId, recordId: last.recordId, stage, reviewerId: scope.reviewerId, expiresAt: new Date(Date.now() + SERVE_MINUTES * 60_000) },
        update: { servedAt: new Date(), expiresAt: new Date(Date.now() + SERVE_MINUTES * 60_000) },
      });
      await recordAuditEvent(tx, {
        reviewId: scope.reviewId,
        actorId: scope.reviewerId,
        action: "decision.withdrawn",
        entityType: "record",
        entityId: last.recordId,
        data: { stage, ...current, ...(event ? { undoes: event.id } : {}) },
      });
    }
    const setting = await tx.reviewStageSetting.findUniqueOrThrow({ where: { reviewId_stage: { reviewId: scope.reviewId, stage } } });
    await settleOutcome(tx, scope.reviewId, last.recordId, stage, setting.reviewersPerRecord);
    return { undone: { recordId: last.recordId, restored: event?.from ? { verdict: event.from.verdict } : null }, prioritise: setting.prioritise };
  });
  requestRetraining(db, { reviewId: scope.reviewId, stage, reviewerIds: [scope.reviewerId], prioritise });
  return undone;
}
