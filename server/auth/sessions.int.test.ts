// A session token copied before its user signs out must stop working everywhere the app reads sessions: the tRPC
// route (authed and review procedures, and the decision, which checks the caller in its own statement) and the
// REST and file routes (server/api/review-route.ts). Signing out ends that sign-in's tokens only; signing out
// everywhere ends them all. Tokens are minted, renewed and ended through next-auth's own callbacks.

import { NextRequest } from "next/server";
import { decode, encode, type JWT } from "next-auth/jwt";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { GET as diagramRoute } from "../../app/api/reviews/[reviewId]/prisma-2020/[format]/route";
import { GET, POST } from "../../app/api/trpc/[trpc]/route";
import { db as appDb } from "../db/client";
import { callerFor, makeTeam, testDb } from "../test/integration";
import { authOptions } from "./auth-options";
import { hashPassword } from "./password";
import { SESSION_MAX_AGE_SECONDS, type SessionClaim, sessionClaim } from "./session-token";
import { endEverySession } from "./sessions";
import { authorizeCredentials } from "./sign-in";

const secret = "a session secret only for this test, long enough";
const PASSWORD = "reviewer password 1";

beforeAll(() => {
  vi.stubEnv("NEXTAUTH_SECRET", secret);
  vi.stubEnv("DATABASE_URL", inject("databaseUrl"));
  vi.stubEnv("NEXTAUTH_URL", "");
  vi.stubEnv("SIFT_URL", "");
});
afterAll(async () => {
  await appDb().$disconnect();
  vi.unstubAllEnvs();
});

/** Signs in with email and password the way next-auth does, returning the session cookie's value. */
async function signIn(email: string): Promise<string> {
  const user = await authorizeCredentials(testDb(), { email, password: PASSWORD }, {});
  const jwt = authOptions().callbacks!.jwt!;
  const token = await jwt({
    token: { sub: user!.id, email },
    user: user!,
    account: { provider: "credentials", type: "credentials", providerAccountId: user!.id },
    trigger: "signIn",
  });
  return encode({ token, secret });
}

async function signOut(cookie: string): Promise<void> {
  const token = (await decode({ token: cookie, secret })) as JWT;
  await authOptions().events!.signOut!({ token, session: undefined as never });
}

async function claimOf(cookie: string): Promise<SessionClaim> {
  return sessionClaim((await decode({ token: cookie, secret })) as JWT)!;
}

/** What next-auth's session route does to a token it is shown: the jwt callback's token, encoded again. */
async function renew(cookie: string): Promise<string> {
  const token = (await decode({ token: cookie, secret })) as JWT;
  return encode({
    token: await authOptions().callbacks!.jwt!({ token, user: undefined as never, account: null }),
    secret,
  });
}

function request(cookie: string, path: string, init: { method?: string; body?: unknown } = {}) {
  return new NextRequest(`http://sift.test${path}`, {
    method: init.method ?? "GET",
    headers: { cookie: `next-auth.session-token=${cookie}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify({ json: init.body }),
  });
}

async function trpc(cookie: string, procedure: string, input: unknown, kind: "query" | "mutation") {
  const path = `/api/trpc/${procedure}`;
  const response =
    kind === "query"
      ? await GET(request(cookie, `${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`))
      : await POST(request(cookie, path, { method: "POST", body: input }));
  const body = (await response.json()) as { error?: { json: { message: string } } };
  return { status: response.status, message: body.error?.json.message ?? null };
}

/** A REST route's answer, the cookie read as a request to it carries it. */
async function diagramCsv(cookie: string, reviewId: string) {
  return (
    await diagramRoute(request(cookie, `/api/reviews/${reviewId}/prisma-2020/csv`), {
      params: Promise.resolve({ reviewId, format: "csv" }),
    })
  ).status;
}

async function setUp() {
  const db = testDb();
  const team = await makeTeam(db);
  const { reviewer, lead } = team.members;
  await db.user.updateMany({
    where: { id: { in: [reviewer.id, lead.id] } },
    data: { passwordHash: await hashPassword(PASSWORD) },
  });
  const source = await db.source.create({ data: { reviewId: team.review.id, name: "Sessions", kind: "database" } });
  const record = () => db.record.create({ data: { reviewId: team.review.id, sourceId: source.id, title: "A record" } });
  return { reviewId: team.review.id, reviewer, lead, record };
}

const SIGNED_OUT = { status: 401, message: "You were signed out. Sign in again." };

describe("ending sessions", () => {
  it("refuses a token minted before sign-out in authed and review procedures, the decision and a REST route", async () => {
    const { reviewId, reviewer, lead, record } = await setUp();
    const cookie = await signIn(reviewer.email);
    // The diagram's route, for a lead: while screening is blinded a reviewer may not download it at all.
    const leadCookie = await signIn(lead.email);
    const first = await record();
    const decide = (recordId: string) =>
      trpc(cookie, "screening.decide", { reviewId, recordId, stage: "title_abstract", verdict: "include" }, "mutation");

    expect(await trpc(cookie, "auth.me", undefined, "query")).toMatchObject({ status: 200 });
    expect(await trpc(cookie, "duplicates.summary", { reviewId }, "query")).toMatchObject({ status: 200 });
    expect(await decide(first.id)).toMatchObject({ status: 200 });
    expect(await diagramCsv(leadCookie, reviewId)).toBe(200);

    await signOut(cookie);
    await signOut(leadCookie);

    expect(await trpc(cookie, "auth.me", undefined, "query")).toEqual(SIGNED_OUT);
    expect(await trpc(cookie, "duplicates.summary", { reviewId }, "query")).toEqual(SIGNED_OUT);
    const second = await record();
    expect(await decide(second.id)).toEqual(SIGNED_OUT);
    expect(await testDb().screeningDecision.count({ where: { recordId: second.id } })).toBe(0);
    expect(await diagramCsv(leadCookie, reviewId)).toBe(401);

    // Signing in again gives a token that works, and the ended one can no longer end it.
    const again = await signIn(reviewer.email);
    await signOut(cookie);
    expect(await trpc(again, "auth.me", undefined, "query")).toMatchObject({ status: 200 });
    expect(await decide(second.id)).toEqual(SIGNED_OUT);
    expect(await testDb().auditEvent.count({ where: { actorId: reviewer.id, action: "user.signed_out" } })).toBe(1);
  });

  it("signs out everywhere: every token of the user's, this one's too, with an audit event", async () => {
    const { reviewId, reviewer } = await setUp();
    const laptop = await signIn(reviewer.email);
    const phone = await signIn(reviewer.email);
    expect(await trpc(laptop, "auth.signOutEverywhere", undefined, "mutation")).toMatchObject({ status: 200 });
    for (const cookie of [laptop, phone]) {
      expect(await trpc(cookie, "auth.me", undefined, "query")).toEqual(SIGNED_OUT);
      expect(await trpc(cookie, "duplicates.summary", { reviewId }, "query")).toEqual(SIGNED_OUT);
    }
    expect(await trpc(phone, "auth.signOutEverywhere", undefined, "mutation")).toEqual(SIGNED_OUT);
    const events = await testDb().auditEvent.findMany({
      where: { actorId: reviewer.id, action: "user.signed_out_everywhere" },
    });
    expect(events).toMatchObject([
      { entityType: "user", entityId: reviewer.id, reviewId: null, data: { sessionVersion: 1 } },
    ]);
  });

  it("keeps tokens minted before session versions existed valid until the next sign-out", async () => {
    const { reviewer } = await setUp();
    const legacy = await encode({ token: { sub: reviewer.id, email: reviewer.email }, secret });
    expect(await trpc(legacy, "auth.me", undefined, "query")).toMatchObject({ status: 200 });
    await signOut(legacy);
    expect(await trpc(legacy, "auth.me", undefined, "query")).toEqual(SIGNED_OUT);
  });

  it("signing out ends that sign-in's session only: the same user's other device keeps working", async () => {
    const { reviewId, reviewer, lead, record } = await setUp();
    const phone = await signIn(reviewer.email);
    const laptop = await signIn(reviewer.email);
    const leadPhone = await signIn(lead.email);
    const leadLaptop = await signIn(lead.email);
    const decide = (cookie: string, recordId: string) =>
      trpc(cookie, "screening.decide", { reviewId, recordId, stage: "title_abstract", verdict: "include" }, "mutation");
    expect((await claimOf(phone)).sessionId).not.toEqual((await claimOf(laptop)).sessionId);

    await signOut(phone);
    await signOut(leadPhone);

    const first = await record();
    expect(await trpc(phone, "auth.me", undefined, "query")).toEqual(SIGNED_OUT);
    expect(await trpc(phone, "duplicates.summary", { reviewId }, "query")).toEqual(SIGNED_OUT);
    expect(await decide(phone, first.id)).toEqual(SIGNED_OUT);
    expect(await testDb().screeningDecision.count({ where: { recordId: first.id } })).toBe(0);
    expect(await diagramCsv(leadPhone, reviewId)).toBe(401);

    expect(await trpc(laptop, "auth.me", undefined, "query")).toMatchObject({ status: 200 });
    expect(await trpc(laptop, "duplicates.summary", { reviewId }, "query")).toMatchObject({ status: 200 });
    expect(await decide(laptop, first.id)).toMatchObject({ status: 200 });
    expect(await diagramCsv(leadLaptop, reviewId)).toBe(200);

    const events = await testDb().auditEvent.findMany({ where: { actorId: reviewer.id, action: "user.signed_out" } });
    expect(events).toMatchObject([
      {
        entityType: "user",
        entityId: reviewer.id,
        reviewId: null,
        data: { sessionId: (await claimOf(phone)).sessionId },
      },
    ]);
    expect(await testDb().user.findUniqueOrThrow({ where: { id: reviewer.id } })).toMatchObject({ sessionVersion: 0 });
  });

  it("a session that was signed out cannot end the others, through the API or in the statement itself", async () => {
    const { reviewId, reviewer } = await setUp();
    const phone = await signIn(reviewer.email);
    const laptop = await signIn(reviewer.email);
    await signOut(phone);

    expect(await trpc(phone, "auth.signOutEverywhere", undefined, "mutation")).toEqual(SIGNED_OUT);
    const { userId, ...phoneSession } = await claimOf(phone);
    await expect(callerFor(testDb(), userId, phoneSession).auth.signOutEverywhere()).rejects.toThrow(
      "You were signed out",
    );
    expect(await endEverySession(testDb(), await claimOf(phone), "user.signed_out_everywhere")).toBe(false);
    await signOut(phone);

    expect(await trpc(laptop, "auth.me", undefined, "query")).toMatchObject({ status: 200 });
    expect(await trpc(laptop, "duplicates.summary", { reviewId }, "query")).toMatchObject({ status: 200 });
    expect(
      await testDb().auditEvent.count({
        where: { actorId: reviewer.id, action: { in: ["user.signed_out", "user.signed_out_everywhere"] } },
      }),
    ).toBe(1);
  });

  it("signs out everywhere after a sign-out: every token stays ended and the user's ended sessions are forgotten", async () => {
    const { reviewId, reviewer } = await setUp();
    const phone = await signIn(reviewer.email);
    const laptop = await signIn(reviewer.email);
    await signOut(phone);
    expect(await testDb().endedSession.count({ where: { userId: reviewer.id } })).toBe(1);

    expect(await trpc(laptop, "auth.signOutEverywhere", undefined, "mutation")).toMatchObject({ status: 200 });
    for (const cookie of [phone, laptop]) {
      expect(await trpc(cookie, "auth.me", undefined, "query")).toEqual(SIGNED_OUT);
      expect(await trpc(cookie, "duplicates.summary", { reviewId }, "query")).toEqual(SIGNED_OUT);
    }
    // The version raised ends the phone's token too, so its row has nothing left to do.
    expect(await testDb().endedSession.count({ where: { userId: reviewer.id } })).toBe(0);
    expect(await trpc(await signIn(reviewer.email), "auth.me", undefined, "query")).toMatchObject({ status: 200 });
  });

  it("a token minted before sessions had ids outlives another session's sign-out and is ended by signing out everywhere", async () => {
    const { reviewId, reviewer } = await setUp();
    const legacy = await encode({ token: { sub: reviewer.id, email: reviewer.email, sessionVersion: 0 }, secret });
    const phone = await signIn(reviewer.email);
    const laptop = await signIn(reviewer.email);
    await signOut(phone);
    expect(await trpc(legacy, "auth.me", undefined, "query")).toMatchObject({ status: 200 });
    expect(await trpc(legacy, "duplicates.summary", { reviewId }, "query")).toMatchObject({ status: 200 });

    expect(await trpc(laptop, "auth.signOutEverywhere", undefined, "mutation")).toMatchObject({ status: 200 });
    expect(await trpc(legacy, "auth.me", undefined, "query")).toEqual(SIGNED_OUT);
    expect(await trpc(legacy, "duplicates.summary", { reviewId }, "query")).toEqual(SIGNED_OUT);
  });

  it("does not renew a token whose session was ended, so its row need only outlive the tokens issued before", async () => {
    const { reviewer } = await setUp();
    const phone = await signIn(reviewer.email);
    const laptop = await signIn(reviewer.email);
    const renewed = await renew(laptop);
    expect((await claimOf(renewed)).sessionId).toBe((await claimOf(laptop)).sessionId);
    expect(await trpc(renewed, "auth.me", undefined, "query")).toMatchObject({ status: 200 });

    await signOut(phone);
    await expect(renew(phone)).rejects.toThrow();
    await signOut(renewed);
    expect(await trpc(laptop, "auth.me", undefined, "query")).toEqual(SIGNED_OUT);
    await expect(renew(laptop)).rejects.toThrow();
  });

  it("keeps an ended session until every token of it would have expired, then forgets it at the next sign-out", async () => {
    const { reviewer, lead } = await setUp();
    const db = testDb();
    const day = 24 * 3600 * 1000;
    const at = (offset: number) => new Date(Date.now() + offset);
    await db.endedSession.createMany({
      data: [
        { sessionId: `expired-${reviewer.id}`, userId: lead.id, endedAt: at(-40 * day), expiresAt: at(-day) },
        { sessionId: `kept-${reviewer.id}`, userId: lead.id, endedAt: at(-20 * day), expiresAt: at(day) },
      ],
    });
    const phone = await signIn(reviewer.email);
    await signOut(phone);

    const left = await db.endedSession.findMany({
      where: { sessionId: { in: [`expired-${reviewer.id}`, `kept-${reviewer.id}`] } },
    });
    expect(left.map((row) => row.sessionId)).toEqual([`kept-${reviewer.id}`]);
    const ended = await db.endedSession.findUniqueOrThrow({ where: { sessionId: (await claimOf(phone)).sessionId! } });
    expect(ended.userId).toBe(reviewer.id);
    expect(ended.expiresAt.getTime() - ended.endedAt.getTime()).toBeGreaterThanOrEqual(SESSION_MAX_AGE_SECONDS * 1000);
  });
});
