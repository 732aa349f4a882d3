import { describe, expect, it } from "vitest";
import { newResetToken, RESET_LINK_HOURS, resetLinkState, resetTokenHash } from "./reset-link";

describe("reset links", () => {
  const now = new Date("2026-12-07T12:00:00Z");

  it("is valid until it expires, expired from that moment, and used once spent whatever the time", () => {
    expect(resetLinkState({ expiresAt: new Date("2026-12-07T12:00:01Z"), usedAt: null }, now)).toBe("valid");
    expect(resetLinkState({ expiresAt: now, usedAt: null }, now)).toBe("expired");
    expect(resetLinkState({ expiresAt: new Date("2026-12-08T00:00:00Z"), usedAt: now }, now)).toBe("used");
    expect(resetLinkState({ expiresAt: new Date("2026-12-01T00:00:00Z"), usedAt: now }, now)).toBe("used");
  });

  it("gives an emailed link an hour and a handed-over one a day", () => {
    expect(RESET_LINK_HOURS).toEqual({ email: 1, owner: 24, cli: 24 });
  });

  it("makes unguessable tokens and stores a hash that is not the token", () => {
    const a = newResetToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(newResetToken()).not.toBe(a);
    expect(resetTokenHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(resetTokenHash(a)).not.toContain(a);
    expect(resetTokenHash(a)).toBe(resetTokenHash(a));
  });
});
