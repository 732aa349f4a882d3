// Walks every mutation of appRouter on an archived review and proves each is refused with the archive's own
// message, for an owner as for a reviewer, except the few an archived review allows (listed with their reasons).
// A new mutation is covered as soon as it is added, so the screens' read-only state can rely on the server.

import { randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, makeTeam, testDb } from "../test/integration";
import { appRouter } from "./root";
import type { Meta } from "./trpc";

type AnyProcedure = { _def: { meta?: Meta; type: string } };
const mutations = Object.entries(appRouter._def.procedures as unknown as Record<string, AnyProcedure>).filter(
  ([, p]) => p._def.type === "mutation" && p._def.meta?.access.kind === "review",
);

/** Changes an archived review still allows, and why. */
const ALLOWED_WHILE_ARCHIVED: Record<string, string> = {
  "reviews.setArchived": "restoring it from the archive is how it becomes changeable again",
  "reviews.delete": "an owner may delete a review they have put away",
  "exports.start": "an export reads the review and writes only the export's own file",
  "exports.startSelection": "likewise, for chosen records",
  "team.issuePasswordReset": "a member's password is theirs, not the review's",
};

const ARCHIVED = /^CONFLICT: This review is archived, so it is read-only\. An owner can restore it/;

/** Inputs past validation for procedures that validate the whole input before checking the caller. */
const COMPLETE_INPUTS: Record<string, (reviewId: string) => Promise<Record<string, unknown>>> = {
  "screening.decide": async (reviewId) => {
    const db = testDb();
    const source = await db.source.create({ data: { reviewId, name: `Archived ${randomUUID()}`, kind: "database" } });
    const record = await db.record.create({ data: { reviewId, sourceId: source.id, title: "A record to decide" } });
    return { stage: "title_abstract", recordId: record.id, verdict: "include" };
  },
};

async function outcome(userId: string, path: string, reviewId: string): Promise<string> {
  const caller = callerFor(testDb(), userId) as unknown as Record<string, unknown>;
  const fn = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (
    i: unknown,
  ) => Promise<unknown>;
  const complete = COMPLETE_INPUTS[path];
  try {
    await fn({ ...(complete ? await complete(reviewId) : {}), reviewId });
    return "ok";
  } catch (err) {
    if (!(err instanceof TRPCError)) throw err;
    return `${err.code}: ${err.message}`;
  }
}

let team: Awaited<ReturnType<typeof makeTeam>>;

beforeAll(async () => {
  const db = testDb();
  team = await makeTeam(db);
  await db.review.update({ where: { id: team.review.id }, data: { archivedAt: new Date() } });
});

describe("an archived review", () => {
  it("has mutations to walk, and allows only the listed ones", () => {
    expect(mutations.length).toBeGreaterThan(20);
    const paths = mutations.map(([path]) => path);
    expect(Object.keys(ALLOWED_WHILE_ARCHIVED).filter((path) => !paths.includes(path))).toEqual([]);
  });

  for (const [path, procedure] of mutations) {
    const minRole = procedure._def.meta!.access.kind === "review" ? procedure._def.meta!.access.minRole : "owner";
    if (ALLOWED_WHILE_ARCHIVED[path]) {
      it(`${path}: goes on while archived (${ALLOWED_WHILE_ARCHIVED[path]})`, async () => {
        expect(await outcome(team.members.owner.id, path, team.review.id)).not.toMatch(ARCHIVED);
      });
      continue;
    }
    it(`${path}: refuses the owner with the archive's message`, async () => {
      expect(await outcome(team.members.owner.id, path, team.review.id)).toMatch(ARCHIVED);
    });
    if (minRole === "reviewer" || minRole === "observer")
      it(`${path}: refuses a reviewer with the archive's message`, async () => {
        expect(await outcome(team.members.reviewer.id, path, team.review.id)).toMatch(ARCHIVED);
      });
  }
});
