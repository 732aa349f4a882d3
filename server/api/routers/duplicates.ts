import { z } from "zod";
import { markNotDuplicates, mergePair, undoMerge } from "../../dedup/decide-pair";
import { dedupSummary, listPairs } from "../../dedup/pair-queries";
import { reviewProcedure, router } from "../trpc";

const PairInput = z.object({ pairId: z.string().max(64) });

export const duplicatesRouter = router({
  summary: reviewProcedure("observer").query(({ ctx }) => dedupSummary(ctx.db, ctx.reviewId)),
  pairs: reviewProcedure("observer")
    .input(
      z.object({
        status: z.enum(["pending", "merged", "not_duplicates"]),
        cursor: z.string().max(64).optional(),
        take: z.number().int().min(1).max(100).default(20),
      }),
    )
    .query(({ ctx, input }) => listPairs(ctx.db, ctx.reviewId, input.status, input)),
  merge: reviewProcedure("lead")
    .input(PairInput)
    .mutation(({ ctx, input }) => mergePair(ctx.db, ctx.actor, input.pairId)),
  notDuplicates: reviewProcedure("lead")
    .input(PairInput)
    .mutation(({ ctx, input }) => markNotDuplicates(ctx.db, ctx.actor, input.pairId)),
  undoMerge: reviewProcedure("lead")
    .input(PairInput)
    .mutation(({ ctx, input }) => undoMerge(ctx.db, ctx.actor, input.pairId)),
});
