// The one place a REST or file route's failure becomes an answer, so every route refuses alike: the same statuses
// as the tRPC API, the user's message as `{ "error": … }` JSON, and nothing of an unexpected error but a log line.
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { ZodError } from "zod";
import { APP_ERROR_STATUS, AppError } from "../errors/app-error";
import { firstIssue, SERVER_FAILED } from "./error-messages";

function asTrpcError(err: unknown): TRPCError | null {
  if (err instanceof AppError)
    return new TRPCError({ code: APP_ERROR_STATUS[err.code], message: err.message, cause: err });
  if (err instanceof ZodError) return new TRPCError({ code: "BAD_REQUEST", message: firstIssue(err), cause: err });
  return err instanceof TRPCError ? err : null;
}

export function errorResponse(err: unknown): Response {
  const known = asTrpcError(err);
  const status = known ? getHTTPStatusCodeFromError(known) : 500;
  if (known && status < 500) return Response.json({ error: known.message }, { status });
  console.error("sift: route failed:", known?.cause ?? err);
  return Response.json({ error: SERVER_FAILED }, { status: 500 });
}
