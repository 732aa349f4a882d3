import { describe, expect, it } from "vitest";
import { clientAddress, normaliseAddress, SOCKET_ADDRESS_HEADER } from "./client-address";

describe("client address", () => {
  const socket = { [SOCKET_ADDRESS_HEADER]: "192.0.2.10" };

  it("is the socket's, whatever X-Forwarded-For a client sends, unless a proxy is trusted", () => {
    expect(clientAddress({ ...socket, "x-forwarded-for": "203.0.113.5" }, false)).toBe("192.0.2.10");
    expect(clientAddress(new Headers({ ...socket, "x-forwarded-for": "203.0.113.5" }), false)).toBe("192.0.2.10");
    expect(clientAddress({}, false)).toBeNull();
  });

  it("behind a trusted proxy, is the last X-Forwarded-For entry: the one the proxy added, not one the client wrote", () => {
    expect(clientAddress({ ...socket, "x-forwarded-for": "1.1.1.1, 203.0.113.5" }, true)).toBe("203.0.113.5");
    expect(clientAddress({ ...socket, "x-forwarded-for": "203.0.113.5 " }, true)).toBe("203.0.113.5");
    expect(clientAddress(socket, true)).toBe("192.0.2.10");
  });

  it("reads SIFT_TRUST_PROXY=1 and nothing else as trust", () => {
    const headers = { ...socket, "x-forwarded-for": "203.0.113.5" };
    const withEnv = (value: string | undefined) => {
      const before = process.env.SIFT_TRUST_PROXY;
      if (value === undefined) delete process.env.SIFT_TRUST_PROXY;
      else process.env.SIFT_TRUST_PROXY = value;
      try {
        return clientAddress(headers);
      } finally {
        if (before === undefined) delete process.env.SIFT_TRUST_PROXY;
        else process.env.SIFT_TRUST_PROXY = before;
      }
    };
    expect(withEnv("1")).toBe("203.0.113.5");
    for (const value of [undefined, "0", "true", "yes"]) expect(withEnv(value), value).toBe("192.0.2.10");
  });

  it("counts an IPv4-mapped address as IPv4, an IPv6 address by its /64, and garbage as unknown", () => {
    expect(normaliseAddress("::ffff:192.0.2.1")).toBe("192.0.2.1");
    expect(normaliseAddress("192.0.2.1:5123")).toBe("192.0.2.1");
    expect(normaliseAddress("2001:DB8:0:1:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:0:1::/64");
    expect(normaliseAddress("[2001:db8:0:1::1]:443")).toBe("2001:db8:0:1::/64");
    expect(normaliseAddress("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(normaliseAddress("::1")).toBe("0:0:0:0::/64");
    expect(normaliseAddress("not an address")).toBeNull();
    expect(normaliseAddress("")).toBeNull();
    expect(normaliseAddress(undefined)).toBeNull();
  });
});
