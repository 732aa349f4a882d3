import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, responseKind, securityHeaders } from "./security-headers";

const directives = (csp: string) =>
  new Map(
    csp
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  );

describe("security headers", () => {
  it("tells pages, API responses and the embeddable full-text file apart", () => {
    expect(responseKind("/")).toBe("page");
    expect(responseKind("/r/als/screening")).toBe("page");
    expect(responseKind("/apiary")).toBe("page");
    expect(responseKind("/api/health")).toBe("api");
    expect(responseKind("/api/trpc/review.list")).toBe("api");
    expect(responseKind("/api/reviews/r1/prisma/svg")).toBe("api");
    expect(responseKind("/api/reports/abc123/file")).toBe("report-file");
    expect(responseKind("/api/reports/abc123/file/extra")).toBe("api");
  });

  it("gives pages a nonce policy that Next can read back, that no other page may frame", () => {
    const csp = directives(contentSecurityPolicy("page", { nonce: "bm9uY2U=", dev: false }));
    expect(csp.get("script-src")).toEqual(["'self'", "'nonce-bm9uY2U='", "'strict-dynamic'"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'nonce-bm9uY2U='"]);
    expect(csp.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("frame-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(getScriptNonceFromHeader(contentSecurityPolicy("page", { nonce: "bm9uY2U=", dev: false }))).toBe("bm9uY2U=");
  });

  it("allows eval and unnonced styles in dev only", () => {
    const dev = directives(contentSecurityPolicy("page", { nonce: "bg==", dev: true }));
    expect(dev.get("script-src")).toContain("'unsafe-eval'");
    expect(dev.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    const prod = contentSecurityPolicy("page", { nonce: "bg==", dev: false });
    expect(prod).not.toContain("unsafe-eval");
    expect(directives(prod).get("style-src")).not.toContain("'unsafe-inline'");
  });

  it("lets API responses load and run nothing, and lets only our own pages frame a full-text PDF", () => {
    expect(contentSecurityPolicy("api", { nonce: "bg==", dev: true })).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(contentSecurityPolicy("report-file", { nonce: "bg==", dev: false })).toBe("frame-ancestors 'self'");
  });

  it("adds nosniff, a referrer policy and a permissions policy to every kind of response", () => {
    for (const path of ["/", "/api/health", "/api/reports/r/file"]) {
      const headers = securityHeaders(path, { nonce: "bg==", dev: false });
      expect(headers).toMatchObject({
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "Permissions-Policy": expect.stringContaining("camera=()"),
        "Content-Security-Policy": expect.stringContaining("frame-ancestors"),
      });
    }
  });

  it("makes a fresh nonce each time, of a form CSP accepts", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });
});
