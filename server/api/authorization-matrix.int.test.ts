// Walks every procedure of appRouter and proves who is refused. A procedure that does not declare its access
// (built outside publicProcedure / authedProcedure / reviewProcedure) fails the first test, so every new
// feature is covered as soon as it is added.
import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { Role } from "../db/generated/enums.ts";
import { createReview } from "../reviews/create-review";
import { callerFor, makeTeam, makeUser, testDb } from "../test/integration";
import { ROLES, hasRole } from "../team/roles";
import { appRouter } from "./root";
import type { Meta } from "./trpc";

type AnyProcedure = { _def: { meta?: Meta; type: string } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>);

async function outcome(userId: string | null, path: string, input: unknown): Promise<string> {
  const caller = callerFor(testDb(), userId) as unknown as Record<string, unknown>;
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    i: unknown,
  ) => Promise<unknown>;
  try {
    await fn(input);
    return "ok";
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    return `${err.code}: ${err.message}`;
  }
}

const NOT_SIGNED_IN = /^UNAUTHORIZED/;
const REFUSED_MEMBERSHIP = /^FORBIDDEN: (You are not a member of this review|This needs the \w+ role or higher)/;

/**
 * Complete inputs for the procedures whose service checks the caller (their input is validated before that
 * check, so `{ reviewId }` alone would be refused for its shape). One record per call: a call that gets through
 * may decide it.
 */
const COMPLETE_INPUTS: Record<string, (reviewId: string) => Promise<Record<string, unknown>>> = {
  "screening.decide": async (reviewId) => {
    const db = testDb();
    const source = await db.source.create({ data: { reviewId, name: `Matrix ${randomUUID()}`, kind: "database" } });
    const record = await db.record.create({ data: { reviewId, sourceId: source.id, title: "A record to decide" } });
    return { stage: "title_abstract", recordId: record.id, verdict: "include" };
  },
};

async function inputFor(path: string, reviewId: string, recordsFrom = reviewId) {
  const complete = COMPLETE_INPUTS[path];
  return { ...(complete ? await complete(recordsFrom) : {}), reviewId };
}

let team: Awaited<ReturnType<typeof makeTeam>>;
let outsiderId: string;
let otherReviewId: string;

beforeAll(async () => {
  const db = testDb();
  team = await makeTeam(db);
  outsiderId = (await makeUser(db, "outsider")).id;
  otherReviewId = (await createReview(db, outsiderId, { title: "Someone else's review" })).id;
});

describe("authorisation matrix", () => {
  it("every procedure declares its access", () => {
    expect(procedures.length).toBeGreaterThan(10);
    const undeclared = procedures.filter(([, p]) => !p._def.meta?.access).map(([path]) => path);
    expect(undeclared).toEqual([]);
    const checkedInService = procedures.filter(([, p]) => p._def.meta?.access.kind === "review" && p._def.meta.access.inService);
    expect(checkedInService.map(([path]) => path).filter((path) => !COMPLETE_INPUTS[path])).toEqual([]);
  });

  for (const [path, procedure] of procedures) {
    const access = procedure._def.meta?.access;
    if (!access || access.kind === "public") continue;

    it(`${path}: refuses anonymous callers`, async () => {
      expect(await outcome(null, path, await inputFor(path, team.review.id))).toMatch(NOT_SIGNED_IN);
    });

    if (access.kind !== "review") continue;
    const minRole = access.minRole;

    it(`${path}: refuses a signed-in non-member, and a forged review id`, async () => {
      expect(await outcome(outsiderId, path, await inputFor(path, team.review.id))).toMatch(REFUSED_MEMBERSHIP);
      // The review id forged, the rest of the input from a review the caller is in.
      expect(await outcome(team.members.owner.id, path, await inputFor(path, otherReviewId, team.review.id))).toMatch(REFUSED_MEMBERSHIP);
      expect(await outcome(team.members.owner.id, path, await inputFor(path, "no-such-review", team.review.id))).toMatch(REFUSED_MEMBERSHIP);
    });

    it(`${path}: refuses roles below ${minRole} and lets ${minRole} and above past the check`, async () => {
      // A team of its own: a call that gets through may change the team (leave, remove, change role).
      const team = await makeTeam(testDb());
      for (const role of ROLES as readonly Role[]) {
        const result = await outcome(team.members[role].id, path, await inputFor(path, team.review.id));
        if (hasRole(role, minRole)) expect(result, role).not.toMatch(REFUSED_MEMBERSHIP);
        else expect(result, role).toMatch(REFUSED_MEMBERSHIP);
      }
    });
  }
});
