// Opening, closing and adopting calibration rounds. A lead opens a round on a few unscreened records at a stage;
// the participants screen them blind (round-screening.ts); once everyone is done, or a lead closes it, the whole
// team reads the calibration view (calibration-view.ts).

import { z } from "zod";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { AppError } from "../errors/app-error";
import { recordCriteriaVersion } from "../reviews/criteria-versions";
import { evaluation, notOverridden, outcomeWrites } from "../screening/outcome";
import { eligibleRecords, stageSql } from "../screening-queue/eligibility";
import type { ActorScope } from "../shared/actor";
import { rolesFrom } from "../shared/roles";
import { STAGES, type Stage } from "../shared/stages";
import { DEFAULT_KAPPA_TARGET, MAX_ROUND_RECORDS } from "./round-limits";

const Id = z.string().min(1).max(64);
export const OpenRoundInput = z.object({
  stage: z.enum(STAGES),
  /** A random sample of this many unscreened records; or `recordIds`, chosen in the record browser. */
  size: z.number().int().min(2, "A round needs at least 2 records.").max(MAX_ROUND_RECORDS).optional(),
  recordIds: z.array(Id).min(2, "Choose at least 2 records for a round.").max(MAX_ROUND_RECORDS).optional(),
  /** Everyone who screens when absent. */
  participantIds: z.array(Id).min(2, "A round needs at least 2 participants.").max(100).optional(),
  kappaTarget: z.number().min(-1).max(1).default(DEFAULT_KAPPA_TARGET),
});

/** Records no one has screened at the stage and no earlier round at the stage has taken. */
const unscreened = (stage: Stage) => Prisma.sql`${eligibleRecords("r", stage)}
  AND NOT EXISTS (SELECT 1 FROM screening_decisions d WHERE d.record_id = r.id AND d.stage = ${stageSql(stage)})
  AND NOT EXISTS (SELECT 1 FROM screening_outcomes o WHERE o.record_id = r.id AND o.stage = ${stageSql(stage)} AND o.status <> 'awaiting')
  AND NOT EXISTS (SELECT 1 FROM calibration_records cr JOIN calibration_rounds cx ON cx.id = cr.round_id
                   WHERE cr.record_id = r.id AND cx.stage = ${stageSql(stage)})`;

async function roundRecordIds(tx: Tx, reviewId: string, input: z.infer<typeof OpenRoundInput>): Promise<string[]> {
  if (input.recordIds) {
    const wanted = [...new Set(input.recordIds)];
    const found = await tx.$queryRaw<{ id: string }[]>`
      SELECT r.id FROM records r WHERE r.review_id = ${reviewId} AND r.id = ANY(${wanted}::text[]) AND ${unscreened(input.stage)}`;
    if (found.length !== wanted.length) {
      throw new AppError(
        "INVALID_INPUT",
        `${wanted.length - found.length} of the chosen records cannot go into a round: a round takes only records nobody has screened at this stage and no earlier round has used.`,
      );
    }
    return wanted;
  }
  const size = input.size ?? 10;
  const sample = await tx.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM records r WHERE r.review_id = ${reviewId} AND ${unscreened(input.stage)} ORDER BY random() LIMIT ${size}`;
  if (sample.length < 2)
    throw new AppError("INVALID_INPUT", "Fewer than 2 records are left unscreened at this stage for a round.");
  return sample.map((r) => r.id);
}

async function roundParticipants(tx: Tx, reviewId: string, ids: string[] | undefined): Promise<string[]> {
  const screeners = await tx.membership.findMany({
    where: { reviewId, removedAt: null, role: { in: rolesFrom("reviewer") } },
    select: { userId: true },
  });
  const all = screeners.map((m) => m.userId);
  if (!ids) {
    if (all.length < 2) throw new AppError("INVALID_INPUT", "A round needs at least 2 members who screen.");
    return all;
  }
  const wanted = [...new Set(ids)];
  if (wanted.some((id) => !all.includes(id)))
    throw new AppError("INVALID_INPUT", "Every participant must be a member who screens (a reviewer, lead or owner).");
  if (wanted.length < 2) throw new AppError("INVALID_INPUT", "A round needs at least 2 participants.");
  return wanted;
}

export async function openRound(db: Db, scope: ActorScope, raw: z.input<typeof OpenRoundInput>) {
  const input = OpenRoundInput.parse(raw);
  return db.$transaction(async (tx) => {
    // The review row lock makes two leads opening rounds at once take turns (one open round at a time).
    const criteria = await recordCriteriaVersion(tx, scope);
    const open = await tx.calibrationRound.findFirst({ where: { reviewId: scope.reviewId, status: "open" } });
    if (open) throw new AppError("STALE", `Round ${open.number} is still open: close it before opening another.`);
    const [recordIds, participants, last] = await Promise.all([
      roundRecordIds(tx, scope.reviewId, input),
      roundParticipants(tx, scope.reviewId, input.participantIds),
      tx.calibrationRound.findFirst({ where: { reviewId: scope.reviewId }, orderBy: { number: "desc" } }),
    ]);
    const round = await tx.calibrationRound.create({
      data: {
        reviewId: scope.reviewId,
        number: (last?.number ?? 0) + 1,
        stage: input.stage,
        criteriaVersionId: criteria.id,
        kappaTarget: input.kappaTarget,
        openedById: scope.actorId,
        participants: { create: participants.map((userId) => ({ userId })) },
        records: { create: recordIds.map((recordId, position) => ({ recordId, position })) },
      },
    });
    await recordAuditEvent(tx, {
      ...scope,
      action: "calibration.round_opened",
      entityType: "calibration_round",
      entityId: round.id,
      data: {
        number: round.number,
        stage: input.stage,
        records: recordIds.length,
        chosen: Boolean(input.recordIds),
        participants,
        kappaTarget: input.kappaTarget,
        criteriaVersion: criteria.number,
      },
    });
    return round;
  });
}

export async function lockRound(tx: Tx, reviewId: string, roundId: string) {
  await tx.$queryRaw`SELECT 1 FROM calibration_rounds WHERE id = ${roundId} FOR UPDATE`;
  const round = await tx.calibrationRound.findFirst({ where: { id: roundId, reviewId } });
  if (!round) throw new AppError("NOT_FOUND", "That calibration round is not in this review.");
  return round;
}

/** Closes the round to decisions; `because` says whether a lead closed it or everyone had finished. */
export async function closeRoundTx(tx: Tx, scope: ActorScope, roundId: string, because: "lead" | "all_done") {
  await tx.calibrationRound.update({
    where: { id: roundId },
    data: { status: "closed", closedAt: new Date(), closedById: because === "lead" ? scope.actorId : null },
  });
  await recordAuditEvent(tx, {
    ...scope,
    action: "calibration.round_closed",
    entityType: "calibration_round",
    entityId: roundId,
    data: { because },
  });
}

export async function closeRound(db: Db, scope: ActorScope, roundId: string) {
  return db.$transaction(async (tx) => {
    const round = await lockRound(tx, scope.reviewId, roundId);
    if (round.status === "closed") throw new AppError("STALE", `Round ${round.number} is already closed.`);
    await closeRoundTx(tx, scope, roundId, "lead");
  });
}

/**
 * Settles the records of a closed round on which every participant gave the same verdict (at full text, the
 * same exclusion reason too, as screening itself requires), as if the participants had screened them in
 * screening proper: the outcome, and at title/abstract the full text sought. Records that screening has reached
 * since the round are left as screening has them.
 */
export async function adoptRound(db: Db, scope: ActorScope, roundId: string) {
  return db.$transaction(async (tx) => {
    const round = await lockRound(tx, scope.reviewId, roundId);
    if (round.status !== "closed") throw new AppError("STALE", "Close the round before adopting its decisions.");
    if (round.adoptedAt) throw new AppError("STALE", `Round ${round.number}'s decisions were already adopted.`);
    const [participants, records] = await Promise.all([
      tx.calibrationParticipant.count({ where: { roundId } }),
      tx.calibrationRecord.findMany({ where: { roundId }, orderBy: { position: "asc" }, select: { recordId: true } }),
    ]);
    const s = stageSql(round.stage);
    const now = new Date();
    const adopted: string[] = [];
    for (const { recordId } of records) {
      await tx.$queryRaw`SELECT 1 FROM records WHERE id = ${recordId} AND review_id = ${scope.reviewId} FOR UPDATE`;
      const decisions = Prisma.sql`SELECT d.verdict, d.reason_id, d.created_at AS decided_at FROM calibration_decisions d
        WHERE d.round_id = ${roundId} AND d.record_id = ${recordId}`;
      const [row] = await tx.$queryRaw<{ settled: number }[]>`
        WITH evaluated AS (
          SELECT e.* FROM (${evaluation(decisions, Prisma.sql`${participants}::int`, round.stage)}) e
           WHERE e.status IN ('included', 'excluded') AND ${notOverridden(recordId, round.stage)}
             AND NOT EXISTS (SELECT 1 FROM screening_decisions sd WHERE sd.record_id = ${recordId} AND sd.stage = ${s})
             AND NOT EXISTS (SELECT 1 FROM screening_outcomes so WHERE so.record_id = ${recordId} AND so.stage = ${s} AND so.status <> 'awaiting')),
        ${outcomeWrites(scope.reviewId, recordId, round.stage, now.toISOString())}
        SELECT count(*)::int AS settled FROM evaluated`;
      if (row!.settled > 0) adopted.push(recordId);
    }
    await tx.calibrationRecord.updateMany({ where: { roundId, recordId: { in: adopted } }, data: { adoptedAt: now } });
    // Records settled now are no longer anyone's to screen at the stage.
    await tx.screeningAssignment.deleteMany({ where: { stage: round.stage, recordId: { in: adopted } } });
    await tx.calibrationRound.update({ where: { id: roundId }, data: { adoptedAt: now, adoptedById: scope.actorId } });
    const version = await tx.criteriaVersion.findUniqueOrThrow({ where: { id: round.criteriaVersionId } });
    await recordAuditEvent(tx, {
      ...scope,
      action: "calibration.round_adopted",
      entityType: "calibration_round",
      entityId: roundId,
      data: { number: round.number, stage: round.stage, criteriaVersion: version.number, records: adopted },
    });
    return { adopted: adopted.length, of: records.length };
  });
}
