// Where a request came from, for the per-client sign-in budget. A header a client can write is worth nothing here:
// an attacker would name a new address with every guess. So the address is the TCP peer's, which the launcher
// copies into SOCKET_ADDRESS_HEADER (overwriting anything the client sent), unless a reverse proxy sits in front,
// when the peer is the proxy and the client is the address the proxy appended to X-Forwarded-For.
import { isIPv4, isIPv6 } from "node:net";

/**
 * SIFT_TRUST_PROXY=1: Sift is reached only through one reverse proxy that appends the client's address to
 * X-Forwarded-For (and sets X-Forwarded-Host). Without it those headers came from the client and are ignored.
 */
export function trustProxy(): boolean {
  return process.env.SIFT_TRUST_PROXY === "1";
}

/** Set by server/cli/start.ts from the connection's socket on every request. */
export const SOCKET_ADDRESS_HEADER = "x-sift-client-address";

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function header(headers: HeaderBag, name: string): string | null {
  if (headers instanceof Headers) return headers.get(name);
  const value = headers[name];
  return (Array.isArray(value) ? value.join(",") : value) ?? null;
}

/**
 * The client's address as a throttle key, or null when it cannot be known (a server not started by `sift start`
 * and not behind a trusted proxy). IPv6 addresses count by their /64, which one household or host is usually
 * given whole: otherwise each of its 2^64 addresses would have a budget of its own.
 */
export function clientAddress(headers: HeaderBag, trusted = trustProxy()): string | null {
  // The last entry is the one our proxy added; any before it came from the client and prove nothing.
  const forwarded = trusted ? header(headers, "x-forwarded-for")?.split(",").at(-1) : undefined;
  return normaliseAddress(forwarded ?? header(headers, SOCKET_ADDRESS_HEADER));
}

export function normaliseAddress(raw: string | null | undefined): string | null {
  let address =
    raw
      ?.trim()
      .replace(/^\[(.*)\](:\d+)?$/, "$1")
      .replace(/^([\d.]+):\d+$/, "$1")
      .toLowerCase() ?? "";
  if (address.startsWith("::ffff:") && isIPv4(address.slice(7))) address = address.slice(7);
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return null;
  return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head, tail] = address.split("::") as [string, string | undefined];
  const part = (s: string | undefined) => (s ? s.split(":") : []);
  // An embedded IPv4 tail ("::1.2.3.4") takes two groups; the /64 prefix never reaches it.
  const groups = (s: string | undefined) => part(s).flatMap((g) => (g.includes(".") ? ["0", "0"] : [g]));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const middle = Array(Math.max(0, 8 - left.length - right.length)).fill("0");
  return [...left, ...middle, ...right].map((g) => g.replace(/^0+(?=.)/, ""));
}
