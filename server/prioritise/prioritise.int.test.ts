import { afterAll, describe, expect, inject, it, vi } from "vitest";
import type { Db } from "../db/client";
import { pgPool } from "../db/pg-pool";
import { jobQueue, stopJobQueue } from "../jobs/queue";
import { callerFor, makeTeam, makeUser, testDb } from "../test/integration";
import { retrainRanking } from "./retrain";
import { trainingLabels } from "./training-labels";

const TA = "title_abstract" as const;
const ALS = (i: number) => ({
  title: `Mesenchymal stem cells in SOD1 ALS mice ${i}`,
  abstract: "Transplanted stem cells delayed motor neuron loss in ALS.",
});
const SALT = (i: number) => ({
  title: `Salt intake and blood pressure in adults ${i}`,
  abstract: "Lower dietary salt lowered blood pressure in a cohort.",
});

/** A review with alternating salt and ALS records (salt first), `records` in the order they were added, and two reviewers. */
async function team(n = 16) {
  const db = testDb();
  const { review, members } = await makeTeam(db);
  const r2 = await makeUser(db, "reviewer2");
  await db.membership.create({ data: { reviewId: review.id, userId: r2.id, role: "reviewer" } });
  const source = await db.source.create({ data: { reviewId: review.id, name: "PubMed", kind: "database" } });
  const records = [];
  for (let i = 0; i < n; i++) {
    records.push(
      await db.record.create({
        data: { reviewId: review.id, sourceId: source.id, ...(i % 2 === 0 ? SALT(i) : ALS(i)) },
      }),
    );
  }
  return { db, review, lead: members.lead, r1: members.reviewer, r2, records };
}

const isAls = (title: string) => title.includes("ALS");
async function decide(db: Db, userId: string, reviewId: string, recordId: string, verdict: "include" | "exclude") {
  await callerFor(db, userId).screening.decide({ reviewId, stage: TA, recordId, verdict });
}
async function ranks(db: Db, reviewId: string, reviewerId: string) {
  return (await db.rankingModel.findFirstOrThrow({ where: { reviewId, stage: TA, reviewerId } })).rankedRecordIds;
}

afterAll(() => stopJobQueue());

describe("likely relevant first", () => {
  it("is on at title/abstract for new reviews, and serving follows the reviewer's ranking once it is trained", async () => {
    const { db, review, r1, records } = await team();
    expect(
      await db.reviewStageSetting.findMany({
        where: { reviewId: review.id },
        orderBy: { stage: "asc" },
        select: { stage: true, prioritise: true },
      }),
    ).toEqual([
      { stage: "title_abstract", prioritise: true },
      { stage: "full_text", prioritise: false },
    ]);
    const before = await callerFor(db, r1.id).screening.next({ reviewId: review.id, stage: TA, count: 2 });
    expect(before.map((s) => s.record.id)).toEqual([records[0]!.id, records[1]!.id]); // untrained: import order
    await decide(db, r1.id, review.id, records[0]!.id, "exclude"); // salt
    await decide(db, r1.id, review.id, records[1]!.id, "include"); // ALS
    expect(await retrainRanking(db, { reviewId: review.id, stage: TA, reviewerId: r1.id })).toMatchObject({
      labelled: 2,
      includes: 1,
      ranked: records.length - 2,
    });

    const after = await callerFor(db, r1.id).screening.next({ reviewId: review.id, stage: TA, count: 3 });
    expect(after.map((s) => isAls(s.record.title))).toEqual([true, true, true]);
    const mine = await callerFor(db, r1.id).prioritise.myRanking({
      reviewId: review.id,
      stage: TA,
      recordIds: after.map((s) => s.record.id),
    });
    expect(mine.model).toMatchObject({ labelled: 2, includes: 1 });
    for (const s of after) expect(mine.relevance[s.record.id]).toBeGreaterThan(50);
  });

  it("walks a long ranking past records already settled, then serves the records ranked since in import order", async () => {
    const { db, review, r1, records } = await team(100);
    const ranked = records
      .slice(0, 80)
      .reverse()
      .map((r) => r.id);
    await db.rankingModel.create({
      data: { reviewId: review.id, stage: TA, reviewerId: r1.id, trainedAt: new Date(), rankedRecordIds: ranked },
    });
    const next = async (count: number) =>
      (await callerFor(db, r1.id).screening.next({ reviewId: review.id, stage: TA, count })).map((s) => s.record.id);
    expect(await next(3)).toEqual(ranked.slice(0, 3));
    for (const id of ranked.slice(0, 60)) await decide(db, r1.id, review.id, id, "exclude"); // past the first window
    expect(await next(2)).toEqual(ranked.slice(60, 62));
    for (const id of ranked.slice(60)) await decide(db, r1.id, review.id, id, "exclude");
    expect(await next(2)).toEqual([records[80]!.id, records[81]!.id]);
  });

  it("ranks only the records that still need the reviewer", async () => {
    const { db, review, lead, r1, r2, records } = await team();
    await decide(db, r2.id, review.id, records[4]!.id, "exclude");
    await decide(db, lead.id, review.id, records[4]!.id, "exclude"); // settled by agreement, unseen by r1 (blinded)
    await decide(db, r1.id, review.id, records[0]!.id, "exclude");
    await decide(db, r1.id, review.id, records[1]!.id, "include");
    expect(await retrainRanking(db, { reviewId: review.id, stage: TA, reviewerId: r1.id })).toMatchObject({
      labelled: 2,
      ranked: records.length - 3,
    });
    const ranked = await ranks(db, review.id, r1.id);
    expect(ranked).not.toContain(records[4]!.id);
    expect(ranked).not.toContain(records[0]!.id);
  });

  it("a reviewer's ranking never learns from a co-reviewer's unresolved decisions", async () => {
    const { db, review, r1, r2, records } = await team();
    await decide(db, r2.id, review.id, records[2]!.id, "exclude");
    await decide(db, r2.id, review.id, records[3]!.id, "include");
    await retrainRanking(db, { reviewId: review.id, stage: TA, reviewerId: r2.id });
    const first = await ranks(db, review.id, r2.id);
    // r1 decides the opposite way on records r2 has not seen, and on one r2 decided (a conflict, unresolved).
    await decide(db, r1.id, review.id, records[4]!.id, "include");
    await decide(db, r1.id, review.id, records[5]!.id, "exclude");
    await decide(db, r1.id, review.id, records[3]!.id, "exclude");
    const input = await trainingLabels(db, { reviewId: review.id, stage: TA, reviewerId: r2.id });
    expect([...input!.labels.values()].sort()).toEqual([0, 1]);
    await retrainRanking(db, { reviewId: review.id, stage: TA, reviewerId: r2.id });
    expect(await ranks(db, review.id, r2.id)).toEqual(first);
  });

  it("learns a lead-resolved record, the lead's verdict over the reviewer's own decision", async () => {
    const { db, review, lead, r1, r2, records } = await team();
    await decide(db, r1.id, review.id, records[1]!.id, "include");
    await decide(db, r2.id, review.id, records[1]!.id, "exclude");
    const [conflict] = await callerFor(db, lead.id).screening.conflicts({ reviewId: review.id, stage: TA });
    await callerFor(db, lead.id).screening.resolveConflict({
      reviewId: review.id,
      conflictId: conflict!.id,
      verdict: "include",
    });
    const input = await trainingLabels(db, { reviewId: review.id, stage: TA, reviewerId: r2.id });
    expect([...input!.labels]).toEqual([[1, 1]]); // the lead's verdict overrides r2's own exclusion
  });
});

describe("retraining as decisions arrive", () => {
  it("queues one coalesced job per reviewer after decisions commit, without the decision waiting for training", async () => {
    process.env.DATABASE_URL = inject("databaseUrl");
    await jobQueue();
    const { db, review, r1, records } = await team();
    for (const [i, verdict] of [
      [0, "exclude"],
      [1, "include"],
      [2, "exclude"],
    ] as const) {
      await decide(db, r1.id, review.id, records[i]!.id, verdict);
    }
    // No worker runs here: the decisions returned although nothing was trained.
    expect(await db.rankingModel.count({ where: { reviewId: review.id } })).toBe(0);
    const queued = async () =>
      (
        await pgPool().query(
          `SELECT data FROM pgboss.job WHERE name = 'ranking' AND data->>'reviewId' = $1 AND state = 'created'`,
          [review.id],
        )
      ).rows;
    await vi.waitFor(async () => expect(await queued()).toHaveLength(1));
    const [job] = await queued();
    expect(job.data).toEqual({ reviewId: review.id, stage: TA, reviewerId: r1.id });
    await retrainRanking(db, job.data);
    expect(await db.rankingModel.findFirst({ where: { reviewId: review.id, reviewerId: r1.id } })).toMatchObject({
      labelled: 3,
      includes: 1,
    });
  });
});
