/** Stands in for the app's own origin when the caller does not know it: only a path can come out either way. */
const OWN_ORIGIN = "http://sift.invalid";

/**
 * Where to go after signing in or up: only a path on this site, normalised, else null. The value is read the way
 * a browser will read it (the WHATWG URL parser: tabs and newlines dropped, backslashes taken for slashes), since
 * checking the raw text let `/\t/evil.test` through as a path that browsers follow to evil.test. `appOrigin`
 * lets an absolute URL of this site through too.
 */
export function safeCallbackUrl(value: string | string[] | undefined, appOrigin: string = OWN_ORIGIN): string | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return null;
  let url: URL;
  let origin: string;
  try {
    origin = new URL(appOrigin).origin;
    url = new URL(raw, origin);
  } catch {
    return null;
  }
  // A path that normalises to `//host` ("/.//evil.test") would be read as another host when followed.
  if (url.origin !== origin || url.pathname.startsWith("//")) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

export function signInPath(callbackUrl: string): string {
  return withCallback("/sign-in", callbackUrl);
}

/** `path` with a way back; a way back that is not a path on this site is left out. */
export function withCallback(path: string, callbackUrl: string | null): string {
  const safe = safeCallbackUrl(callbackUrl ?? undefined);
  return safe ? `${path}?callbackUrl=${encodeURIComponent(safe)}` : path;
}
