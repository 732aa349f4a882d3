// Walks every procedure of appRouter and every handler of the REST and file routes under app/api, and proves who
// is refused. A procedure that does not declare its access (built outside publicProcedure / authedProcedure /
// reviewProcedure), and a route handler neither built by reviewRoute nor listed with its reason, fail the first
// tests, so every new feature is covered as soon as it is added.

import { randomUUID } from "node:crypto";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { Db } from "../db/client";
import { createReview } from "../reviews/create-review";
import { hasRole, ROLES, type Role } from "../shared/roles";
import { fileStorage } from "../storage/file-storage";
import { callerFor, makeTeam, makeUser, testDb } from "../test/integration";
import { API_DIR, callRoute, type RouteCall, routeDirs } from "../test/route-calls";
import type { ReviewRoute } from "./review-route";
import { appRouter } from "./root";
import { errorResponse } from "./route-errors";
import type { Meta } from "./trpc";

vi.mock("../auth/session", async (original) => ({
  ...(await original<object>()),
  requestSession: (await import("../test/route-calls")).testSession,
}));
process.env.SIFT_STORAGE_DIR = mkdtempSync(path.join(tmpdir(), "sift-matrix-"));

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
const REFUSED_ROUTE = /^403: (You are not a member of this review|This needs the \w+ role or higher)/;

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
let teamReportId: string;
let otherReportId: string;

beforeAll(async () => {
  const db = testDb();
  team = await makeTeam(db);
  outsiderId = (await makeUser(db, "outsider")).id;
  otherReviewId = (await createReview(db, outsiderId, { title: "Someone else's review" })).id;
  teamReportId = await reportWithPdf(db, team.review.id);
  otherReportId = await reportWithPdf(db, otherReviewId);
});

describe("authorisation matrix", () => {
  it("every procedure declares its access", () => {
    expect(procedures.length).toBeGreaterThan(10);
    const undeclared = procedures.filter(([, p]) => !p._def.meta?.access).map(([path]) => path);
    expect(undeclared).toEqual([]);
    const checkedInService = procedures.filter(
      ([, p]) => p._def.meta?.access.kind === "review" && p._def.meta.access.inService,
    );
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
      expect(await outcome(team.members.owner.id, path, await inputFor(path, otherReviewId, team.review.id))).toMatch(
        REFUSED_MEMBERSHIP,
      );
      expect(
        await outcome(team.members.owner.id, path, await inputFor(path, "no-such-review", team.review.id)),
      ).toMatch(REFUSED_MEMBERSHIP);
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

// ---- REST and file routes ----

const METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

type AnyHandler = Partial<ReviewRoute<unknown>>;
const handlers: [string, AnyHandler][] = [];
for (const dir of routeDirs()) {
  const module = (await import(path.join(API_DIR, dir, "route.ts"))) as Record<string, AnyHandler>;
  for (const method of METHODS) if (module[method]) handlers.push([`${method} ${dir}`, module[method]]);
}

/** Routes that act on no review, so reviewRoute is not theirs, and why. */
const NOT_REVIEW_ROUTES: Record<string, string> = {
  "auth/[...nextauth]": "next-auth's own sign-in and sign-out endpoints",
  "trpc/[trpc]": "the tRPC endpoint: every procedure behind it is walked above",
  health: "the health check reads no review, only whether the database answers",
};

/**
 * How each review route is called on a review (and its report): inputs that get past the access check without
 * writing anything, so a refusal can only come from the check.
 */
const ROUTE_CALLS: Record<string, (on: { reviewId: string; reportId: string }) => RouteCall<object>> = {
  "GET reviews/[reviewId]/prisma-2020/[format]": ({ reviewId }) => ({ params: { reviewId, format: "csv" } }),
  "GET reviews/[reviewId]/appraisal/plots/[tool]": ({ reviewId }) => ({ params: { reviewId, tool: "rob2" } }),
  "GET reviews/[reviewId]/appraisal/export": ({ reviewId }) => ({
    params: { reviewId },
    query: { format: "csv", layout: "long" },
  }),
  "GET reviews/[reviewId]/extraction/export": ({ reviewId }) => ({
    params: { reviewId },
    query: { form: "no-such-form" },
  }),
  "GET reviews/[reviewId]/exports/[exportId]": ({ reviewId }) => ({ params: { reviewId, exportId: "no-such-export" } }),
  // No file name: refused as bad input once past the check.
  "POST reviews/[reviewId]/imports": ({ reviewId }) => ({
    params: { reviewId },
    query: { source: "PubMed", sourceKind: "database" },
    body: "",
  }),
  "GET reviews/[reviewId]/imports/search-log": ({ reviewId }) => ({ params: { reviewId }, query: { format: "csv" } }),
  // Not a bundle: refused as bad input once past the check.
  "POST reviews/[reviewId]/prisma-2020/previous-version": ({ reviewId }) => ({ params: { reviewId }, body: "x" }),
  // No records chosen: refused as bad input once past the check.
  "GET reports/[reportId]/file": ({ reportId }) => ({ params: { reportId } }),
  // A stream of changes from now on: its answer is its status, and reading stops there (see answer()).
  "GET reviews/[reviewId]/live": ({ reviewId }) => ({ params: { reviewId } }),
  "POST reports/[reportId]/file": ({ reviewId, reportId }) => ({ params: { reportId }, query: { reviewId }, body: "" }),
};

/** A report of the review with a stored PDF, so a GET that gets past the check has a file to serve. */
async function reportWithPdf(db: Db, reviewId: string): Promise<string> {
  const source = await db.source.create({ data: { reviewId, name: `Matrix ${randomUUID()}`, kind: "database" } });
  const record = await db.record.create({
    data: { reviewId, sourceId: source.id, title: "A record with a full text" },
  });
  const fileKey = `reviews/${reviewId}/reports/${record.id}/matrix.pdf`;
  await fileStorage().put(fileKey, Readable.from([Buffer.from("%PDF-1.4\n%%EOF\n")]));
  return (
    await db.report.create({
      data: { reviewId, recordId: record.id, fileKey, fileName: "matrix.pdf", retrievalStatus: "retrieved" },
    })
  ).id;
}

async function answer(response: Response): Promise<string> {
  const json = response.headers.get("content-type")?.startsWith("application/json");
  const error = json ? ((await response.json()) as { error?: string }).error : undefined;
  // A body not read is let go, so a stream (the live route's) does not stay open behind the test.
  if (!json) await response.body?.cancel();
  return `${response.status}: ${error ?? "(no error)"}`;
}

async function routeOutcome(handler: AnyHandler, userId: string | null, call: RouteCall<object>): Promise<string> {
  return answer(await callRoute(handler as ReviewRoute<object>, userId, call));
}

describe("authorisation matrix of the REST and file routes", () => {
  it("every route handler is built by reviewRoute, or acts on no review and says why", () => {
    const dirs = routeDirs();
    expect(handlers.length).toBeGreaterThan(5);
    const unclassified = handlers
      .filter(([key, h]) => !h.access && !NOT_REVIEW_ROUTES[key.split(" ")[1]!])
      .map(([key]) => key);
    expect(unclassified).toEqual([]);
    const exemptButReview = handlers
      .filter(([key, h]) => h.access && NOT_REVIEW_ROUTES[key.split(" ")[1]!])
      .map(([key]) => key);
    expect(exemptButReview).toEqual([]);
    expect(Object.keys(NOT_REVIEW_ROUTES).filter((dir) => !dirs.includes(dir))).toEqual([]);
    const reviewRoutes = handlers.filter(([, h]) => h.access).map(([key]) => key);
    expect(reviewRoutes.filter((key) => !ROUTE_CALLS[key])).toEqual([]);
    expect(Object.keys(ROUTE_CALLS).filter((key) => !reviewRoutes.includes(key))).toEqual([]);
  });

  for (const [key, handler] of handlers) {
    const access = handler.access;
    const call = ROUTE_CALLS[key];
    if (!access || !call) continue;
    const minRole = access.minRole;
    // A route that answers a refusal as something else (no file here) gives exactly that answer instead.
    const refuseAs = access.refuseAs;
    const isRefusal = async (result: string) =>
      refuseAs ? result === (await answer(errorResponse(refuseAs()))) : REFUSED_ROUTE.test(result);

    it(`${key}: refuses anonymous callers`, async () => {
      expect(await routeOutcome(handler, null, call({ reviewId: team.review.id, reportId: teamReportId }))).toMatch(
        /^401: /,
      );
    });

    it(`${key}: refuses a signed-in non-member, and a forged review id, alike whether or not the review exists`, async () => {
      const outsider = await routeOutcome(
        handler,
        outsiderId,
        call({ reviewId: team.review.id, reportId: teamReportId }),
      );
      const forged = await routeOutcome(
        handler,
        team.members.owner.id,
        call({ reviewId: otherReviewId, reportId: otherReportId }),
      );
      const missing = await routeOutcome(
        handler,
        team.members.owner.id,
        call({ reviewId: "no-such-review", reportId: "no-such-report" }),
      );
      for (const result of [outsider, forged]) expect(await isRefusal(result), result).toBe(true);
      expect(missing).toBe(forged);
    });

    it(`${key}: refuses roles below ${minRole} and lets ${minRole} and above past the check`, async () => {
      const team = await makeTeam(testDb());
      const on = { reviewId: team.review.id, reportId: await reportWithPdf(testDb(), team.review.id) };
      for (const role of ROLES as readonly Role[]) {
        const result = await routeOutcome(handler, team.members[role].id, call(on));
        expect(await isRefusal(result), `${role}: ${result}`).toBe(!hasRole(role, minRole));
        expect(result, role).not.toMatch(/^401: /);
      }
    });
  }
});
