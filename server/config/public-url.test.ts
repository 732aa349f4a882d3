import { describe, expect, it } from "vitest";
import { publicUrlConfigError, secureCookies, trustProxy } from "./public-url";

describe("public address settings", () => {
  it("trusts forwarded headers only with SIFT_TRUST_PROXY=1", () => {
    expect(trustProxy({ SIFT_TRUST_PROXY: "1" })).toBe(true);
    expect(trustProxy({ SIFT_TRUST_PROXY: "0" })).toBe(false);
    expect(trustProxy({})).toBe(false);
  });

  it("asks for secure cookies when SIFT_URL or NEXTAUTH_URL is https", () => {
    expect(secureCookies({ SIFT_URL: "https://sift.example.org" })).toBe(true);
    expect(secureCookies({ NEXTAUTH_URL: "HTTPS://sift.example.org" })).toBe(true);
    expect(secureCookies({ SIFT_URL: "http://localhost:3000", NEXTAUTH_URL: "http://localhost:3000" })).toBe(false);
    expect(secureCookies({})).toBe(false);
  });

  it("with DATABASE_URL, requires SIFT_URL or an explicit trusted proxy", () => {
    const db = { DATABASE_URL: "postgresql://sift@db/sift" };
    expect(publicUrlConfigError(db)).toMatch(/^with DATABASE_URL, set SIFT_URL .* or SIFT_TRUST_PROXY=1/);
    expect(publicUrlConfigError({ ...db, SIFT_TRUST_PROXY: "0" })).toMatch(/set SIFT_URL/);
    expect(publicUrlConfigError({ ...db, SIFT_URL: "" })).toMatch(/set SIFT_URL/);
    expect(publicUrlConfigError({ ...db, SIFT_URL: "https://sift.example.org" })).toBeNull();
    expect(publicUrlConfigError({ ...db, SIFT_TRUST_PROXY: "1" })).toBeNull();
    // The embedded database is somebody's own machine: the Host they typed is the address.
    expect(publicUrlConfigError({})).toBeNull();
    expect(publicUrlConfigError({ DATABASE_URL: "" })).toBeNull();
  });

  it("refuses a SIFT_URL that is no web address and a SIFT_TRUST_PROXY that is neither 1 nor 0", () => {
    expect(publicUrlConfigError({ SIFT_URL: "sift.example.org" })).toBe(
      'SIFT_URL is "sift.example.org"; set it to the address people open Sift at, e.g. https://sift.example.org',
    );
    expect(publicUrlConfigError({ SIFT_URL: "ftp://sift.example.org" })).toMatch(/^SIFT_URL is "ftp:/);
    expect(publicUrlConfigError({ SIFT_URL: "https://sift.example.org", SIFT_TRUST_PROXY: "yes" })).toMatch(
      /^SIFT_TRUST_PROXY is "yes"; set it to 1 .* or 0$/,
    );
  });
});
