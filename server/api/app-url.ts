import { trustProxy } from "../config/public-url";

/**
 * Where users reach this Sift, for links in invitations: SIFT_URL when configured (behind a proxy it is the
 * only reliable answer), else the Host the browser used, never the address the server happens to listen on.
 * X-Forwarded-Host and -Proto count only with SIFT_TRUST_PROXY=1: without a proxy of ours, anyone can send them.
 */
export function appUrlFrom(headers: Headers, env: Record<string, string | undefined> = process.env): string {
  if (env.SIFT_URL) return env.SIFT_URL;
  const trusted = trustProxy(env);
  const forwarded = (name: string) => (trusted ? headers.get(name)?.split(",")[0]?.trim() || undefined : undefined);
  const proto = forwarded("x-forwarded-proto") === "https" ? "https" : "http";
  const host = forwarded("x-forwarded-host") ?? headers.get("host") ?? "localhost";
  return `${proto}://${host}`;
}
