// A decision from the Screening page, answered with the stage's progress as the decider now sees it, so the page
// shows current counts without asking again after every decision: at a team's pace those follow-up requests were
// most of the load, and piled up behind each other in a burst.
import type { TokenSession } from "../auth/session-token";
import type { Db } from "../db/client";
import type { ActorScope } from "../shared/actor";
import { type DecisionInput, recordDecision } from "./decide";
import { type ScreeningProgress, screeningProgress } from "./progress";

export async function decideWithProgress(
  db: Db,
  scope: ActorScope & { session?: TokenSession },
  input: DecisionInput,
): Promise<Awaited<ReturnType<typeof recordDecision>> & { progress: ScreeningProgress }> {
  const decision = await recordDecision(db, scope, input);
  // The decision was accepted, so the caller is a current member who may decide here.
  const membership = await db.membership.findFirstOrThrow({
    where: { reviewId: scope.reviewId, userId: scope.actorId, removedAt: null },
    select: { role: true },
  });
  const progress = await screeningProgress(
    db,
    { reviewId: scope.reviewId, actorId: scope.actorId, role: membership.role },
    input.stage,
  );
  return { ...decision, progress };
}
