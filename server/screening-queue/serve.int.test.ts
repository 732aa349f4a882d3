// Handing records out: never to more reviewers than a record needs at once, and back to the pool when a
// reviewer who was served a record does not decide it in time.
import { describe, expect, it } from "vitest";
import { callerFor, makeTeam, makeUser, testDb } from "../test/integration";
import { SERVE_MINUTES } from "./serve";

const TA = "title_abstract" as const;

describe("serving records", () => {
  it("a served record that is not decided in time goes back to the pool, and a live one does not", async () => {
    const db = testDb();
    const { review, members } = await makeTeam(db);
    const [second, third] = await Promise.all([makeUser(db, "reviewer2"), makeUser(db, "reviewer3")]);
    await db.membership.createMany({
      data: [second, third].map((u) => ({ reviewId: review.id, userId: u.id, role: "reviewer" as const })),
    });
    const source = await db.source.create({ data: { reviewId: review.id, name: "PubMed", kind: "database" } });
    const record = await db.record.create({ data: { reviewId: review.id, sourceId: source.id, title: "Only record" } });
    const next = (userId: string) => callerFor(db, userId).screening.next({ reviewId: review.id, stage: TA, count: 2 });

    expect((await next(members.reviewer.id)).map((i) => i.record.id)).toEqual([record.id]);
    expect((await next(second.id)).map((i) => i.record.id)).toEqual([record.id]);
    expect(await next(third.id)).toEqual([]);
    const served = await db.screeningAssignment.findFirstOrThrow({
      where: { recordId: record.id, reviewerId: members.reviewer.id },
    });
    // Stored in UTC like every Prisma timestamp: it lapses SERVE_MINUTES after it was served.
    expect(served.expiresAt!.getTime() - served.servedAt.getTime()).toBe(SERVE_MINUTES * 60_000);
    expect(Math.abs(served.servedAt.getTime() - Date.now())).toBeLessThan(60_000);

    await db.screeningAssignment.update({ where: { id: served.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await next(third.id)).map((i) => i.record.id)).toEqual([record.id]);
    // The first reviewer's lapsed hold no longer counts: they are not handed it back while two others hold it.
    expect(await next(members.reviewer.id)).toEqual([]);
  });
});
