import { describe, expect, it } from "vitest";
import { callerFor, testDb, uniqueEmail } from "../test/integration";
import { verifyCredentials } from "./users";

describe("sign-up and sign-in", () => {
  it("signs up with a normalised email and an argon2id hash, then signs in", async () => {
    const email = uniqueEmail("ada");
    const user = await callerFor(testDb(), null).auth.signUp({ name: " Ada ", email: `  ${email.toUpperCase()} `, password: "correct horse battery" });
    expect(user).toMatchObject({ email, name: "Ada" });
    const stored = await testDb().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyCredentials(testDb(), { email: email.toUpperCase(), password: "correct horse battery" })).toMatchObject({ id: user.id });
  });

  it("refuses a taken email and a weak password with clear messages, writing nothing", async () => {
    const caller = callerFor(testDb(), null);
    const email = uniqueEmail("taken");
    await caller.auth.signUp({ name: "First", email, password: "first password" });
    await expect(caller.auth.signUp({ name: "Second", email, password: "second password" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "An account with this email already exists. Sign in instead.",
    });
    const weak = uniqueEmail("weak");
    await expect(caller.auth.signUp({ name: "Weak", email: weak, password: "short" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Choose a password of at least 10 characters.",
    });
    expect(await testDb().user.count({ where: { email: weak } })).toBe(0);
  });

  it("slows down repeated failed sign-ins for an address, even with the right password", async () => {
    const email = uniqueEmail("guessed");
    await callerFor(testDb(), null).auth.signUp({ name: "G", email, password: "the real password" });
    for (let i = 0; i < 5; i++) {
      await expect(verifyCredentials(testDb(), { email, password: `wrong ${i}` })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    }
    await expect(verifyCredentials(testDb(), { email, password: "the real password" })).rejects.toMatchObject({
      code: "TOO_MANY_ATTEMPTS",
    });
  });

  it("answers an unknown email exactly like a wrong password", async () => {
    await expect(verifyCredentials(testDb(), { email: uniqueEmail("nobody"), password: "whatever it is" })).rejects.toMatchObject({
      code: "INVALID_CREDENTIALS",
      message: "That email and password do not match an account.",
    });
  });
});
