import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { authOptions } from "./auth-options";
import { requestUserId } from "./session";

const secret = "a session secret of enough length for the test";

describe("session cookies over https", () => {
  beforeEach(() => {
    vi.stubEnv("NEXTAUTH_SECRET", secret);
    vi.stubEnv("NEXTAUTH_URL", "");
  });
  afterEach(() => vi.unstubAllEnvs());

  it("are Secure when SIFT_URL is https, and only then", () => {
    vi.stubEnv("SIFT_URL", "https://sift.example.org");
    expect(authOptions().useSecureCookies).toBe(true);
    vi.stubEnv("SIFT_URL", "http://localhost:3000");
    expect(authOptions().useSecureCookies).toBe(false);
  });

  it("are read back under the __Secure- name that next-auth then sets", async () => {
    vi.stubEnv("SIFT_URL", "https://sift.example.org");
    const token = await encode({ token: { sub: "user-1" }, secret });
    const req = (cookie: string) => new NextRequest("https://sift.example.org/api/trpc/x", { headers: { cookie } });
    expect(await requestUserId(req(`__Secure-next-auth.session-token=${token}`))).toBe("user-1");
    expect(await requestUserId(req(`next-auth.session-token=${token}`))).toBeNull();
  });
});
