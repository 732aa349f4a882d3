// `screening.next` hands records out, so it is a mutation: a GET (a cache, a prefetch) must never trigger it.

import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { describe, expect, it } from "vitest";
import { appRouter } from "../api/root";
import { TA, team } from "./team.fixture";

describe("screening.next over HTTP", () => {
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
