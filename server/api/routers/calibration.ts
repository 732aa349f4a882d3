import { z } from "zod";
import { calibrationView, listRounds } from "../../calibration/calibration-view";
import { decideInRound, nextInRound, roundRecord, undoInRound } from "../../calibration/round-screening";
import { adoptRound, closeRound, OpenRoundInput, openRound } from "../../calibration/rounds";
import { criteriaHistory } from "../../reviews/criteria-versions";
import { reviewProcedure, router } from "../trpc";

const Id = z.string().min(1).max(64);
const RoundInput = z.object({ roundId: Id });

export const calibrationRouter = router({
  rounds: reviewProcedure("observer").query(({ ctx }) => listRounds(ctx.db, ctx.actor)),
  open: reviewProcedure("lead")
    .input(OpenRoundInput)
    .mutation(({ ctx, input }) => openRound(ctx.db, ctx.actor, input)),
  close: reviewProcedure("lead")
    .input(RoundInput)
    .mutation(({ ctx, input }) => closeRound(ctx.db, ctx.actor, input.roundId)),
  adopt: reviewProcedure("lead")
    .input(RoundInput)
    .mutation(({ ctx, input }) => adoptRound(ctx.db, ctx.actor, input.roundId)),
  /** A mutation like screening.next, so it is never cached or prefetched. */
  next: reviewProcedure("reviewer")
    .input(RoundInput.extend({ count: z.number().int().min(1).max(5).default(2) }))
    .mutation(({ ctx, input }) => nextInRound(ctx.db, ctx.actor, input.roundId, input.count)),
  record: reviewProcedure("reviewer")
    .input(RoundInput.extend({ recordId: Id }))
    .query(({ ctx, input }) => roundRecord(ctx.db, ctx.actor, input.roundId, input.recordId)),
  decide: reviewProcedure("reviewer")
    .input(
      RoundInput.extend({
        recordId: Id,
        verdict: z.enum(["include", "exclude", "maybe"]),
        reasonId: Id.nullish(),
        note: z.string().max(5000).optional(),
      }),
    )
    .mutation(({ ctx, input }) => decideInRound(ctx.db, ctx.actor, input)),
  undo: reviewProcedure("reviewer")
    .input(RoundInput)
    .mutation(({ ctx, input }) => undoInRound(ctx.db, ctx.actor, input.roundId)),
  view: reviewProcedure("observer")
    .input(RoundInput)
    .query(({ ctx, input }) => calibrationView(ctx.db, ctx.actor, input.roundId)),
  criteriaHistory: reviewProcedure("observer").query(({ ctx }) => criteriaHistory(ctx.db, ctx.reviewId)),
});
