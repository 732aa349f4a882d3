// The one way a REST or file route on a review is built (tRPC carries neither raw uploads nor files to save): the
// same session, membership and role checks as a review procedure, and errors answered in one place.

import type { NextRequest } from "next/server";
import { requestSession } from "../auth/session";
import { db as appDb, type Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import type { Role } from "../shared/roles";
import { type FileStorage, fileStorage } from "../storage/file-storage";
import { assertWritable, authorizeCaller, callerInReview } from "../team/caller-membership";
import { appUrlFrom } from "./app-url";
import { createCaller } from "./root";
import { errorResponse } from "./route-errors";

export interface ReviewRequest<P> {
  db: Db;
  storage: FileStorage;
  reviewId: string;
  /** The caller; their role is read from the database for this request, never from the cookie. */
  actor: MemberScope;
  /** The route's path parameters. */
  params: P;
  request: Request;
  /** The tRPC procedures as this caller, for routes that hand out what a procedure returns as a file. */
  procedures: ReturnType<typeof createCaller>;
}

export type ReviewRouteHandler<P = object> = (req: ReviewRequest<P>) => Promise<Response>;

/** What a route declares about who may call it; the authorisation matrix holds every route to its declaration. */
export interface RouteAccess {
  kind: "review";
  minRole: Role;
  /** The answer every caller without access gets instead of 403, where even a refusal would say too much. */
  refuseAs?: () => AppError;
}

export type ReviewRoute<P> = ((request: NextRequest, context: { params: Promise<P> }) => Promise<Response>) & {
  access: RouteAccess;
};

interface ArchivedOption {
  /**
   * A POST that changes nothing (an export of a selection), so it is answered on an archived review too; any other
   * POST to an archived review is refused, as the review is read-only.
   */
  whileArchived?: true;
}

interface ReviewRouteOptions<P> extends Pick<RouteAccess, "refuseAs">, ArchivedOption {
  /** The review a request is about when its path does not name it; null for none, refused as for a non-member. */
  reviewOf: (db: Db, params: P, request: Request) => Promise<string | null>;
}

/** A route under /api/reviews/<reviewId>/…, for callers with at least `minRole` in that review. */
export function reviewRoute<P extends object>(
  minRole: Role,
  handler: ReviewRouteHandler<P>,
  options?: ArchivedOption,
): ReviewRoute<P & { reviewId: string }>;
/** A route on something of a review's that its path names instead (a report): `reviewOf` finds the review. */
export function reviewRoute<P extends object>(
  minRole: Role,
  handler: ReviewRouteHandler<P>,
  options: ReviewRouteOptions<P>,
): ReviewRoute<P>;
export function reviewRoute<P extends object>(
  minRole: Role,
  handler: ReviewRouteHandler<P>,
  options?: ReviewRouteOptions<P> | ArchivedOption,
): ReviewRoute<P> {
  const located = options && "reviewOf" in options ? options : null;
  const route = async (request: NextRequest, context: { params: Promise<P> }) => {
    try {
      const session = await requestSession(request);
      if (!session) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
      const db = appDb();
      const params = await context.params;
      // No review is a review nobody is a member of: the session is still checked, and the refusal is the same.
      const reviewId =
        (located ? await located.reviewOf(db, params, request) : (params as { reviewId: string }).reviewId) ?? "";
      const found = await callerInReview(db, session, reviewId);
      const role = admit(
        found !== null,
        found?.role ?? null,
        minRole,
        found?.sessionCurrent ?? false,
        located?.refuseAs,
      );
      // Uploads into an archived review are refused like any other change to it; downloads go on.
      if (request.method !== "GET" && request.method !== "HEAD" && !options?.whileArchived)
        assertWritable(found!.archived);
      const procedures = createCaller({ db, session, appUrl: appUrlFrom(request.headers) });
      const actor = { reviewId, actorId: session.userId, role };
      return await handler({ db, storage: fileStorage(), reviewId, actor, params, request, procedures });
    } catch (err) {
      return errorResponse(err);
    }
  };
  return Object.assign(route, {
    access: { kind: "review" as const, minRole, ...(located?.refuseAs && { refuseAs: located.refuseAs }) },
  });
}

function admit(
  exists: boolean,
  role: Role | null,
  minRole: Role,
  sessionCurrent: boolean,
  refuseAs: RouteAccess["refuseAs"],
): Role {
  try {
    return authorizeCaller(exists, role, minRole, sessionCurrent);
  } catch (err) {
    if (refuseAs && err instanceof AppError && err.code === "FORBIDDEN") throw refuseAs();
    throw err;
  }
}
