// A blinded two-reviewer review for reopening and overriding: a lead, reviewers A and B, the owner, exclusion
// reasons at both stages, the ALS clinical extraction form, and `records` records from PubMed, ids in order.
import { randomBytes } from "node:crypto";
import { createReview } from "../reviews/create-review";
import type { Stage } from "../shared/stages";
import { callerFor, makeUser, testDb } from "../test/integration";

export const TA = "title_abstract" as const;
export const FT = "full_text" as const;

export async function reopenTeam(records: number) {
  const db = testDb();
  const owner = await makeUser(db, "owner");
  const review = await createReview(db, owner.id, {
    title: `Reopen ${randomBytes(3).toString("hex")}`,
    exclusionReasons: { title_abstract: ["Not ALS", "Animal study"], full_text: ["Wrong design"] },
    extractionTemplates: ["als_clinical"],
  });
  const reviewId = review.id;
  const [lead, a, b] = [await makeUser(db, "Lena Lead"), await makeUser(db, "Ana"), await makeUser(db, "Ben")];
  await db.membership.createMany({
    data: [
      { reviewId, userId: lead.id, role: "lead" },
      { reviewId, userId: a.id, role: "reviewer" },
      { reviewId, userId: b.id, role: "reviewer" },
    ],
  });
  const reasons = await db.exclusionReason.findMany({ where: { reviewId } });
  const reason = (label: string) => reasons.find((r) => r.label === label)!.id;
  const source = await db.source.create({ data: { reviewId, name: "PubMed", kind: "database" } });
  await db.record.createMany({
    data: Array.from({ length: records }, (_, i) => ({
      reviewId,
      sourceId: source.id,
      title: `Mesenchymal stem cells in ALS, trial ${i}`,
      authors: [`Author${i} A`],
      year: 2010 + i,
    })),
  });
  const ids = (await db.record.findMany({ where: { reviewId }, orderBy: { id: "asc" } })).map((r) => r.id);
  const callers = {
    lead: callerFor(db, lead.id),
    a: callerFor(db, a.id),
    b: callerFor(db, b.id),
    owner: callerFor(db, owner.id),
  };
  /** A and B decide a record at a stage; an exclusion takes the stage's first reason unless one is given. */
  async function both(stage: Stage, recordId: string, verdicts: ["include" | "exclude", "include" | "exclude"]) {
    const reasonId = stage === FT ? reason("Wrong design") : reason("Not ALS");
    for (const [who, verdict] of [
      [callers.a, verdicts[0]],
      [callers.b, verdicts[1]],
    ] as const)
      await who.screening.decide({
        reviewId,
        stage,
        recordId,
        verdict,
        reasonId: verdict === "exclude" ? reasonId : undefined,
      });
  }
  const outcome = (recordId: string, stage: Stage) =>
    db.screeningOutcome.findUnique({ where: { recordId_stage: { recordId, stage } } });
  const flow = async () => (await callers.lead.prisma2020Flow.diagram({ reviewId })).flow;
  return { db, review, reviewId, ids, users: { owner, lead, a, b }, ...callers, reason, both, outcome, flow };
}
