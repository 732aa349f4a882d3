// "Can we stop?" for a team: a lead opens a random sample of the records nobody has screened yet, the stage then
// serves records in random order, and once the sample shows the target recall was reached the lead may exclude
// the rest in bulk ("below stopping threshold"), audited and reversible.

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import { Prisma } from "../db/generated/client.ts";
import { AppError } from "../errors/app-error";
import { eligibleRecords, liveAssignment, stageSql, unsettled } from "../screening-queue/eligibility";
import type { ActorScope } from "../shared/actor";
import { newId } from "../shared/ids";
import type { Stage } from "../shared/stages";
import { stoppingTest } from "./stopping-rule";

export interface SampleSettings {
  recallTarget: number;
  confidence: number;
}

/**
 * Eligible records of the stage that nobody has decided on and that are not excluded already. A record a lead
 * reopened or overrode (server/screening/reopen-override.ts) was judged by people before, even when its decisions
 * were superseded or it had none: it is not an unscreened record a random sample speaks for.
 */
function untouched(stage: Stage) {
  const s = stageSql(stage);
  return Prisma.sql`${eligibleRecords("r", stage)}
    AND NOT EXISTS (SELECT 1 FROM screening_decisions d WHERE d.record_id = r.id AND d.stage = ${s})
    AND NOT EXISTS (SELECT 1 FROM superseded_decisions sd WHERE sd.record_id = r.id AND sd.stage = ${s})
    AND NOT EXISTS (SELECT 1 FROM outcome_changes oc WHERE oc.record_id = r.id AND oc.stage = ${s})
    AND ${unsettled(stage)}`;
}

interface Urn {
  startedAt: Date;
  heldRecordIds: string[];
}

/**
 * Records of the sample's urn. Records imported after the sample began were never in it, and records already in
 * reviewers' hands were drawn by the ranking rather than at random: the test says nothing about either, so they
 * are neither counted as sampled nor excluded.
 */
function inUrn(urn: Urn) {
  return Prisma.sql`r.created_at <= ${urn.startedAt} AND NOT (r.id = ANY(${urn.heldRecordIds}::text[]))`;
}

/** Untouched records a reviewer holds right now (served and not yet lapsed, or allocated by a lead). */
async function heldRecords(tx: Tx, reviewId: string, stage: Stage): Promise<string[]> {
  const s = stageSql(stage);
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT DISTINCT r.id FROM screening_assignments a JOIN records r ON r.id = a.record_id
     WHERE a.review_id = ${reviewId} AND a.stage = ${s} AND ${liveAssignment("a")}
       AND ${untouched(stage)}
     ORDER BY r.id`;
  return rows.map((r) => r.id);
}

/**
 * The stage's untouched records in one pass: all of them, and for an open sample those its urn still holds (what
 * excluding below the threshold would exclude now) and those imported since it began (which it cannot speak for).
 */
async function untouchedCounts(db: Pick<Tx, "$queryRaw">, reviewId: string, stage: Stage, urn: Urn | null) {
  const since = urn ? Prisma.sql`r.created_at > ${urn.startedAt}` : Prisma.sql`FALSE`;
  const [row] = await db.$queryRaw<{ untouched: number; excludable: number; imported_since: number }[]>`
    SELECT count(*)::int AS untouched, count(*) FILTER (WHERE ${urn ? inUrn(urn) : Prisma.sql`FALSE`})::int AS excludable,
           count(*) FILTER (WHERE ${since})::int AS imported_since
      FROM records r WHERE r.review_id = ${reviewId} AND ${untouched(stage)}`;
  return { untouched: row!.untouched, excludable: row!.excludable, importedSince: row!.imported_since };
}

/** The stage's open stopping sample, if any: while it is open, serving is random. */
export async function openSample(db: Pick<Tx, "stoppingSample">, reviewId: string, stage: Stage) {
  return db.stoppingSample.findFirst({ where: { reviewId, stage, closedAt: null }, orderBy: { startedAt: "desc" } });
}

/**
 * The sample's figures and the test: records of the urn settled since it began, and includes found outside it
 * (before it began, or among the records already in reviewers' hands then).
 */
async function sampleTest(
  db: Tx,
  sample: Urn & {
    id: string;
    reviewId: string;
    stage: Stage;
    remaining: number;
    recallTarget: number;
    confidence: number;
  },
) {
  const s = stageSql(sample.stage);
  const [row] = await db.$queryRaw<{ sampled: number; sample_includes: number; includes_before: number }[]>`
    WITH first AS (
      -- A record's first decision, from a round a lead reopened too: a reopened record was screened before.
      SELECT d.record_id, min(d.created_at) AS first_at FROM (
        SELECT record_id, created_at FROM screening_decisions WHERE review_id = ${sample.reviewId} AND stage = ${s}
        UNION ALL
        SELECT record_id, created_at FROM superseded_decisions WHERE review_id = ${sample.reviewId} AND stage = ${s}) d
       GROUP BY d.record_id)
    SELECT count(*) FILTER (WHERE f.first_at >= ${sample.startedAt} AND ${inUrn(sample)})::int AS sampled,
           count(*) FILTER (WHERE f.first_at >= ${sample.startedAt} AND ${inUrn(sample)} AND o.status = 'included')::int AS sample_includes,
           count(*) FILTER (WHERE (f.first_at < ${sample.startedAt} OR r.id = ANY(${sample.heldRecordIds}::text[]))
                              AND o.status = 'included')::int AS includes_before
      FROM screening_outcomes o JOIN first f ON f.record_id = o.record_id JOIN records r ON r.id = o.record_id
     WHERE o.review_id = ${sample.reviewId} AND o.stage = ${s} AND o.status IN ('included', 'excluded') AND o.stopping_sample_id IS NULL`;
  const figures = { sampled: row!.sampled, sampleIncludes: row!.sample_includes, includesBefore: row!.includes_before };
  return {
    ...figures,
    ...stoppingTest({
      ...figures,
      remaining: sample.remaining,
      recallTarget: sample.recallTarget,
      confidence: sample.confidence,
    }),
  };
}

/** How many records were held when the sample began, not which: the ids say nothing a screen needs. */
function withHeldCount<T extends { heldRecordIds: string[] }>({ heldRecordIds, ...sample }: T) {
  return { ...sample, heldRecords: heldRecordIds.length };
}

export async function stoppingStatus(db: Db, reviewId: string, stage: Stage) {
  const sample = await openSample(db, reviewId, stage);
  const excluded = await db.stoppingSample.findFirst({
    where: { reviewId, stage, excludedAt: { not: null } },
    orderBy: { excludedAt: "desc" },
  });
  const counts = await untouchedCounts(db, reviewId, stage, sample);
  return {
    untouched: counts.untouched,
    sample: sample && {
      ...withHeldCount(sample),
      test: await sampleTest(db, sample),
      excludable: counts.excludable,
      importedSince: counts.importedSince,
    },
    excluded: excluded && {
      id: excluded.id,
      excludedAt: excluded.excludedAt!,
      excludedCount: excluded.excludedCount,
      recallTarget: excluded.recallTarget,
      confidence: excluded.confidence,
    },
  };
}

export async function startStoppingSample(db: Db, scope: ActorScope, stage: Stage, settings: SampleSettings) {
  return db.$transaction(async (tx) => {
    // One open sample per stage; the review row lock serialises two leads starting one at once.
    await tx.$queryRaw`SELECT id FROM reviews WHERE id = ${scope.reviewId} FOR UPDATE`;
    if (await openSample(tx, scope.reviewId, stage))
      throw new AppError("STALE", "A stopping sample is already open at this stage.");
    const { untouched: unscreened } = await untouchedCounts(tx, scope.reviewId, stage, null);
    if (unscreened === 0)
      throw new AppError("INVALID_INPUT", "Every record has been screened: there is nothing left to sample.");
    const heldRecordIds = await heldRecords(tx, scope.reviewId, stage);
    const n = unscreened - heldRecordIds.length;
    if (n === 0) {
      throw new AppError(
        "INVALID_INPUT",
        "Every record left is already with a reviewer, so there is nothing to sample at random; try again once they are screened.",
      );
    }
    const sample = await tx.stoppingSample.create({
      data: { reviewId: scope.reviewId, stage, startedById: scope.actorId, remaining: n, heldRecordIds, ...settings },
    });
    await recordAuditEvent(tx, {
      ...scope,
      action: "stopping.sample_started",
      entityType: "stopping_sample",
      entityId: sample.id,
      data: { stage, remaining: sample.remaining, heldByReviewers: heldRecordIds.length, ...settings },
    });
    return sample;
  });
}

async function lockSample(tx: Tx, reviewId: string, sampleId: string) {
  await tx.$queryRaw`SELECT id FROM stopping_samples WHERE id = ${sampleId} FOR UPDATE`;
  const sample = await tx.stoppingSample.findFirst({ where: { id: sampleId, reviewId } });
  if (!sample) throw new AppError("NOT_FOUND", "That stopping sample is not in this review.");
  return sample;
}

/** Ends an open sample without excluding anything; the stage goes back to serving the likeliest includes first. */
export async function closeStoppingSample(db: Db, scope: ActorScope, sampleId: string) {
  return db.$transaction(async (tx) => {
    const sample = await lockSample(tx, scope.reviewId, sampleId);
    if (sample.closedAt) throw new AppError("STALE", "That stopping sample is already closed.");
    await tx.stoppingSample.update({ where: { id: sample.id }, data: { closedAt: new Date() } });
    await recordAuditEvent(tx, {
      ...scope,
      action: "stopping.sample_closed",
      entityType: "stopping_sample",
      entityId: sample.id,
      data: { stage: sample.stage },
    });
  });
}

/** Excludes every untouched record of the sample's urn once the sample shows the target recall was reached. */
export async function excludeBelowThreshold(db: Db, scope: ActorScope, sampleId: string) {
  return db.$transaction(async (tx) => {
    const sample = await lockSample(tx, scope.reviewId, sampleId);
    if (sample.closedAt) throw new AppError("STALE", "That stopping sample is closed.");
    const test = await sampleTest(tx, sample);
    if (!test.canStop) {
      throw new AppError(
        "INVALID_INPUT",
        `The sample does not yet show ${Math.round(sample.recallTarget * 100)} % recall at ${Math.round(sample.confidence * 100)} % confidence (p = ${test.pValue.toFixed(3)}).`,
      );
    }
    const s = stageSql(sample.stage);
    const now = new Date();
    const below = Prisma.sql`r.review_id = ${scope.reviewId} AND ${untouched(sample.stage)} AND ${inUrn(sample)}`;
    // The new outcomes' ids are made here, so their records are read first; the insert asks again whether each is
    // still untouched, since a decision may have come in between.
    const records = (await tx.$queryRaw<{ id: string }[]>`SELECT r.id FROM records r WHERE ${below} ORDER BY r.id`).map(
      (r) => r.id,
    );
    const excluded = await tx.$executeRaw`
      INSERT INTO screening_outcomes (id, review_id, record_id, stage, status, settled_at, stopping_sample_id)
      SELECT u.id, r.review_id, r.id, ${s}, 'excluded', ${now}, ${sample.id}
        FROM unnest(${records}::text[], ${records.map(() => newId())}::text[]) AS u(record_id, id)
        JOIN records r ON r.id = u.record_id
       WHERE ${below}
      ON CONFLICT (record_id, stage) DO UPDATE SET status = 'excluded', settled_at = ${now}, stopping_sample_id = ${sample.id}, reason_id = NULL`;
    await tx.screeningAssignment.deleteMany({
      where: {
        reviewId: scope.reviewId,
        stage: sample.stage,
        record: { outcomes: { some: { stage: sample.stage, stoppingSampleId: sample.id } } },
      },
    });
    await tx.stoppingSample.update({
      where: { id: sample.id },
      data: { excludedAt: now, excludedCount: excluded, closedAt: now },
    });
    await recordAuditEvent(tx, {
      ...scope,
      action: "stopping.excluded",
      entityType: "stopping_sample",
      entityId: sample.id,
      data: {
        stage: sample.stage,
        excluded,
        pValue: test.pValue,
        sampled: test.sampled,
        sampleIncludes: test.sampleIncludes,
        includesBefore: test.includesBefore,
      },
    });
    return { excluded, pValue: test.pValue };
  });
}

/** Takes a bulk exclusion back: its records are unscreened again and the sample reopens. */
export async function revertBelowThreshold(db: Db, scope: ActorScope, sampleId: string) {
  return db.$transaction(async (tx) => {
    const sample = await lockSample(tx, scope.reviewId, sampleId);
    if (!sample.excludedAt)
      throw new AppError("STALE", "That sample's records were not excluded, or the exclusion was already reverted.");
    if (await openSample(tx, scope.reviewId, sample.stage))
      throw new AppError("STALE", "Close the open stopping sample of this stage first.");
    const restored = await tx.screeningOutcome.deleteMany({
      where: { stoppingSampleId: sample.id, status: "excluded" },
    });
    await tx.screeningOutcome.updateMany({ where: { stoppingSampleId: sample.id }, data: { stoppingSampleId: null } });
    await tx.stoppingSample.update({
      where: { id: sample.id },
      data: { excludedAt: null, excludedCount: 0, closedAt: null },
    });
    await recordAuditEvent(tx, {
      ...scope,
      action: "stopping.exclusion_reverted",
      entityType: "stopping_sample",
      entityId: sample.id,
      data: { stage: sample.stage, restored: restored.count },
    });
    return { restored: restored.count };
  });
}
