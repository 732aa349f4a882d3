// A review with a lead, `reviewers` reviewers and `records` untitled records from one source, ids in import order.
import { makeTeam, makeUser, testDb } from "../test/integration";

export const TA = "title_abstract" as const;

export async function team(records: number, reviewers = 2) {
  const db = testDb();
  const { review, members } = await makeTeam(db);
  const extra = await Promise.all(Array.from({ length: reviewers - 1 }, (_, i) => makeUser(db, `reviewer${i + 2}`)));
  await db.membership.createMany({
    data: extra.map((u) => ({ reviewId: review.id, userId: u.id, role: "reviewer" as const })),
  });
  const source = await db.source.create({ data: { reviewId: review.id, name: "PubMed", kind: "database" } });
  await db.record.createMany({
    data: Array.from({ length: records }, (_, i) => ({
      reviewId: review.id,
      sourceId: source.id,
      title: `Record ${i}`,
    })),
  });
  const ids = (await db.record.findMany({ where: { reviewId: review.id }, orderBy: { id: "asc" } })).map((r) => r.id);
  return { db, review, lead: members.lead, reviewers: [members.reviewer, ...extra], ids };
}
