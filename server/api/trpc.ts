import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { SessionClaim } from "../auth/session-token";
import { claimedUser } from "../auth/sessions";
import type { Db } from "../db/client";
import { APP_ERROR_STATUS, AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import type { Role } from "../shared/roles";
import { assertWritable, authorizeCaller, authorizeSession, callerInReview } from "../team/caller-membership";
import { firstIssue, SERVER_FAILED } from "./error-messages";

export interface Context {
  db: Db;
  /**
   * What the session token claims (the user, and which of their sessions it is), unchecked, or null when signed
   * out. Every procedure for a signed-in user checks that the session is still current in the statement that reads
   * the user, so a token ended by sign-out is refused; membership and roles are always re-read.
   */
  session: SessionClaim | null;
  /** Where users reach this Sift, for links in invitations: SIFT_URL, else the request's own origin. */
  appUrl: string;
}

/** Every procedure declares who may call it; the authorisation matrix test refuses any that does not. */
export type Access =
  | { kind: "public" }
  | { kind: "authed" }
  /** `inService`: the service reads the caller's membership in its own statement (reviewProcedureCheckedInService). */
  | { kind: "review"; minRole: Role; inService?: true };
export interface Meta {
  access: Access;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    errorFormatter({ shape, error }) {
      const internal = error.code === "INTERNAL_SERVER_ERROR";
      const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
      return {
        ...shape,
        message: internal ? SERVER_FAILED : shape.message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          appCode: error.cause instanceof AppError ? error.cause.code : null,
          fieldErrors: zodError?.fieldErrors ?? null,
        },
      };
    },
  });

/**
 * Turns domain and validation errors into tRPC errors with a user's message in one place, for HTTP callers and
 * server-side callers alike; anything else stays an internal error.
 */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError)
      throw new TRPCError({ code: APP_ERROR_STATUS[cause.code], message: cause.message, cause });
    if (cause instanceof ZodError) throw new TRPCError({ code: "BAD_REQUEST", message: firstIssue(cause), cause });
  }
  return result;
});

const base = t.procedure.use(appErrors);

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

export const publicProcedure = base.meta({ access: { kind: "public" } });

function signedIn(ctx: Context): SessionClaim {
  if (!ctx.session) throw new TRPCError({ code: "UNAUTHORIZED", message: "Sign in to continue." });
  return ctx.session;
}

const ReviewInput = z.object({ reviewId: z.string().min(1).max(64) });

export const authedProcedure = base.meta({ access: { kind: "authed" } }).use(async ({ ctx, next }) => {
  const session = signedIn(ctx);
  const found = await claimedUser(ctx.db, session);
  authorizeSession(found !== null, found?.sessionCurrent ?? false);
  return next({ ctx: { ...ctx, session, user: found!.user } });
});

/**
 * For procedures on one review: the input carries `reviewId`; the caller's membership is loaded from the
 * database and must have at least `minRole`. Non-members get the same answer whether or not the review exists.
 * The user and the membership come in one statement: this runs before every review procedure.
 */
export function reviewProcedure(minRole: Role, options: { whileArchived?: true } = {}) {
  return base
    .meta({ access: { kind: "review", minRole } })
    .input(ReviewInput)
    .use(async ({ ctx, input, next, type }) => {
      const session = signedIn(ctx);
      const caller = await callerInReview(ctx.db, session, input.reviewId);
      const role = authorizeCaller(caller !== null, caller?.role ?? null, minRole, caller?.sessionCurrent ?? false);
      // An archived review is read-only; the few changes an archived review still allows say so (`whileArchived`).
      if (type === "mutation" && !options.whileArchived) assertWritable(caller!.archived);
      const actor: MemberScope = { reviewId: input.reviewId, actorId: caller!.user.id, role };
      return next({ ctx: { ...ctx, session, user: caller!.user, reviewId: input.reviewId, role, actor } });
    });
}

/**
 * A review procedure whose service checks the caller's session, membership and role itself (callerSql,
 * authorizeCaller), in the statement that does its work, instead of in a round trip of its own before it. Only
 * for the screening decision, the write every reviewer makes hundreds of times a day. The authorisation matrix test calls such procedures
 * with a complete input (their input is validated before the service runs) and holds them to `minRole`.
 */
export function reviewProcedureCheckedInService(minRole: Role) {
  return base
    .meta({ access: { kind: "review", minRole, inService: true } })
    .input(ReviewInput)
    .use(({ ctx, input, next }) => next({ ctx: { ...ctx, session: signedIn(ctx), reviewId: input.reviewId } }));
}
