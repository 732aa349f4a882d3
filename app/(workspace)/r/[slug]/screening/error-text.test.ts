import { describe, expect, it } from "vitest";
import { errorText } from "./error-text";

/** A client error as tRPC makes one: the server's answer under `data`, or none when the request got no answer. */
function clientError(message: string, data?: { httpStatus: number }, cause?: unknown) {
  return Object.assign(new Error(message, { cause }), { data });
}

describe("errorText", () => {
  it("says the server could not be reached when the request got no answer", () => {
    expect(errorText(clientError("Failed to fetch", undefined, new TypeError("Failed to fetch")))).toBe(
      "Sift could not be reached: check your connection.",
    );
    expect(errorText(new TypeError("Load failed"))).toBe("Sift could not be reached: check your connection.");
  });

  it("keeps the server's sentence, ending it with a full stop if it has none", () => {
    expect(errorText(clientError("That record is not in this review.", { httpStatus: 404 }))).toBe(
      "That record is not in this review.",
    );
    expect(errorText(clientError("Internal server error", { httpStatus: 500 }))).toBe("Internal server error.");
  });

  it("has words for what is not an error at all", () => {
    expect(errorText("boom")).toBe("Something went wrong. Try again.");
  });
});
