// Reviewers screening the same records at the same moment: every decision is stored once, every disagreement
// has exactly one conflict, and no record is handed to more reviewers than it needs.
import { describe, expect, it } from "vitest";
import { callerFor, makeTeam, makeUser, testDb } from "../test/integration";

const RECORDS = 500;
const NEEDED = 2;

/** A reproducible shuffle, so each racer's ranking differs from the others' and from import order. */
function shuffled<T>(items: T[], seed: number): T[] {
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 16807) % 2147483647;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe("concurrent screening", () => {
  // Ranked: each racer has their own ranking of 300 of the records (the rest come after it), as after training.
  it.each(["in import order", "each racer in their own ranked order"])(
    "1,000 decisions by three reviewers racing over 500 records, %s",
    async (order) => {
      const db = testDb();
      const { review } = await makeTeam(db);
      const reviewers = await Promise.all(["racer1", "racer2", "racer3"].map((n) => makeUser(db, n)));
      await db.membership.createMany({
        data: reviewers.map((u) => ({ reviewId: review.id, userId: u.id, role: "reviewer" as const })),
      });
      const source = await db.source.create({ data: { reviewId: review.id, name: "PubMed", kind: "database" } });
      await db.record.createMany({
        data: Array.from({ length: RECORDS }, (_, i) => ({ reviewId: review.id, sourceId: source.id, title: `R${i}` })),
      });
      if (order !== "in import order") {
        const ids = (await db.record.findMany({ where: { reviewId: review.id }, select: { id: true } })).map(
          (r) => r.id,
        );
        await db.rankingModel.createMany({
          data: reviewers.map((u, i) => ({
            reviewId: review.id,
            stage: "title_abstract" as const,
            reviewerId: u.id,
            trainedAt: new Date(),
            rankedRecordIds: shuffled(ids, i + 7).slice(0, 300),
          })),
        });
      }

      const servedTo = new Map<string, Set<string>>();
      let seed = 1;
      const verdict = () => (["include", "exclude", "maybe"] as const)[(seed = (seed * 16807) % 2147483647) % 3]!;
      let busy = 0;
      const worker = async (userId: string) => {
        const screening = callerFor(db, userId).screening;
        busy++;
        for (;;) {
          const [item] = await screening.next({ reviewId: review.id, stage: "title_abstract", count: 1 });
          if (!item) {
            // Nothing free for this reviewer right now; records held by others may still need them afterwards.
            if (--busy === 0) return;
            await new Promise((r) => setTimeout(r, 20));
            busy++;
            continue;
          }
          const set = servedTo.get(item.record.id) ?? new Set();
          servedTo.set(item.record.id, set.add(userId));
          await screening.decide({
            reviewId: review.id,
            stage: "title_abstract",
            recordId: item.record.id,
            verdict: verdict(),
          });
        }
      };
      // Two workers per reviewer, as if each had the screen open twice.
      await Promise.all(reviewers.flatMap((u) => [worker(u.id), worker(u.id)]));

      const decisions = await db.screeningDecision.findMany({
        where: { reviewId: review.id },
        select: { recordId: true, verdict: true },
      });
      expect(decisions).toHaveLength(RECORDS * NEEDED);
      const byRecord = new Map<string, typeof decisions>();
      for (const d of decisions) byRecord.set(d.recordId, [...(byRecord.get(d.recordId) ?? []), d]);
      expect([...byRecord.values()].every((ds) => ds.length === NEEDED)).toBe(true);
      expect([...servedTo.values()].every((who) => who.size <= NEEDED)).toBe(true);

      const disagreements = [...byRecord.entries()].filter(
        ([, ds]) => new Set(ds.map((d) => d.verdict)).size > 1 || ds.some((d) => d.verdict === "maybe"),
      );
      const conflicts = await db.conflict.findMany({
        where: { reviewId: review.id, status: "open" },
        select: { recordId: true },
      });
      expect(conflicts.map((c) => c.recordId).sort()).toEqual(disagreements.map(([id]) => id).sort());
      const settled = await db.screeningOutcome.count({
        where: { reviewId: review.id, status: { in: ["included", "excluded"] } },
      });
      expect(settled + conflicts.length).toBe(RECORDS);
    },
    180_000,
  );
});
