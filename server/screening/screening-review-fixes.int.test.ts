// Undo that restores a changed decision, honest "left for me" counts, conflict counts by status, and `next`
// being a mutation (it hands records out, so a GET must never trigger it).
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { appRouter } from "../api/root";
import type { Db } from "../db/client";
import { callerFor, makeTeam, makeUser, testDb } from "../test/integration";

const TA = "title_abstract" as const;

async function team(records: number, reviewers = 2) {
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

const outcome = (db: Db, recordId: string) =>
  db.screeningOutcome.findUniqueOrThrow({ where: { recordId_stage: { recordId, stage: TA } } });

describe("screening review fixes", () => {
  it("undoing a changed decision restores the earlier verdict, reason and note and re-evaluates the outcome", async () => {
    const {
      db,
      review,
      reviewers: [r1, r2],
      ids,
    } = await team(1);
    const reason = await db.exclusionReason.create({
      data: { reviewId: review.id, stage: TA, label: "Wrong population", position: 0 },
    });
    const recordId = ids[0]!;
    const one = callerFor(db, r1!.id).screening;
    await one.decide({
      reviewId: review.id,
      stage: TA,
      recordId,
      verdict: "exclude",
      reasonId: reason.id,
      note: "rats only",
    });
    await callerFor(db, r2!.id).screening.decide({ reviewId: review.id, stage: TA, recordId, verdict: "exclude" });
    expect((await outcome(db, recordId)).status).toBe("excluded");
    await one.decide({ reviewId: review.id, stage: TA, recordId, verdict: "include" });
    expect((await outcome(db, recordId)).status).toBe("conflict");

    await one.undo({ reviewId: review.id, stage: TA });
    const mine = await db.screeningDecision.findFirstOrThrow({ where: { recordId, reviewerId: r1!.id } });
    expect({ verdict: mine.verdict, reasonId: mine.reasonId, note: mine.note }).toEqual({
      verdict: "exclude",
      reasonId: reason.id,
      note: "rats only",
    });
    expect((await outcome(db, recordId)).status).toBe("excluded");
    expect((await db.conflict.findFirstOrThrow({ where: { recordId } })).status).toBe("withdrawn");
    const restored = await db.auditEvent.findFirstOrThrow({
      where: { entityId: recordId, action: "decision.restored" },
    });
    expect(restored.data).toMatchObject({
      stage: TA,
      verdict: "exclude",
      reasonId: reason.id,
      from: { verdict: "include" },
    });
  });

  it("counts as left for me only records I could be served or that are mine, not those held by others or no longer needing me", async () => {
    const {
      db,
      review,
      reviewers: [r1, r2, r3],
      ids,
    } = await team(3, 3);
    const left = async (userId: string) =>
      (await callerFor(db, userId).screening.progress({ reviewId: review.id, stage: TA })).mine.remaining;
    expect(await left(r3!.id)).toBe(3);
    await callerFor(db, r1!.id).screening.next({ reviewId: review.id, stage: TA, count: 2 });
    await callerFor(db, r2!.id).screening.next({ reviewId: review.id, stage: TA, count: 2 });
    // Two records are out with both reviewers they need; only the third could still come to r3.
    expect(await left(r3!.id)).toBe(1);
    expect(await left(r1!.id)).toBe(3);
    await callerFor(db, r1!.id).screening.decide({
      reviewId: review.id,
      stage: TA,
      recordId: ids[2]!,
      verdict: "include",
    });
    await callerFor(db, r3!.id).screening.decide({
      reviewId: review.id,
      stage: TA,
      recordId: ids[2]!,
      verdict: "maybe",
    });
    expect(await left(r1!.id)).toBe(2);
    expect(await left(r3!.id)).toBe(0);
  });

  it("gives leads conflict counts by status at each stage, and blinded reviewers none", async () => {
    const {
      db,
      review,
      lead,
      reviewers: [r1, r2],
      ids,
    } = await team(3);
    const decide = (userId: string, recordId: string, verdict: "include" | "exclude") =>
      callerFor(db, userId).screening.decide({ reviewId: review.id, stage: TA, recordId, verdict });
    for (const id of ids) {
      await decide(r1!.id, id, "include");
      await decide(r2!.id, id, "exclude");
    }
    await decide(r2!.id, ids[0]!, "include"); // now they agree: withdrawn
    const [open] = await callerFor(db, lead.id).screening.conflicts({ reviewId: review.id, stage: TA });
    await callerFor(db, lead.id).screening.resolveConflict({
      reviewId: review.id,
      conflictId: open!.id,
      verdict: "include",
    });
    const progress = await callerFor(db, lead.id).screening.progress({ reviewId: review.id, stage: TA });
    expect(progress.team.conflictsByStatus).toEqual({ open: 1, resolved: 1, withdrawn: 1 });
    const blinded = await callerFor(db, r1!.id).screening.progress({ reviewId: review.id, stage: TA });
    expect(blinded.team.conflictsByStatus).toBeNull();
    const fullText = await callerFor(db, lead.id).screening.progress({ reviewId: review.id, stage: "full_text" });
    expect(fullText.team.conflictsByStatus).toEqual({ open: 0, resolved: 0, withdrawn: 0 });
  });

  it("refuses screening.next over GET, so nothing that caches or prefetches queries can hand records out", async () => {
    const {
      db,
      review,
      reviewers: [r1],
    } = await team(2);
    const call = (method: "GET" | "POST") => {
      const input = encodeURIComponent(JSON.stringify({ json: { reviewId: review.id, stage: TA, count: 1 } }));
      const url = `http://sift.test/api/trpc/screening.next${method === "GET" ? `?input=${input}` : ""}`;
      const init =
        method === "GET"
          ? {}
          : {
              method,
              body: JSON.stringify({ json: { reviewId: review.id, stage: TA, count: 1 } }),
              headers: { "content-type": "application/json" },
            };
      return fetchRequestHandler({
        endpoint: "/api/trpc",
        req: new Request(url, init),
        router: appRouter,
        createContext: () => ({
          db,
          session: { userId: r1!.id, version: 0, sessionId: null },
          appUrl: "http://sift.test",
        }),
      });
    };
    expect((await call("GET")).status).toBe(405);
    expect(await db.screeningAssignment.count({ where: { reviewId: review.id } })).toBe(0);
    expect((await call("POST")).status).toBe(200);
    expect(await db.screeningAssignment.count({ where: { reviewId: review.id } })).toBe(1);
  });
});
