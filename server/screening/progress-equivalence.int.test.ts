// The kept progress counts give what the per-record query progress once ran gave, on reviews with a random mix
// of decisions, conflicts, assignments (live and lapsed), merges and removals, for every member at both stages.
import { describe, expect, it } from "vitest";
import { callerFor } from "../test/integration";
import { progressCounts } from "./progress-counts";
import { perRecordCounts, random } from "./progress-recount.fixture";
import { team } from "./team.fixture";

describe("screening progress counts, kept", () => {
  it.each([1, 2, 3])("equal the per-record query's on a random review (seed %i)", async (seed) => {
    const rnd = random(seed);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const { db, review, lead, reviewers, ids } = await team(40, 4);
    const needed = 1 + Math.floor(rnd() * 3);
    await db.reviewStageSetting.updateMany({ where: { reviewId: review.id }, data: { reviewersPerRecord: needed } });
    // Mostly includes, so that records settle as well as go to conflict.
    const verdicts = ["include", "include", "include", "include", "exclude", "maybe"] as const;
    for (let i = 0; i < 90; i++) {
      const who = pick(reviewers);
      const recordId = pick(ids);
      await callerFor(db, who.id)
        .screening.decide({ reviewId: review.id, stage: "title_abstract", recordId, verdict: pick(verdicts) })
        .catch(() => undefined); // a record already settled or in conflict: the mix stays as it is
    }
    for (const who of reviewers)
      await callerFor(db, who.id).screening.next({ reviewId: review.id, stage: "title_abstract", count: 3 });
    // Some assignments lapse.
    const held = await db.screeningAssignment.findMany({ where: { reviewId: review.id } });
    for (const a of held.filter(() => rnd() < 0.3))
      await db.screeningAssignment.update({ where: { id: a.id }, data: { expiresAt: new Date(Date.now() - 60_000) } });
    // Merges and removals, after the decisions, as a later import or a lead's removal would.
    for (const [i, id] of ids.entries()) {
      const roll = rnd();
      if (roll < 0.1 && i > 0) await db.record.update({ where: { id }, data: { duplicateOfId: ids[0]! } });
      else if (roll < 0.15)
        await db.recordRemoval.create({
          data: { recordId: id, reviewId: review.id, reason: "retracted", removedById: lead.id },
        });
    }
    // Full text: most included records' full text retrieved, and a few full-text decisions.
    const included = await db.screeningOutcome.findMany({
      where: { reviewId: review.id, stage: "title_abstract", status: "included" },
    });
    for (const o of included) {
      const retrievalStatus = rnd() < 0.8 ? ("retrieved" as const) : ("not_retrieved" as const);
      await db.report.upsert({
        where: { recordId: o.recordId },
        create: { reviewId: review.id, recordId: o.recordId, retrievalStatus },
        update: { retrievalStatus },
      });
    }
    for (let i = 0; i < 10 && included.length; i++)
      await callerFor(db, pick(reviewers).id)
        .screening.decide({
          reviewId: review.id,
          stage: "full_text",
          recordId: pick(included).recordId,
          verdict: pick(["include", "maybe"] as const),
        })
        .catch(() => undefined);

    const outcomes = await db.screeningOutcome.groupBy({
      by: ["status"],
      where: { reviewId: review.id },
      _count: true,
    });
    // The mix must hold what it is meant to test, or an equality would prove little.
    expect(outcomes.map((o) => o.status)).toEqual(expect.arrayContaining(["included", "conflict"]));
    for (const stage of ["title_abstract", "full_text"] as const)
      for (const member of [lead, ...reviewers]) {
        const scope = { reviewId: review.id, reviewerId: member.id };
        expect(await progressCounts(db, scope, stage, needed)).toEqual(
          await perRecordCounts(db, review.id, member.id, stage, needed),
        );
      }
  });
});
