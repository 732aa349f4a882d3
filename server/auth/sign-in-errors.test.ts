import { describe, expect, it } from "vitest";
import { AppError } from "../errors/app-error";
import { signInErrorCode, signInErrorMessage } from "./sign-in-errors";

describe("sign-in errors", () => {
  it("turn refusals into codes and back into the user's message", () => {
    const wrong = new AppError("INVALID_CREDENTIALS", "That email and password do not match an account.");
    expect(signInErrorMessage(signInErrorCode(wrong))).toBe("That email and password do not match an account.");
    const blocked = new AppError("TOO_MANY_ATTEMPTS", "Too many failed sign-ins. Try again in 16 s.");
    expect(signInErrorCode(blocked)).toBe("TooManyAttempts:16");
    expect(signInErrorMessage("TooManyAttempts:16")).toBe("Too many failed sign-ins. Try again in 16 s.");
  });

  it("never pass on an internal error's message, and never show text from the URL", () => {
    const internal = new Error("Invalid `prisma.user.findUnique()` invocation: Can't reach database server at db:5432");
    expect(signInErrorCode(internal)).toBe("ServerError");
    const general = "Sign-in did not work. Try again.";
    expect(signInErrorMessage(internal.message)).toBe(general);
    expect(signInErrorMessage("Your account is locked. Call +1 555 0100 to unlock it.")).toBe(general);
    expect(signInErrorMessage("TooManyAttempts:16 call us")).toBe(general);
    expect(signInErrorMessage("toString")).toBe(general);
    expect(signInErrorMessage("ServerError")).toMatch(/problem on the server/);
  });
});
