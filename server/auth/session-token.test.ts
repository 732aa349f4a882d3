import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken, sessionClaim } from "./session-token";

const secret = "a session secret of enough length for the test";

describe("decodeSessionToken", () => {
  it("opens the tokens next-auth issues", async () => {
    const token = await encode({ token: { sub: "user-1", email: "owner@sift.demo" }, secret });
    expect(await decodeSessionToken({ token, secret })).toMatchObject({ sub: "user-1", email: "owner@sift.demo" });
  });

  it("refuses a token made with another secret or altered", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret });
    await expect(decodeSessionToken({ token, secret: `${secret}!` })).rejects.toThrow();
    const [h, k, iv, body, tag] = token.split(".");
    const altered = [h, k, iv, body!.slice(0, -2) + (body!.endsWith("AA") ? "BB" : "AA"), tag].join(".");
    await expect(decodeSessionToken({ token: altered, secret })).rejects.toThrow();
  });

  it("refuses an expired token", async () => {
    const token = await encode({ token: { sub: "user-1" }, secret, maxAge: -60 });
    await expect(decodeSessionToken({ token, secret })).rejects.toThrow();
  });
});

describe("sessionClaim", () => {
  it("names the user, the session version and the sign-in's session id", () => {
    expect(sessionClaim({ sub: "user-1", sessionVersion: 3, sid: "abc" })).toEqual({
      userId: "user-1",
      version: 3,
      sessionId: "abc",
    });
  });

  it("reads tokens minted before session ids and versions as version 0 without an id", () => {
    expect(sessionClaim({ sub: "user-1", sessionVersion: 2 })).toEqual({
      userId: "user-1",
      version: 2,
      sessionId: null,
    });
    expect(sessionClaim({ sub: "user-1" })).toEqual({ userId: "user-1", version: 0, sessionId: null });
  });

  it("makes no claim for a token without a user or with a malformed session", () => {
    expect(sessionClaim(null)).toBeNull();
    expect(sessionClaim({ sessionVersion: 1, sid: "abc" })).toBeNull();
    expect(sessionClaim({ sub: "user-1", sid: 7 })).toBeNull();
    expect(sessionClaim({ sub: "user-1", sid: "" })).toBeNull();
    expect(sessionClaim({ sub: "user-1", sessionVersion: "1" })).toBeNull();
  });
});
