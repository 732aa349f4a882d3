import { afterEach, describe, expect, it, vi } from "vitest";
import { appUrlFrom } from "./app-url";

const spoofed = new Headers({
  host: "sift.example.org",
  "x-forwarded-host": "evil.example",
  "x-forwarded-proto": "https",
});

describe("appUrlFrom", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("answers SIFT_URL whatever the request says", () => {
    vi.stubEnv("SIFT_URL", "https://sift.example.org");
    vi.stubEnv("SIFT_TRUST_PROXY", "1");
    expect(appUrlFrom(spoofed)).toBe("https://sift.example.org");
  });

  it("ignores X-Forwarded-* headers unless SIFT_TRUST_PROXY=1, using the Host the browser sent", () => {
    vi.stubEnv("SIFT_URL", "");
    vi.stubEnv("SIFT_TRUST_PROXY", "");
    expect(appUrlFrom(spoofed)).toBe("http://sift.example.org");
    vi.stubEnv("SIFT_TRUST_PROXY", "0");
    expect(appUrlFrom(spoofed)).toBe("http://sift.example.org");
    expect(appUrlFrom(new Headers())).toBe("http://localhost");
  });

  it("follows the first X-Forwarded-Host and -Proto of a trusted proxy", () => {
    vi.stubEnv("SIFT_URL", "");
    vi.stubEnv("SIFT_TRUST_PROXY", "1");
    expect(
      appUrlFrom(
        new Headers({
          host: "10.0.0.5:3000",
          "x-forwarded-host": "sift.example.org, inner",
          "x-forwarded-proto": "https,http",
        }),
      ),
    ).toBe("https://sift.example.org");
    expect(appUrlFrom(new Headers({ host: "sift.example.org" }))).toBe("http://sift.example.org");
    expect(appUrlFrom(new Headers({ host: "sift.example.org", "x-forwarded-proto": "javascript" }))).toBe(
      "http://sift.example.org",
    );
  });
});
