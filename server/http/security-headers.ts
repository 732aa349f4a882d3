// The security headers every response carries, set by proxy.ts. Pure: the proxy supplies the nonce and the mode.

/**
 * page: HTML that Next renders, whose scripts carry the request's nonce.
 * api: JSON, downloads and redirects; nothing in them needs to run, load or be framed.
 * report-file: a stored full-text PDF, which our own pages show in an iframe.
 */
export type ResponseKind = "page" | "api" | "report-file";

export function responseKind(pathname: string): ResponseKind {
  if (/^\/api\/reports\/[^/]+\/file\/?$/.test(pathname)) return "report-file";
  if (pathname === "/api" || pathname.startsWith("/api/")) return "api";
  return "page";
}

export interface PolicyOptions {
  /** Fresh per request; Next reads it back from the request's CSP header and puts it on its own scripts. */
  nonce: string;
  /** `sift start --dev`: React refresh evaluates code, and Next's dev overlay and CSS hot reload inject styles. */
  dev: boolean;
}

function policy(directives: [string, ...string[]][]): string {
  return directives.map((d) => d.join(" ")).join("; ");
}

export function contentSecurityPolicy(kind: ResponseKind, { nonce, dev }: PolicyOptions): string {
  if (kind === "report-file") {
    // The browser's PDF viewer runs inside this document; any fetch or style rule here could break it, and a PDF
    // runs no script of ours. What matters is who may frame it: only Sift's own pages.
    return policy([["frame-ancestors", "'self'"]]);
  }
  if (kind === "api")
    return policy([
      ["default-src", "'none'"],
      ["frame-ancestors", "'none'"],
    ]);
  return policy([
    ["default-src", "'self'"],
    // Next reads the nonce from the first directive whose name starts with "script-src", so a script-src-elem
    // or script-src-attr must not come before this one.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // A nonce would switch 'unsafe-inline' off, and in dev Next injects <style> elements without one.
    ["style-src", "'self'", ...(dev ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    // Server-rendered style="" attributes (a progress bar's width, a judgement's colour) are blocked by style-src;
    // attributes cannot load anything or hold selectors, so allowing them alone keeps <style> injection out.
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:", "blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    // Full-text PDFs are shown in iframes of /api/reports/<id>/file.
    ["frame-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", "'none'"],
  ]);
}

/** The headers for one response; `Content-Security-Policy` is the one proxy.ts also hands to Next's renderer. */
export function securityHeaders(pathname: string, options: PolicyOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(responseKind(pathname), options),
    "X-Content-Type-Options": "nosniff",
    // Invitation links carry their token in the path; other sites learn nothing of where a reader came from.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
  };
}

/** 128 random bits, base64: the form CSP and Next's nonce reader both accept. */
export function newNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}
