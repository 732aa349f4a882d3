import { describe, expect, it } from "vitest";
import { shouldRetryQuery } from "./query-retry";

const answered = (httpStatus: number) => ({ message: "refused", data: { httpStatus } });

describe("shouldRetryQuery", () => {
  it("never asks again after a refusal: 400, 401, 403, 404, 409", () => {
    for (const status of [400, 401, 403, 404, 409]) expect(shouldRetryQuery(0, answered(status))).toBe(false);
  });

  it("asks once more when no answer came (a network error) or the server failed", () => {
    expect(shouldRetryQuery(0, new TypeError("Failed to fetch"))).toBe(true);
    expect(shouldRetryQuery(0, { message: "x", data: null })).toBe(true);
    expect(shouldRetryQuery(0, answered(503))).toBe(true);
    expect(shouldRetryQuery(1, new TypeError("Failed to fetch"))).toBe(false);
  });
});
