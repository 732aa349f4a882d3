import { TRPCError } from "@trpc/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "../errors/app-error";
import { SERVER_FAILED } from "./error-messages";
import { errorResponse } from "./route-errors";

async function answer(err: unknown) {
  const response = errorResponse(err);
  return { status: response.status, type: response.headers.get("content-type"), body: await response.json() };
}

afterEach(() => vi.restoreAllMocks());

describe("a route's error as an answer", () => {
  it("gives a domain error's status and its message for the user", async () => {
    expect(await answer(new AppError("FORBIDDEN", "You are not a member of this review."))).toEqual({
      status: 403,
      type: "application/json",
      body: { error: "You are not a member of this review." },
    });
    expect(await answer(new AppError("UNAUTHORIZED", "Sign in to continue."))).toMatchObject({ status: 401 });
    expect(await answer(new AppError("NOT_FOUND", "No such export."))).toMatchObject({ status: 404 });
    expect(await answer(new AppError("INVALID_INPUT", "This file is empty."))).toMatchObject({
      status: 400,
      body: { error: "This file is empty." },
    });
    expect(await answer(new AppError("STALE", "This export has no file yet."))).toMatchObject({ status: 409 });
    expect(await answer(new AppError("TOO_MANY_ATTEMPTS", "Wait a minute."))).toMatchObject({ status: 429 });
  });

  it("gives invalid input 400 with its first problem", async () => {
    const parsed = z.object({ source: z.string().min(1, "Name the source.") }).safeParse({ source: "" });
    expect(await answer(parsed.error)).toEqual({
      status: 400,
      type: "application/json",
      body: { error: "Name the source." },
    });
  });

  it("gives a procedure's refusal its status and message", async () => {
    expect(await answer(new TRPCError({ code: "FORBIDDEN", message: "Only leads can see this." }))).toMatchObject({
      status: 403,
      body: { error: "Only leads can see this." },
    });
    expect(await answer(new TRPCError({ code: "BAD_REQUEST", message: "Pick a tool." }))).toMatchObject({
      status: 400,
    });
  });

  it("tells nothing of anything else, and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const bug = new Error('relation "exports" does not exist');
    expect(await answer(bug)).toEqual({ status: 500, type: "application/json", body: { error: SERVER_FAILED } });
    expect(log).toHaveBeenCalledWith(expect.any(String), bug);
    const failed = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "connection refused", cause: bug });
    expect(await answer(failed)).toMatchObject({ status: 500, body: { error: SERVER_FAILED } });
    expect(log).toHaveBeenLastCalledWith(expect.any(String), bug);
  });
});
