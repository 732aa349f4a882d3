import { describe, expect, it } from "vitest";
import { makeUser, testDb, uniqueEmail } from "../test/integration";
import { userForOidcIdentity } from "./users";

describe("OIDC sign-in", () => {
  it("links an identity to the account with the same email, then finds it by subject even if the email changes", async () => {
    const db = testDb();
    const existing = await makeUser(db, "sso");
    const subject = `sub-${existing.id}`;
    const first = await userForOidcIdentity(db, {
      provider: "oidc",
      subject,
      email: existing.email.toUpperCase(),
      name: "SSO",
    });
    expect(first.id).toBe(existing.id);
    const again = await userForOidcIdentity(db, { provider: "oidc", subject, email: uniqueEmail("renamed") });
    expect(again.id).toBe(existing.id);
    expect(await db.oidcAccount.count({ where: { userId: existing.id } })).toBe(1);
  });

  it("creates an account, without a password, for a new identity", async () => {
    const db = testDb();
    const email = uniqueEmail("newsso");
    const user = await userForOidcIdentity(db, {
      provider: "oidc",
      subject: `sub-${email}`,
      email,
      name: "New Person",
    });
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ email, name: "New Person", passwordHash: null });
  });
});
