import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { decodeSessionToken } from "./session-token";

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
