import { TRPCError } from "@trpc/server";
import { describe, expect, it } from "vitest";
import { previewToken } from "./token-preview";

describe("previewToken", () => {
  it("passes through what the token opens", async () => {
    await expect(previewToken(async () => ({ email: "a@b.c" }))).resolves.toEqual({ value: { email: "a@b.c" } });
  });

  it("turns a client error into the visitor-facing problem", async () => {
    const refused = async () => {
      throw new TRPCError({ code: "NOT_FOUND", message: "This link is not valid." });
    };
    await expect(previewToken(refused)).resolves.toEqual({ problem: "This link is not valid." });
  });

  it("lets faults through rather than showing them as a bad link", async () => {
    const broken = async () => {
      throw new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "db down" });
    };
    await expect(previewToken(broken)).rejects.toThrow("db down");
    await expect(
      previewToken(async () => {
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
  });
});
