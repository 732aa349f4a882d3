import { z } from "zod";
import { includesCurve, myRanking } from "../../prioritise/ranking-view";
import {
  closeStoppingSample,
  excludeBelowThreshold,
  revertBelowThreshold,
  startStoppingSample,
  stoppingStatus,
} from "../../prioritise/stopping";
import { STAGES } from "../../shared/stages";
import { reviewProcedure, router } from "../trpc";

const StageInput = z.object({ stage: z.enum(STAGES) });
const Id = z.string().min(1).max(64);
const Share = z.number().min(0.5).max(0.999);

export const prioritiseRouter = router({
  myRanking: reviewProcedure("reviewer")
    .input(StageInput.extend({ recordIds: z.array(Id).max(20).default([]) }))
    .query(({ ctx, input }) => myRanking(ctx.db, ctx.actor, input.stage, input.recordIds)),
  includesCurve: reviewProcedure("lead")
    .input(StageInput)
    .query(({ ctx, input }) => includesCurve(ctx.db, ctx.reviewId, input.stage)),
  stopping: reviewProcedure("lead")
    .input(StageInput)
    .query(({ ctx, input }) => stoppingStatus(ctx.db, ctx.reviewId, input.stage)),
  startSample: reviewProcedure("lead")
    .input(StageInput.extend({ recallTarget: Share.default(0.95), confidence: Share.default(0.95) }))
    .mutation(({ ctx, input }) =>
      startStoppingSample(ctx.db, ctx.actor, input.stage, {
        recallTarget: input.recallTarget,
        confidence: input.confidence,
      }),
    ),
  closeSample: reviewProcedure("lead")
    .input(z.object({ sampleId: Id }))
    .mutation(({ ctx, input }) => closeStoppingSample(ctx.db, ctx.actor, input.sampleId)),
  excludeBelowThreshold: reviewProcedure("lead")
    .input(z.object({ sampleId: Id }))
    .mutation(({ ctx, input }) => excludeBelowThreshold(ctx.db, ctx.actor, input.sampleId)),
  revertExclusion: reviewProcedure("lead")
    .input(z.object({ sampleId: Id }))
    .mutation(({ ctx, input }) => revertBelowThreshold(ctx.db, ctx.actor, input.sampleId)),
});
