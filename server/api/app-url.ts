/**
 * Where users reach this Sift, for links in invitations: SIFT_URL when configured (behind a proxy it is the
 * only reliable answer), else the Host the browser used, never the address the server happens to listen on.
 */
export function appUrlFrom(headers: Headers): string {
  if (process.env.SIFT_URL) return process.env.SIFT_URL;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  const host = headers.get("x-forwarded-host")?.split(",")[0]?.trim() ?? headers.get("host") ?? "localhost";
  return `${proto}://${host}`;
}
