// A lead's changes to a settled record at a stage: reopening it (back to screening) or overriding its final
// verdict. Each locks the record's row (as decisions do), writes an outcome_changes row and its audit event in
// one transaction, and undoes the later work that hangs on an inclusion it takes back, but only once the lead has
// seen that work and confirmed (reopenImpact tells the screen what it is).
//
// The reopening rule. A reopened record must really go back to screening: evaluating its reviewers' decisions
// again would settle it at once the way it was. So its decisions at the stage are superseded, not deleted: they
// move to superseded_decisions under the reopening (every decision query, serving, the outcome rule, progress,
// training, reads screening_decisions only, so none of them counts a superseded decision), the outcome goes back
// to awaiting, and the record is back in the pool needing as many reviewers as the stage asks for; any reviewer
// may be served it, the original ones included, and a lead may allocate it. A reviewer served it again sees no
// decision on it but, if they had decided it, their own earlier one (never a co-reviewer's). Its conflict, open or
// resolved, is withdrawn (the resolution stays on the row and in the audit trail; a new disagreement reopens it).
// Agreement reports each record's first round of decisions (agreement-report.ts), so the reopened round still
// counts and the new one, made after a lead's intervention, does not. A stopping-rule exclusion can be reopened
// too (its mark is cleared). An override leaves the decisions as they are and sets the outcome, which the
// decisions can then no longer change (outcome.ts, notOverridden), until a lead reopens the record.

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import type { OutcomeStatus } from "../db/generated/enums.ts";
import { AppError } from "../errors/app-error";
import { decisionsChanged } from "../events/decisions-changed";
import { announceReviewChange } from "../live/review-changes";
import type { ActorScope } from "../shared/actor";
import { STAGE_LABELS, type Stage } from "../shared/stages";
import type { FileStorage } from "../storage/file-storage";
import {
  confirmationMessage,
  type DependentWork,
  dependentWorkSummary,
  needsConfirmation,
  undoLines,
} from "./dependent-work";
import { laterWork, supersedeRound, undoLaterWork } from "./later-work";
import { syncReport } from "./outcome";

export interface ChangeTarget {
  recordId: string;
  stage: Stage;
}

export interface ReopenInput extends ChangeTarget {
  note?: string;
  /** The lead saw the later work this undoes (reopenImpact) and goes ahead. */
  confirm?: boolean;
}

export interface OverrideInput extends ChangeTarget {
  verdict: "include" | "exclude";
  reasonId?: string | null;
  note: string;
  confirm?: boolean;
}

/** How the outcome was settled: by the reviewers agreeing, a lead resolving their conflict or overriding, or the stopping rule. */
export type SettledBy = "agreement" | "resolution" | "override" | "stopping_rule";

const stageName = (stage: Stage) => STAGE_LABELS[stage].toLowerCase();
const VERDICT_OF: Partial<Record<OutcomeStatus, "include" | "exclude">> = { included: "include", excluded: "exclude" };

async function readSettled(tx: Tx, reviewId: string, { recordId, stage }: ChangeTarget) {
  const record = await tx.record.findFirst({ where: { id: recordId, reviewId }, select: { duplicateOfId: true } });
  if (!record) throw new AppError("NOT_FOUND", "That record is not in this review.");
  if (record.duplicateOfId)
    throw new AppError("STALE", "This record was merged as a duplicate, so it has no verdict to change.");
  const [outcome, conflict] = await Promise.all([
    tx.screeningOutcome.findUnique({ where: { recordId_stage: { recordId, stage } } }),
    tx.conflict.findUnique({ where: { recordId_stage: { recordId, stage } } }),
  ]);
  if (outcome?.status === "conflict")
    throw new AppError(
      "STALE",
      `This record is in conflict at ${stageName(stage)}: resolve the conflict on the Conflicts screen instead.`,
    );
  if (!outcome || (outcome.status !== "included" && outcome.status !== "excluded"))
    throw new AppError(
      "STALE",
      `This record is not settled at ${stageName(stage)} yet: it is still being screened, so there is no verdict to reopen or override.`,
    );
  const settledBy: SettledBy = outcome.overrideId
    ? "override"
    : outcome.stoppingSampleId
      ? "stopping_rule"
      : conflict?.status === "resolved"
        ? "resolution"
        : "agreement";
  return { outcome: { ...outcome, status: outcome.status }, settledBy };
}

async function lockSettled(tx: Tx, reviewId: string, target: ChangeTarget) {
  await tx.$queryRaw`SELECT 1 FROM records WHERE id = ${target.recordId} AND review_id = ${reviewId} FOR UPDATE`;
  return readSettled(tx, reviewId, target);
}

/** Whether the change takes back an inclusion, which is what later work hangs on. */
const takesBackInclusion = (status: OutcomeStatus, to: "reopen" | "include" | "exclude") =>
  status === "included" && to !== "include";

/** What reopening, or overriding to `overrideTo`, would undo, for the screen to show before the lead confirms. */
export async function reopenImpact(
  db: Db,
  scope: ActorScope,
  input: ChangeTarget & { overrideTo?: "include" | "exclude" },
) {
  return db.$transaction(async (tx) => {
    const { outcome, settledBy } = await readSettled(tx, scope.reviewId, input);
    const work = await laterWork(
      tx,
      input.recordId,
      input.stage,
      takesBackInclusion(outcome.status, input.overrideTo ?? "reopen"),
    );
    return {
      stage: input.stage,
      status: outcome.status,
      reasonId: outcome.reasonId,
      settledBy,
      needsConfirmation: needsConfirmation(work),
      summary: dependentWorkSummary(work, input.stage),
      undoes: undoLines(work),
    };
  });
}

/** Refuses a change that would undo later work the lead has not confirmed, naming that work. */
function requireConfirmation(work: DependentWork, stage: Stage, doing: "reopen" | "override", confirm?: boolean) {
  if (needsConfirmation(work) && !confirm)
    throw new AppError("CONFIRM_REQUIRED", confirmationMessage(work, stage, doing));
}

/** After the commit: a failed transaction keeps its file, and a file left behind by a crash here harms nothing. */
async function deleteFile(storage: FileStorage, key: string | null) {
  if (key) await storage.delete(key).catch((err: unknown) => console.error("sift: could not delete", key, err));
}

function announce(db: Db, reviewId: string, stage: Stage, work: DependentWork) {
  // The outcome was a label every reviewer's ranking may have learnt from; so were the full-text ones undone.
  decisionsChanged({ db, reviewId, stage, reviewerIds: "all" });
  if (stage === "title_abstract" && work.report)
    decisionsChanged({ db, reviewId, stage: "full_text", reviewerIds: "all" });
}

const cleanNote = (note: string | undefined) => (note ?? "").trim().slice(0, 5000);

export async function reopenOutcome(deps: { db: Db; storage: FileStorage }, scope: ActorScope, input: ReopenInput) {
  const note = cleanNote(input.note);
  const { result, fileKey, work } = await deps.db.$transaction(async (tx) => {
    const { outcome, settledBy } = await lockSettled(tx, scope.reviewId, input);
    const work = await laterWork(tx, input.recordId, input.stage, takesBackInclusion(outcome.status, "reopen"));
    requireConfirmation(work, input.stage, "reopen", input.confirm);
    const change = await tx.outcomeChange.create({
      data: {
        reviewId: scope.reviewId,
        recordId: input.recordId,
        stage: input.stage,
        kind: "reopen",
        fromStatus: outcome.status,
        fromReasonId: outcome.reasonId,
        toStatus: "awaiting",
        note,
        undone: work,
        actorId: scope.actorId,
      },
    });
    const superseded = await supersedeRound(tx, input.recordId, input.stage, change.id);
    await tx.screeningOutcome.update({
      where: { id: outcome.id },
      data: { status: "awaiting", reasonId: null, settledAt: null, stoppingSampleId: null, overrideId: null },
    });
    const { fileKey } = await undoLaterWork(tx, scope, input.recordId, input.stage, work, change.id);
    await recordAuditEvent(tx, {
      ...scope,
      action: "outcome.reopened",
      entityType: "record",
      entityId: input.recordId,
      data: {
        stage: input.stage,
        changeId: change.id,
        note,
        from: { verdict: VERDICT_OF[outcome.status], reasonId: outcome.reasonId, settledBy },
        supersededDecisions: superseded,
        undone: work,
      },
    });
    await announceReviewChange(tx, {
      reviewId: scope.reviewId,
      stage: input.stage,
      kind: "reopen",
      actorId: scope.actorId,
    });
    return {
      result: { recordId: input.recordId, stage: input.stage, status: "awaiting" as const, undone: undoLines(work) },
      fileKey,
      work,
    };
  });
  await deleteFile(deps.storage, fileKey);
  announce(deps.db, scope.reviewId, input.stage, work);
  return result;
}

async function checkedReason(tx: Tx, reviewId: string, input: OverrideInput): Promise<string | null> {
  if (input.verdict === "include") {
    if (input.reasonId) throw new AppError("INVALID_INPUT", "Only an exclusion takes an exclusion reason.");
    return null;
  }
  if (!input.reasonId)
    throw new AppError(
      "INVALID_INPUT",
      `Choose the exclusion reason: PRISMA counts each excluded ${input.stage === "full_text" ? "report" : "record"} under its reason.`,
    );
  const reason = await tx.exclusionReason.findFirst({
    where: { id: input.reasonId, reviewId, stage: input.stage, archivedAt: null },
  });
  if (!reason)
    throw new AppError("INVALID_INPUT", "That exclusion reason is not in this review's list for this stage.");
  return reason.id;
}

export async function overrideOutcome(deps: { db: Db; storage: FileStorage }, scope: ActorScope, input: OverrideInput) {
  const note = cleanNote(input.note);
  if (!note) throw new AppError("INVALID_INPUT", "Say why you override the verdict: the note is kept with it.");
  const { result, fileKey, work } = await deps.db.$transaction(async (tx) => {
    const { outcome, settledBy } = await lockSettled(tx, scope.reviewId, input);
    const reasonId = await checkedReason(tx, scope.reviewId, input);
    const status = input.verdict === "include" ? "included" : "excluded";
    if (outcome.status === status && outcome.reasonId === reasonId)
      throw new AppError(
        "INVALID_INPUT",
        `This record is already ${status} at ${stageName(input.stage)}${reasonId ? " for that reason" : ""}.`,
      );
    const work = await laterWork(tx, input.recordId, input.stage, takesBackInclusion(outcome.status, input.verdict));
    requireConfirmation(work, input.stage, "override", input.confirm);
    const change = await tx.outcomeChange.create({
      data: {
        reviewId: scope.reviewId,
        recordId: input.recordId,
        stage: input.stage,
        kind: "override",
        fromStatus: outcome.status,
        fromReasonId: outcome.reasonId,
        toStatus: status,
        toReasonId: reasonId,
        note,
        undone: work,
        actorId: scope.actorId,
      },
    });
    await tx.screeningOutcome.update({
      where: { id: outcome.id },
      data: { status, reasonId, settledAt: new Date(), stoppingSampleId: null, overrideId: change.id },
    });
    const { fileKey } = await undoLaterWork(tx, scope, input.recordId, input.stage, work, change.id);
    // An inclusion at title/abstract needs its full text: that is a report (PRISMA: "report sought").
    if (input.stage === "title_abstract" && status === "included")
      await syncReport(tx, scope.reviewId, input.recordId, true);
    await recordAuditEvent(tx, {
      ...scope,
      action: "outcome.overridden",
      entityType: "record",
      entityId: input.recordId,
      data: {
        stage: input.stage,
        changeId: change.id,
        verdict: input.verdict,
        reasonId,
        note,
        from: { verdict: VERDICT_OF[outcome.status], reasonId: outcome.reasonId, settledBy },
        undone: work,
      },
    });
    await announceReviewChange(tx, {
      reviewId: scope.reviewId,
      stage: input.stage,
      kind: "override",
      actorId: scope.actorId,
    });
    return {
      result: { recordId: input.recordId, stage: input.stage, status, reasonId, undone: undoLines(work) },
      fileKey,
      work,
    };
  });
  await deleteFile(deps.storage, fileKey);
  announce(deps.db, scope.reviewId, input.stage, work);
  return result;
}
