// While screening is blinded, nothing a reviewer can reach reveals a co-reviewer's decision, reason or note on a
// record that is not yet resolved. This walks EVERY query procedure of the API (and screening.next) as that reviewer, so a new
// procedure is checked as soon as it exists.
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../api/root";
import { callerFor, makeTeam, makeUser, testDb } from "../test/integration";

const SECRET = "SECRET-NOTE-7f3a";
type Procedure = { _def: { type: string } };
// Every query, plus `screening.next`: a mutation only because it hands records out, but a read of records too.
const queries = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>)
  .filter(([path, p]) => p._def.type === "query" || path === "screening.next")
  .map(([path]) => path);

let ctx: { reviewId: string; recordId: string; otherRecordId: string; blindUserId: string; secretReasonId: string };

beforeAll(async () => {
  const db = testDb();
  const { review, members } = await makeTeam(db);
  const colleague = await makeUser(db, "colleague");
  await db.membership.create({ data: { reviewId: review.id, userId: colleague.id, role: "reviewer" } });
  const source = await db.source.create({ data: { reviewId: review.id, name: "PubMed", kind: "database" } });
  const [record, other, agreed] = await Promise.all(
    ["Blinded record", "Other record", "Agreed record"].map((title) => db.record.create({ data: { reviewId: review.id, sourceId: source.id, title } })),
  );
  const reason = await db.exclusionReason.create({ data: { reviewId: review.id, stage: "title_abstract", label: "Wrong species", position: 0 } });
  const stage = "title_abstract" as const;
  // The co-reviewer excludes with a reason and a note; the blinded reviewer includes: an open conflict.
  await callerFor(db, colleague.id).screening.decide({ reviewId: review.id, stage, recordId: record!.id, verdict: "exclude", reasonId: reason.id, note: SECRET });
  await callerFor(db, members.reviewer.id).screening.decide({ reviewId: review.id, stage, recordId: record!.id, verdict: "include" });
  await callerFor(db, colleague.id).screening.decide({ reviewId: review.id, stage, recordId: other!.id, verdict: "exclude", note: SECRET });
  // Both include the third record: it settles by agreement, which must not show either.
  await callerFor(db, colleague.id).screening.decide({ reviewId: review.id, stage, recordId: agreed!.id, verdict: "include", note: SECRET });
  await callerFor(db, members.reviewer.id).screening.decide({ reviewId: review.id, stage, recordId: agreed!.id, verdict: "include" });
  ctx = { reviewId: review.id, recordId: record!.id, otherRecordId: other!.id, blindUserId: members.reviewer.id, secretReasonId: reason.id };
});

function inputsFor() {
  const base = { reviewId: ctx.reviewId, stage: "title_abstract", recordId: ctx.recordId };
  return [
    base,
    { ...base, recordId: ctx.otherRecordId },
    { ...base, status: "open" },
    { ...base, status: "pending" },
    { ...base, status: "resolved" },
    { ...base, status: "merged" },
    { ...base, count: 5 },
  ];
}

async function reachable(path: string): Promise<unknown[]> {
  const caller = callerFor(testDb(), ctx.blindUserId) as unknown as Record<string, unknown>;
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (i: unknown) => Promise<unknown>;
  const out: unknown[] = [];
  for (const input of inputsFor()) {
    try {
      out.push(await fn(input));
    } catch (err) {
      if (!(err instanceof TRPCError)) throw err;
    }
  }
  return out;
}

const serialise = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === "bigint" ? x.toString() : x));

describe("blinding", () => {
  it("the walk covers the screening procedures", () => {
    expect(queries).toEqual(expect.arrayContaining(["screening.next", "screening.record", "screening.progress", "screening.myDecisions"]));
  });

  for (const path of queries) {
    it(`${path} reveals nothing of the co-reviewer's unresolved decisions`, async () => {
      for (const result of await reachable(path)) {
        const text = serialise(result);
        expect(text).not.toContain(SECRET);
        expect(text).not.toMatch(/"(otherDecisions|outcome)":\s*(\[\s*\{|"(conflict|excluded|included)")/);
        expect(text).not.toMatch(/"(conflicts|resolved|included|excluded)":\s*\d/);
        expect(text).not.toMatch(/"decisionsBy":\s*\[/);
      }
    });
  }

  it("the blinded reviewer's own view of the record shows only their own decision", async () => {
    const seen = await callerFor(testDb(), ctx.blindUserId).screening.record({ reviewId: ctx.reviewId, stage: "title_abstract", recordId: ctx.recordId });
    expect(seen).toMatchObject({ myDecision: { verdict: "include" }, outcome: null, otherDecisions: null });
  });

  it("a lead sees both sides", async () => {
    const db = testDb();
    const lead = await db.membership.findFirstOrThrow({ where: { reviewId: ctx.reviewId, role: "lead" } });
    const seen = await callerFor(db, lead.userId).screening.record({ reviewId: ctx.reviewId, stage: "title_abstract", recordId: ctx.recordId });
    expect(seen?.outcome).toBe("conflict");
    expect(seen?.otherDecisions?.map((d) => d.note)).toContain(SECRET);
  });
});
