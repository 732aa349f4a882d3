import { z } from "zod";
import { undoGroupMerge, undoMerge } from "../../dedup/decide-pair";
import { listMergedGroups, listPendingGroups } from "../../dedup/group-queries";
import { markNotDuplicateOfGroup, mergeGroup } from "../../dedup/merge-group";
import { dedupSummary, listNotDuplicatePairs } from "../../dedup/pair-queries";
import { reviewProcedure, router } from "../trpc";

const Id = z.string().min(1).max(64);
const PairInput = z.object({ pairId: Id });
/** The group's pending pairs as shown: a group that changed since is refused rather than decided blind. */
const GroupPairs = z.array(Id).min(1).max(500);

export const duplicatesRouter = router({
  summary: reviewProcedure("observer").query(({ ctx }) => dedupSummary(ctx.db, ctx.reviewId)),
  notDuplicatePairs: reviewProcedure("observer")
    .input(z.object({ cursor: z.string().max(64).optional(), take: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => listNotDuplicatePairs(ctx.db, ctx.reviewId, input)),
  groups: reviewProcedure("observer")
    .input(z.object({ cursor: z.number().int().min(0).optional(), take: z.number().int().min(1).max(50).default(10) }))
    .query(({ ctx, input }) => listPendingGroups(ctx.db, ctx.actor, { offset: input.cursor ?? 0, take: input.take })),
  mergedGroups: reviewProcedure("observer")
    .input(z.object({ cursor: Id.optional(), take: z.number().int().min(1).max(100).default(20) }))
    .query(({ ctx, input }) => listMergedGroups(ctx.db, ctx.reviewId, input)),
  mergeGroup: reviewProcedure("lead")
    .input(z.object({ pairIds: GroupPairs, keptId: Id, confirmWork: z.boolean().default(false) }))
    .mutation(({ ctx, input }) => mergeGroup(ctx.db, ctx.actor, input)),
  notDuplicateOfGroup: reviewProcedure("lead")
    .input(z.object({ pairIds: GroupPairs, recordId: Id }))
    .mutation(({ ctx, input }) => markNotDuplicateOfGroup(ctx.db, ctx.actor, input)),
  undoMerge: reviewProcedure("lead")
    .input(PairInput)
    .mutation(({ ctx, input }) => undoMerge(ctx.db, ctx.actor, input.pairId)),
  undoGroupMerge: reviewProcedure("lead")
    .input(z.object({ keptId: Id }))
    .mutation(({ ctx, input }) => undoGroupMerge(ctx.db, ctx.actor, input.keptId)),
});
