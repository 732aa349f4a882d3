// Where people reach Sift, and how far a request's own headers may be believed about it.

type Env = Record<string, string | undefined>;

/**
 * SIFT_TRUST_PROXY=1: a proxy we control sits in front of Sift and sets the X-Forwarded-* headers. Otherwise
 * anybody can send them, so they are ignored.
 */
export function trustProxy(env: Env = process.env): boolean {
  return env.SIFT_TRUST_PROXY === "1";
}

/** Session cookies get `Secure` (and next-auth's __Secure- names) when the public address is https. */
export function secureCookies(env: Env = process.env): boolean {
  return [env.SIFT_URL, env.NEXTAUTH_URL].some((url) => url?.trim().toLowerCase().startsWith("https://"));
}

/**
 * What is wrong with the public-address settings for `sift start`, or null. With DATABASE_URL, Sift serves other
 * people, and invitation links must not follow whatever Host or X-Forwarded-Host a request claims.
 */
export function publicUrlConfigError(env: Env = process.env): string | null {
  const trust = env.SIFT_TRUST_PROXY;
  if (trust && trust !== "0" && trust !== "1") {
    return `SIFT_TRUST_PROXY is "${trust}"; set it to 1 (a proxy you control sets X-Forwarded-Host and X-Forwarded-Proto) or 0`;
  }
  if (env.SIFT_URL) {
    let url: URL | null = null;
    try {
      url = new URL(env.SIFT_URL);
    } catch {
      // reported below
    }
    if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || !url.host) {
      return `SIFT_URL is "${env.SIFT_URL}"; set it to the address people open Sift at, e.g. https://sift.example.org`;
    }
    return null;
  }
  if (env.DATABASE_URL && !trustProxy(env)) {
    return (
      "with DATABASE_URL, set SIFT_URL to the address people open Sift at (e.g. https://sift.example.org), " +
      "or SIFT_TRUST_PROXY=1 if a proxy you control sets X-Forwarded-Host; otherwise invitation links would " +
      "follow whatever host a request names"
    );
  }
  return null;
}
