import type { NextRequest } from "next/server";
import { requestSession } from "../../auth/session";
import { changeListener } from "../../live/change-listener";
import { liveStream } from "../../live/live-stream";
import type { Stage } from "../../shared/stages";
import { seesOthers } from "../../shared/visibility";
import { callerInReview } from "../../team/caller-membership";
import type { ReviewRouteHandler } from "../review-route";

/**
 * GET /api/reviews/<id>/live: server-sent events saying which parts of the review changed, for the screens that
 * show them live (the Overview, the conflicts). Every role that reads the review may listen; the events name no
 * verdict, a blinded stage's carry only the caller's own changes, and what a screen then fetches goes through the
 * procedures and their blinding.
 */
export const liveEvents: ReviewRouteHandler = async ({ db, reviewId, actor, request }) => {
  const stream = liveStream({
    listener: changeListener(),
    reviewId,
    actorId: actor.actorId,
    signal: request.signal,
    // Asked again while the stream is open, so the session and role are those of now, not of when it opened: the
    // request reviewRoute was handed is a NextRequest, whose cookie names the session.
    access: async () => {
      const session = await requestSession(request as NextRequest);
      const caller = session && (await callerInReview(db, session, reviewId));
      const role = caller?.role;
      if (!role || !caller.sessionCurrent) return null;
      const settings = await db.reviewStageSetting.findMany({
        where: { reviewId },
        select: { stage: true, blinded: true },
      });
      return new Set<Stage>(settings.filter((s) => seesOthers(role, s.blinded)).map((s) => s.stage));
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      // A proxy that buffers responses (nginx's default) would hold the events back.
      "x-accel-buffering": "no",
    },
  });
};
