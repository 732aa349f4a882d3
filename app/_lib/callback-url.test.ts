import { describe, expect, it } from "vitest";
import { safeCallbackUrl, signInPath, withCallback } from "./callback-url";

describe("safeCallbackUrl", () => {
  it("keeps paths on this site, normalised as a browser would follow them", () => {
    expect(safeCallbackUrl("/reviews")).toBe("/reviews");
    expect(safeCallbackUrl("/r/als/screening?stage=full_text#record-3")).toBe(
      "/r/als/screening?stage=full_text#record-3",
    );
    expect(safeCallbackUrl("/invite/abc/../../reviews")).toBe("/reviews");
    expect(safeCallbackUrl(["/reviews", "//evil.test"])).toBe("/reviews");
    expect(safeCallbackUrl("/%2F%2Fevil.test")).toBe("/%2F%2Fevil.test");
    // Same scheme as the page and no slashes: a browser reads a relative path here, so it stays on this site.
    expect(safeCallbackUrl("http:evil.test")).toBe("/evil.test");
  });

  it("refuses anything a browser would take to another origin", () => {
    for (const url of [
      "/\t/evil.test/pwn",
      decodeURIComponent("%2F%09%2Fevil.test%2Fpwn"),
      "/\n/evil.test",
      "/\r\n/evil.test",
      "\t//evil.test",
      "//evil.test",
      "/\\evil.test",
      "\\\\evil.test",
      "\\/evil.test",
      "/.//evil.test",
      "https://evil.test/reviews",
      "javascript:alert(document.cookie)",
      " javascript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
    ]) {
      expect(safeCallbackUrl(url), JSON.stringify(url)).toBeNull();
    }
    expect(safeCallbackUrl(undefined)).toBeNull();
    expect(safeCallbackUrl("")).toBeNull();
  });

  it("lets an absolute URL of this site through as its path, when the site's origin is known", () => {
    expect(safeCallbackUrl("https://sift.example.org/reviews?x=1", "https://sift.example.org")).toBe("/reviews?x=1");
    expect(safeCallbackUrl("https://sift.example.org.evil.test/reviews", "https://sift.example.org")).toBeNull();
    expect(safeCallbackUrl("http://sift.example.org/reviews", "https://sift.example.org")).toBeNull();
    expect(safeCallbackUrl("https://sift.example.org/reviews")).toBeNull();
  });

  it("is what every way back through sign-in and sign-up goes through", () => {
    expect(withCallback("/sign-up", "/invite/tok123")).toBe("/sign-up?callbackUrl=%2Finvite%2Ftok123");
    expect(withCallback("/sign-up", "/\t/evil.test")).toBe("/sign-up");
    expect(withCallback("/sign-in", null)).toBe("/sign-in");
    expect(signInPath("//evil.test")).toBe("/sign-in");
    expect(signInPath("/r/als")).toBe("/sign-in?callbackUrl=%2Fr%2Fals");
  });
});
