// Next's per-request hook (the file Next 16 calls proxy.ts, formerly middleware.ts): security headers on every
// page, and a fresh CSP nonce that Next puts on the scripts of the page it renders.
import { type NextRequest, NextResponse } from "next/server";
import { newNonce, securityHeaders } from "./server/http/security-headers";

export function proxy(request: NextRequest) {
  const headers = securityHeaders(request.nextUrl.pathname, {
    nonce: newNonce(),
    dev: process.env.NODE_ENV === "development",
  });
  // Next's renderer reads the nonce from the request's CSP header; the client never sees this copy.
  const forwarded = new Headers(request.headers);
  forwarded.set("Content-Security-Policy", headers["Content-Security-Policy"]!);
  const response = NextResponse.next({ request: { headers: forwarded } });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Build output with content-hashed names: served as files, never as documents that could run anything. API
  // routes get their headers from next.config.ts: through the proxy, an upload's body would be cut at 10 MB.
  matcher: ["/((?!_next/static|_next/image|api/).*)"],
};
