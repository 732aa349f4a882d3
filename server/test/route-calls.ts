// Calling app/api route handlers in integration tests as a given user. A test file that does so mocks
// ../auth/session so requestSession reads the user this helper names in a header of its own:
//
//   vi.mock("../auth/session", async (original) => ({ ...(await original<object>()), requestSession: (await import("../test/route-calls")).testSession }));

import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { NextRequest } from "next/server";
import { inject } from "vitest";
import type { SessionClaim } from "../auth/session-token";
import { currentSessionVersion } from "../auth/sessions";
import { testDb } from "./integration";

const USER_HEADER = "x-sift-test-user";

/** The session of the user a test request names, as a token minted at sign-in would carry it; none if none. */
export async function testSession(request: Request): Promise<SessionClaim | null> {
  const userId = request.headers.get(USER_HEADER);
  return userId ? { userId, version: await currentSessionVersion(testDb(), userId), sessionId: null } : null;
}

type RouteHandler<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;

export interface RouteCall<P> {
  params: P;
  query?: Record<string, string>;
  body?: BodyInit | null;
}

/** The route's answer to `userId` (null: signed out). Route handlers use the process-wide database: the test one. */
export function callRoute<P>(handler: RouteHandler<P>, userId: string | null, call: RouteCall<P>): Promise<Response> {
  process.env.DATABASE_URL = inject("databaseUrl");
  const url = `http://sift.test/api/route?${new URLSearchParams(call.query)}`;
  const method = call.body === undefined ? "GET" : "POST";
  const request = new Request(url, {
    method,
    body: call.body,
    headers: userId ? { [USER_HEADER]: userId } : {},
    duplex: "half",
  } as RequestInit);
  return handler(request as NextRequest, { params: Promise.resolve(call.params) });
}

export const API_DIR = path.join(import.meta.dirname, "../../app/api");

/** Every folder under app/api that holds a route.ts, relative to app/api ("reviews/[reviewId]/imports"). */
export function routeDirs(dir = API_DIR): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return routeDirs(full);
    return entry === "route.ts" ? [path.relative(API_DIR, dir)] : [];
  });
}
