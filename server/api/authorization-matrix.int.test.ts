// Walks every procedure of appRouter and proves who is refused. A procedure that does not declare its access
// (built outside publicProcedure / authedProcedure / reviewProcedure) fails the first test, so every new
// feature is covered as soon as it is added.
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
  });

  for (const [path, procedure] of procedures) {
    const access = procedure._def.meta?.access;
    if (!access || access.kind === "public") continue;

    it(`${path}: refuses anonymous callers`, async () => {
      expect(await outcome(null, path, { reviewId: team.review.id })).toMatch(NOT_SIGNED_IN);
    });

    if (access.kind !== "review") continue;
    const minRole = access.minRole;

    it(`${path}: refuses a signed-in non-member, and a forged review id`, async () => {
      expect(await outcome(outsiderId, path, { reviewId: team.review.id })).toMatch(REFUSED_MEMBERSHIP);
      expect(await outcome(team.members.owner.id, path, { reviewId: otherReviewId })).toMatch(REFUSED_MEMBERSHIP);
      expect(await outcome(team.members.owner.id, path, { reviewId: "no-such-review" })).toMatch(REFUSED_MEMBERSHIP);
    });

    it(`${path}: refuses roles below ${minRole} and lets ${minRole} and above past the check`, async () => {
      // A team of its own: a call that gets through may change the team (leave, remove, change role).
      const team = await makeTeam(testDb());
      for (const role of ROLES as readonly Role[]) {
        const result = await outcome(team.members[role].id, path, { reviewId: team.review.id });
        if (hasRole(role, minRole)) expect(result, role).not.toMatch(REFUSED_MEMBERSHIP);
        else expect(result, role).toMatch(REFUSED_MEMBERSHIP);
      }
    });
  }
});
