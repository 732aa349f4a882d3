// What users read of errors that are not theirs to fix, alike over tRPC and REST.
import type { ZodError } from "zod";

/** The answer when the server failed: the cause is logged, never shown. */
export const SERVER_FAILED = "Something went wrong on the server. Try again; if it persists, tell your administrator.";

/** Input that failed validation, told by its first problem. */
export function firstIssue(error: ZodError): string {
  return error.issues[0]?.message ?? "Some input was not valid.";
}
