import { describe, expect, it } from "vitest";
import { checkPasswordStrength, hashPassword, verifyPassword } from "./password";

describe("passwords", () => {
  it("refuses short, overlong and repetitive passwords", () => {
    expect(() => checkPasswordStrength("123456789")).toThrow(/at least 10/);
    expect(() => checkPasswordStrength("x".repeat(201))).toThrow(/at most 200/);
    expect(() => checkPasswordStrength("aaaaaaaaaaaa")).toThrow(/too few characters/);
    expect(() => checkPasswordStrength("a fine passphrase")).not.toThrow();
  });

  it("refuses the most common passwords, whatever their capitals", () => {
    for (const password of ["1234567890", "qwertyuiop", "Password123", "BASKETBALL", "iloveyou12"]) {
      expect(() => checkPasswordStrength(password), password).toThrow(/one of the most common passwords/);
    }
    expect(() => checkPasswordStrength("correct horse battery")).not.toThrow();
  });

  it("refuses the account's email address and its local part as the password, whatever their capitals", () => {
    const email = "Ada.Lovelace@Example.org";
    expect(() => checkPasswordStrength("ada.lovelace@example.org", email)).toThrow(/must not be your email address/);
    expect(() => checkPasswordStrength("ADA.LOVELACE", email)).toThrow(/must not be your email address/);
    expect(() => checkPasswordStrength("ada.lovelace@example", email)).not.toThrow();
    expect(() => checkPasswordStrength("ada.lovelace", "not-an-address")).not.toThrow();
    expect(() => checkPasswordStrength("not-an-address", "not-an-address")).toThrow(/must not be your email address/);
  });

  it("hashes with argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("a fine passphrase");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "a fine passphrase")).toBe(true);
    expect(await verifyPassword(hash, "a fine passphrasE")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
  });
});
