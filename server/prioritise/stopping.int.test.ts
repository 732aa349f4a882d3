import { describe, expect, it } from "vitest";
import { recordsWithResults } from "../export/record-source";
import { callerFor, makeTeam, testDb } from "../test/integration";
import { trainingLabels } from "./training-labels";

const TA = "title_abstract" as const;

/** One reviewer per record; 4 records included by prioritised screening, then 36 nobody has touched. */
async function screenedReview() {
  const db = testDb();
  const { review, members } = await makeTeam(db);
  await db.reviewStageSetting.update({
    where: { reviewId_stage: { reviewId: review.id, stage: TA } },
    data: { reviewersPerRecord: 1 },
  });
  const source = await db.source.create({ data: { reviewId: review.id, name: "PubMed", kind: "database" } });
  await db.record.createMany({
    data: Array.from({ length: 40 }, (_, i) => ({ reviewId: review.id, sourceId: source.id, title: `Record ${i}` })),
  });
  const records = await db.record.findMany({ where: { reviewId: review.id }, orderBy: { id: "asc" } });
  const reviewer = callerFor(db, members.reviewer.id);
  for (const record of records.slice(0, 4))
    await reviewer.screening.decide({ reviewId: review.id, stage: TA, recordId: record.id, verdict: "include" });
  return { db, review, lead: callerFor(db, members.lead.id), reviewer, reviewerId: members.reviewer.id };
}

describe("can we stop?", () => {
  it("leaves the records already in screeners' hands when the sample opens outside it: they were ranked, not drawn", async () => {
    const { lead, reviewer, review } = await screenedReview();
    const reviewId = review.id;
    const held = (await reviewer.screening.next({ reviewId, stage: TA, count: 2 })).map((s) => s.record.id);
    const sample = await lead.prioritise.startSample({ reviewId, stage: TA, recallTarget: 0.5, confidence: 0.5 });
    expect(sample.remaining).toBe(34); // 36 unscreened, 2 of them held
    await reviewer.screening.decide({ reviewId, stage: TA, recordId: held[0]!, verdict: "include" });
    await reviewer.screening.decide({ reviewId, stage: TA, recordId: held[1]!, verdict: "exclude" });
    let status = await lead.prioritise.stopping({ reviewId, stage: TA });
    expect(status.sample).toMatchObject({
      heldRecords: 2,
      excludable: 34,
      test: { sampled: 0, sampleIncludes: 0, includesBefore: 5 },
    });

    const [drawn] = await reviewer.screening.next({ reviewId, stage: TA, count: 1 });
    expect(held).not.toContain(drawn!.record.id);
    await reviewer.screening.decide({ reviewId, stage: TA, recordId: drawn!.record.id, verdict: "exclude" });
    status = await lead.prioritise.stopping({ reviewId, stage: TA });
    // Urn 34 with 5 includes found outside it: under H0 it holds floor(5 / 0.5 - 5 + 1) = 6, so p = 28/34.
    expect(status.sample).toMatchObject({
      excludable: 33,
      test: { sampled: 1, includesBefore: 5, includesIfBelowTarget: 6 },
    });
    expect(status.sample!.test.pValue).toBeCloseTo(28 / 34, 12);
  });

  it("samples the untouched records at random, refuses to stop early, then excludes the rest below the threshold, audited and reversible", async () => {
    const { db, review, lead, reviewer, reviewerId } = await screenedReview();
    const reviewId = review.id;
    const sample = await lead.prioritise.startSample({ reviewId, stage: TA, recallTarget: 0.5, confidence: 0.5 });
    expect(sample.remaining).toBe(36);
    await expect(lead.prioritise.startSample({ reviewId, stage: TA })).rejects.toThrow(/already open/);
    // Screeners are told why their records now come in random order.
    expect(await reviewer.prioritise.myRanking({ reviewId, stage: TA })).toMatchObject({ sampleOpen: true });

    // Serving is random while the sample is open: not the import order.
    const served = await reviewer.screening.next({ reviewId, stage: TA, count: 5 });
    const importOrder = (
      await db.record.findMany({ where: { reviewId }, orderBy: { id: "asc" }, skip: 4, take: 5 })
    ).map((r) => r.id);
    expect(served.map((s) => s.record.id)).not.toEqual(importOrder);

    await reviewer.screening.decide({ reviewId, stage: TA, recordId: served[0]!.record.id, verdict: "exclude" });
    let status = await lead.prioritise.stopping({ reviewId, stage: TA });
    // Urn 36, 1 sampled, no include; under H0 the urn holds floor(4 / 0.5 - 4 + 1) = 5 includes: p = 31/36.
    expect(status.sample!.test).toMatchObject({
      sampled: 1,
      sampleIncludes: 0,
      includesBefore: 4,
      includesIfBelowTarget: 5,
      canStop: false,
    });
    expect(status.sample!.test.pValue).toBeCloseTo(31 / 36, 12);
    await expect(lead.prioritise.excludeBelowThreshold({ reviewId, sampleId: sample.id })).rejects.toThrow(
      /does not yet show 50 % recall/,
    );

    for (const s of served.slice(1))
      await reviewer.screening.decide({ reviewId, stage: TA, recordId: s.record.id, verdict: "exclude" });
    status = await lead.prioritise.stopping({ reviewId, stage: TA });
    // p = C(31,5)/C(36,5) = (31·30·29·28·27)/(36·35·34·33·32)
    expect(status.sample!.test.pValue).toBeCloseTo((31 * 30 * 29 * 28 * 27) / (36 * 35 * 34 * 33 * 32), 12);
    expect(status.sample!.test.canStop).toBe(true);

    // An updated search brings records in while the sample is open: they were not in the urn, so screening them
    // is not sampling and excluding below the threshold leaves them alone.
    const sourceId = (await db.record.findFirstOrThrow({ where: { reviewId } })).sourceId;
    await db.record.createMany({ data: [0, 1].map((i) => ({ reviewId, sourceId, title: `Late record ${i}` })) });
    const late = await db.record.findMany({
      where: { reviewId, title: { startsWith: "Late" } },
      orderBy: { title: "asc" },
    });
    await reviewer.screening.decide({ reviewId, stage: TA, recordId: late[0]!.id, verdict: "include" });
    status = await lead.prioritise.stopping({ reviewId, stage: TA });
    expect(status.sample!.test).toMatchObject({ sampled: 5, sampleIncludes: 0, canStop: true });
    expect(status).toMatchObject({ untouched: 32, sample: { excludable: 31, importedSince: 1 } });

    expect(await lead.prioritise.excludeBelowThreshold({ reviewId, sampleId: sample.id })).toMatchObject({
      excluded: 31,
    });
    expect(
      await db.screeningOutcome.count({
        where: { reviewId, stage: TA, status: "excluded", stoppingSampleId: sample.id },
      }),
    ).toBe(31);
    expect(await db.auditEvent.count({ where: { reviewId, action: "stopping.excluded", entityId: sample.id } })).toBe(
      1,
    );
    expect((await reviewer.screening.next({ reviewId, stage: TA, count: 5 })).map((s) => s.record.title)).toEqual([
      "Late record 1",
    ]);
    // The ranked records were screened as a population: the PRISMA diagram counts the 31 inside "Records
    // excluded", on the automation side of the statement's footnote, and removes none of them before screening.
    const { flow } = await lead.prisma2020Flow.diagram({ reviewId });
    expect(flow.recordsExcludedBy).toEqual({ human: 5, automation: 31 });
    expect(flow.values).toMatchObject({ excluded_automatic: 0, records_excluded: 36 });
    expect((await lead.prisma2020Flow.items({ reviewId, list: "removed_before_screening" })).total).toBe(0);
    const excludedItems = await lead.prisma2020Flow.items({ reviewId, list: "records_excluded", limit: 50 });
    expect(excludedItems.total).toBe(36);
    expect(excludedItems.items.some((i) => i.title.startsWith("Late"))).toBe(false);
    expect(excludedItems.items.filter((i) => i.detail.includes("automation tools")).map((i) => i.detail)).toEqual(
      Array(31).fill("Title/abstract: Excluded by automation tools: below the stopping threshold"),
    );
    const exported: { reason: string | null; settledBy: string | null }[] = [];
    for await (const { result } of recordsWithResults(db, reviewId, TA, "excluded", "full"))
      exported.push({ reason: result.reason, settledBy: result.settledBy });
    expect(
      exported.filter((r) => r.reason === "Below the stopping threshold" && r.settledBy === "stopping rule"),
    ).toHaveLength(31);
    expect(exported.filter((r) => r.reason === null && r.settledBy === "agreement")).toHaveLength(5);
    expect(exported).toHaveLength(36);
    const labels = await trainingLabels(db, { reviewId, stage: TA, reviewerId });
    expect(labels!.labels.size).toBe(10); // the 10 screened records, none of the 31 excluded unscreened
    status = await lead.prioritise.stopping({ reviewId, stage: TA });
    expect(status).toMatchObject({ sample: null, untouched: 1, excluded: { id: sample.id, excludedCount: 31 } });
    expect(await reviewer.prioritise.myRanking({ reviewId, stage: TA })).toMatchObject({ sampleOpen: false });

    expect(await lead.prioritise.revertExclusion({ reviewId, sampleId: sample.id })).toEqual({ restored: 31 });
    expect(await db.screeningOutcome.count({ where: { reviewId, stage: TA, stoppingSampleId: { not: null } } })).toBe(
      0,
    );
    expect(await reviewer.screening.next({ reviewId, stage: TA, count: 2 })).toHaveLength(2);
    status = await lead.prioritise.stopping({ reviewId, stage: TA });
    expect(status).toMatchObject({ untouched: 32, excluded: null, sample: { id: sample.id, excludable: 31 } });
    await expect(lead.prioritise.revertExclusion({ reviewId, sampleId: sample.id })).rejects.toThrow(/not excluded/);
  });

  it("refuses another review's sample", async () => {
    const a = await screenedReview();
    const b = await screenedReview();
    const sample = await a.lead.prioritise.startSample({ reviewId: a.review.id, stage: TA });
    await expect(b.lead.prioritise.closeSample({ reviewId: b.review.id, sampleId: sample.id })).rejects.toThrow(
      /not in this review/,
    );
  });
});
