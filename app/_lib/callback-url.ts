/**
 * Only same-site paths are followed after sign-in; anything else (another origin, `//host`, `/\host`) would turn
 * the sign-in page into an open redirect.
 */
export function safeCallbackUrl(value: string | string[] | undefined): string | null {
  const url = Array.isArray(value) ? value[0] : value;
  if (!url || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return null;
  return url;
}

export function signInPath(callbackUrl: string): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`;
}

export function withCallback(path: string, callbackUrl: string | null): string {
  return callbackUrl ? `${path}?callbackUrl=${encodeURIComponent(callbackUrl)}` : path;
}
