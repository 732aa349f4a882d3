// Screening a calibration round: the participant's next records of the round, their practice decisions and
// taking the last one back. Everything here reads and writes the round's own tables and the caller's own
// decisions only, so nothing a participant receives depends on how the others decided.

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import type { Verdict } from "../db/generated/enums.ts";
import { AppError } from "../errors/app-error";
import type { ActorScope } from "../shared/actor";
import { effectiveReasonRequired } from "../shared/stages";
import { closeRoundTx, lockRound } from "./rounds";

/** The round, if it is open and the caller takes part in it. */
async function myOpenRound(tx: Tx | Db, scope: ActorScope, roundId: string) {
  const round = await tx.calibrationRound.findFirst({
    where: { id: roundId, reviewId: scope.reviewId },
    include: { participants: { where: { userId: scope.actorId } } },
  });
  if (!round) throw new AppError("NOT_FOUND", "That calibration round is not in this review.");
  if (round.participants.length === 0) throw new AppError("FORBIDDEN", "You are not taking part in this round.");
  return round;
}

/** The round's records as the screening screen shows them, with the caller's own practice decision. */
async function roundItems(db: Tx | Db, scope: ActorScope, roundId: string, recordIds: string[]) {
  const [records, mine] = await Promise.all([
    db.record.findMany({
      where: { id: { in: recordIds }, reviewId: scope.reviewId },
      select: {
        id: true,
        title: true,
        abstract: true,
        authors: true,
        year: true,
        journal: true,
        volume: true,
        issue: true,
        pages: true,
        doi: true,
        pmid: true,
        pmcid: true,
        nctIds: true,
        keywords: true,
        type: true,
        language: true,
        url: true,
        source: { select: { name: true } },
      },
    }),
    db.calibrationDecision.findMany({ where: { roundId, reviewerId: scope.actorId, recordId: { in: recordIds } } }),
  ]);
  const order = new Map(recordIds.map((id, i) => [id, i]));
  return records
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .map((record) => {
      const decision = mine.find((d) => d.recordId === record.id);
      return {
        record: { ...record, report: null },
        myDecision: decision ? { verdict: decision.verdict, reasonId: decision.reasonId, note: decision.note } : null,
        myEarlierDecision: null,
        outcome: null,
        closedBecause: null,
        otherDecisions: null,
      };
    });
}

/** The caller's next undecided records of the round, in the round's order. */
export async function nextInRound(db: Db, scope: ActorScope, roundId: string, count: number) {
  const round = await myOpenRound(db, scope, roundId);
  if (round.status !== "open") return [];
  const left = await db.calibrationRecord.findMany({
    where: {
      roundId,
      record: { calibrationDecisions: { none: { roundId, reviewerId: scope.actorId } } },
    },
    orderBy: { position: "asc" },
    take: count,
    select: { recordId: true },
  });
  return roundItems(
    db,
    scope,
    roundId,
    left.map((r) => r.recordId),
  );
}

export async function roundRecord(db: Db, scope: ActorScope, roundId: string, recordId: string) {
  await myOpenRound(db, scope, roundId);
  const inRound = await db.calibrationRecord.findUnique({ where: { roundId_recordId: { roundId, recordId } } });
  if (!inRound) return null;
  const [item] = await roundItems(db, scope, roundId, [recordId]);
  return item ?? null;
}

export interface RoundDecisionInput {
  roundId: string;
  recordId: string;
  verdict: Verdict;
  reasonId?: string | null;
  note?: string;
}

/** Records (or changes) the caller's practice decision; the round closes itself when everyone has finished. */
export async function decideInRound(db: Db, scope: ActorScope, input: RoundDecisionInput) {
  if (input.verdict !== "exclude" && input.reasonId)
    throw new AppError("INVALID_INPUT", "Only an exclusion takes an exclusion reason.");
  const note = (input.note ?? "").trim().slice(0, 5000);
  return db.$transaction(async (tx) => {
    const round = await lockRound(tx, scope.reviewId, input.roundId);
    await myOpenRound(tx, scope, round.id);
    if (round.status !== "open")
      throw new AppError("STALE", `Round ${round.number} is closed: your decision was not recorded.`);
    const inRound = await tx.calibrationRecord.findUnique({
      where: { roundId_recordId: { roundId: round.id, recordId: input.recordId } },
    });
    if (!inRound) throw new AppError("NOT_FOUND", "That record is not in this round.");
    const reasonId = input.verdict === "exclude" ? (input.reasonId ?? null) : null;
    if (reasonId) {
      const reason = await tx.exclusionReason.findFirst({
        where: { id: reasonId, reviewId: scope.reviewId, stage: round.stage, archivedAt: null },
      });
      if (!reason)
        throw new AppError("INVALID_INPUT", "That exclusion reason is not in this review's list for this stage.");
    } else if (input.verdict === "exclude") {
      const settings = await tx.reviewStageSetting.findUnique({
        where: { reviewId_stage: { reviewId: scope.reviewId, stage: round.stage } },
      });
      if (effectiveReasonRequired(round.stage, settings?.reasonRequired ?? false))
        throw new AppError("INVALID_INPUT", "Choose an exclusion reason: this stage requires one.");
    }
    const decision = await tx.calibrationDecision.upsert({
      where: {
        roundId_recordId_reviewerId: { roundId: round.id, recordId: input.recordId, reviewerId: scope.actorId },
      },
      create: {
        roundId: round.id,
        recordId: input.recordId,
        reviewerId: scope.actorId,
        verdict: input.verdict,
        reasonId,
        note,
      },
      update: { verdict: input.verdict, reasonId, note },
    });
    await recordAuditEvent(tx, {
      ...scope,
      action: "calibration.decided",
      entityType: "calibration_decision",
      entityId: decision.id,
      data: { roundId: round.id, recordId: input.recordId, verdict: input.verdict, reasonId, note },
    });
    const [participants, records, decisions] = await Promise.all([
      tx.calibrationParticipant.count({ where: { roundId: round.id } }),
      tx.calibrationRecord.count({ where: { roundId: round.id } }),
      tx.calibrationDecision.count({ where: { roundId: round.id } }),
    ]);
    const closed = decisions >= participants * records;
    if (closed) await closeRoundTx(tx, scope, round.id, "all_done");
    return { recordId: input.recordId, verdict: input.verdict, roundClosed: closed };
  });
}

/** Takes back the caller's most recent practice decision in the open round. */
export async function undoInRound(db: Db, scope: ActorScope, roundId: string) {
  return db.$transaction(async (tx) => {
    const round = await lockRound(tx, scope.reviewId, roundId);
    await myOpenRound(tx, scope, round.id);
    if (round.status !== "open") throw new AppError("STALE", `Round ${round.number} is closed: nothing was undone.`);
    const last = await tx.calibrationDecision.findFirst({
      where: { roundId, reviewerId: scope.actorId },
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
    });
    if (!last) throw new AppError("NOT_FOUND", "You have no decision in this round to undo.");
    await tx.calibrationDecision.delete({ where: { id: last.id } });
    await recordAuditEvent(tx, {
      ...scope,
      action: "calibration.decision_undone",
      entityType: "calibration_decision",
      entityId: last.id,
      data: { roundId, recordId: last.recordId, verdict: last.verdict },
    });
    return { recordId: last.recordId, restored: null };
  });
}
