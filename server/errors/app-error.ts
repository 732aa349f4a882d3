// Domain code throws AppError with a code; server/api/trpc.ts (procedures) and server/api/route-errors.ts (REST and
// file routes) map each code through this table to a status, and the message is what the user reads, so it is
// written for them.
export const APP_ERROR_STATUS = {
  UNAUTHORIZED: "UNAUTHORIZED",
  FORBIDDEN: "FORBIDDEN",
  NOT_FOUND: "NOT_FOUND",
  INVALID_INPUT: "BAD_REQUEST",
  EMAIL_TAKEN: "CONFLICT",
  WEAK_PASSWORD: "BAD_REQUEST",
  INVALID_CREDENTIALS: "UNAUTHORIZED",
  TOO_MANY_ATTEMPTS: "TOO_MANY_REQUESTS",
  ALREADY_MEMBER: "CONFLICT",
  INVITATION_INVALID: "NOT_FOUND",
  INVITATION_EXPIRED: "BAD_REQUEST",
  INVITATION_USED: "CONFLICT",
  INVITATION_WRONG_ACCOUNT: "FORBIDDEN",
  RESET_LINK_INVALID: "NOT_FOUND",
  RESET_LINK_EXPIRED: "BAD_REQUEST",
  RESET_LINK_USED: "CONFLICT",
  /** A change to an archived review, which is read-only until an owner restores it. */
  REVIEW_ARCHIVED: "CONFLICT",
  LAST_OWNER: "CONFLICT",
  STALE: "CONFLICT",
  STUDY_HAS_WORK: "CONFLICT",
  APPRAISAL_NOT_READY: "CONFLICT",
  /** A review outcome that extracted results name, which cannot be removed or change type. */
  OUTCOME_IN_USE: "CONFLICT",
  /** A change that would undo later work the user has not confirmed; the message names that work. */
  CONFIRM_REQUIRED: "CONFLICT",
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}
