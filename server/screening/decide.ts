// A reviewer's decision on a record, and taking it back. The record's row is locked for the whole change, so
// decisions that complete a record at the same moment are counted once and open exactly one conflict.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import type { Stage, Verdict } from "../db/generated/enums.ts";
import { AppError } from "../errors/app-error";
import { effectiveReasonRequired } from "../reviews/review-settings";
import { inFullTextScreening } from "./eligibility";
import { settleOutcome } from "./outcome";
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
  if (conflict?.status === "resolved") {
    throw new AppError("STALE", "A lead has already resolved this record, so decisions on it can no longer change.");
  }
  if (stage === "title_abstract" && (await tx.screeningDecision.count({ where: { recordId, stage: "full_text" } })) > 0) {
    throw new AppError("STALE", "This record is already in full-text screening, so its title/abstract decisions can no longer change.");
  }
}

async function checkReason(tx: Tx, reviewId: string, input: DecisionInput, reasonRequired: boolean): Promise<string | null> {
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
  const reason = await tx.exclusionReason.findFirst({
    where: { id: input.reasonId, reviewId, stage: input.stage, archivedAt: null },
  });
  if (!reason) throw new AppError("INVALID_INPUT", "That exclusion reason is not in this review's list for this stage.");
  return reason.id;
}

export async function recordDecision(db: Db, scope: Scope, input: DecisionInput) {
  return db.$transaction(async (tx) => {
    await lockOpenRecord(tx, scope.reviewId, input.recordId, input.stage);
    const setting = await tx.reviewStageSetting.findUniqueOrThrow({
      where: { reviewId_stage: { reviewId: scope.reviewId, stage: input.stage } },
    });
    const reasonId = await checkReason(tx, scope.reviewId, input, setting.reasonRequired);
    const key = { recordId_stage_reviewerId: { recordId: input.recordId, stage: input.stage, reviewerId: scope.reviewerId } };
    const previous = await tx.screeningDecision.findUnique({ where: key });
    if (!previous) {
      const others = await tx.screeningDecision.count({ where: { recordId: input.recordId, stage: input.stage } });
      if (others >= setting.reviewersPerRecord) {
        throw new AppError("STALE", "This record already has all the decisions it needs; yours was not recorded.");
      }
    }
    const note = (input.note ?? "").trim().slice(0, 5000);
    const decision = await tx.screeningDecision.upsert({
      where: key,
      create: { reviewId: scope.reviewId, recordId: input.recordId, stage: input.stage, reviewerId: scope.reviewerId, verdict: input.verdict, reasonId, note },
      update: { verdict: input.verdict, reasonId, note },
    });
    await tx.screeningAssignment.deleteMany({ where: { recordId: input.recordId, stage: input.stage, reviewerId: scope.reviewerId } });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.reviewerId,
      action: previous ? "decision.changed" : "decision.recorded",
      entityType: "record",
      entityId: input.recordId,
      data: {
        stage: input.stage,
        verdict: input.verdict,
        reasonId,
        note,
        ...(previous ? { from: { verdict: previous.verdict, reasonId: previous.reasonId, note: previous.note } } : {}),
      },
    });
    await settleOutcome(tx, scope.reviewId, input.recordId, input.stage, setting.reviewersPerRecord);
    return { recordId: decision.recordId, stage: decision.stage, verdict: decision.verdict, reasonId: decision.reasonId, note: decision.note };
  });
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
  return db.$transaction(async (tx) => {
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
    return { recordId: last.recordId, restored: event?.from ? { verdict: event.from.verdict } : null };
  });
}
