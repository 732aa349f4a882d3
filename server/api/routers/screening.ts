import { z } from "zod";
import { agreementReport } from "../../screening/agreement-report";
import { listConflicts, resolveConflict } from "../../screening/conflicts";
import { undoLastDecision } from "../../screening/decide";
import { decideWithProgress } from "../../screening/decide-with-progress";
import { screeningProgress } from "../../screening/progress";
import { overrideOutcome, reopenImpact, reopenOutcome } from "../../screening/reopen-override";
import { myDecisions, nextForReviewer, recordForScreening } from "../../screening/screening-view";
import { allocateRecords } from "../../screening-queue/serve";
import { STAGES } from "../../shared/stages";
import { fileStorage } from "../../storage/file-storage";
import { reviewProcedure, reviewProcedureCheckedInService, router } from "../trpc";

const StageInput = z.object({ stage: z.enum(STAGES) });
const Id = z.string().min(1).max(64);

export const screeningRouter = router({
  /** A mutation, not a query: it hands records out (assignments), so it must never be cached, retried or prefetched. */
  next: reviewProcedure("reviewer")
    .input(StageInput.extend({ count: z.number().int().min(1).max(5).default(2) }))
    .mutation(({ ctx, input }) => nextForReviewer(ctx.db, ctx.actor, input.stage, input.count)),
  record: reviewProcedure("observer")
    .input(StageInput.extend({ recordId: Id }))
    .query(({ ctx, input }) => recordForScreening(ctx.db, ctx.actor, input.stage, input.recordId)),
  decide: reviewProcedureCheckedInService("reviewer")
    .input(
      StageInput.extend({
        recordId: Id,
        verdict: z.enum(["include", "exclude", "maybe"]),
        reasonId: Id.nullish(),
        note: z.string().max(5000).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      decideWithProgress(ctx.db, { reviewId: ctx.reviewId, actorId: ctx.session.userId, session: ctx.session }, input),
    ),
  undo: reviewProcedure("reviewer")
    .input(StageInput)
    .mutation(({ ctx, input }) => undoLastDecision(ctx.db, ctx.actor, input.stage)),
  myDecisions: reviewProcedure("reviewer")
    .input(StageInput.extend({ cursor: Id.optional(), take: z.number().int().min(1).max(100).default(25) }))
    .query(({ ctx, input }) => myDecisions(ctx.db, ctx.actor, input.stage, input)),
  progress: reviewProcedure("observer")
    .input(StageInput)
    .query(({ ctx, input }) => screeningProgress(ctx.db, ctx.actor, input.stage)),
  allocate: reviewProcedure("lead")
    .input(StageInput.extend({ reviewerId: Id, count: z.number().int().min(1).max(10_000) }))
    .mutation(({ ctx, input }) => allocateRecords(ctx.db, ctx.actor, input.stage, input.reviewerId, input.count)),
  conflicts: reviewProcedure("lead")
    .input(StageInput.extend({ status: z.enum(["open", "resolved", "withdrawn"]).default("open") }))
    .query(({ ctx, input }) => listConflicts(ctx.db, ctx.actor, input.stage, input.status)),
  resolveConflict: reviewProcedure("lead")
    .input(
      z.object({
        conflictId: Id,
        verdict: z.enum(["include", "exclude"]),
        reasonId: Id.nullish(),
        note: z.string().max(5000).optional(),
      }),
    )
    .mutation(({ ctx, input }) => resolveConflict(ctx.db, ctx.actor, input)),
  agreement: reviewProcedure("lead").query(({ ctx }) => agreementReport(ctx.db, ctx.reviewId)),
  /** What reopening a settled record, or overriding it to `overrideTo`, would undo: asked before either. */
  reopenImpact: reviewProcedure("lead")
    .input(StageInput.extend({ recordId: Id, overrideTo: z.enum(["include", "exclude"]).optional() }))
    .query(({ ctx, input }) => reopenImpact(ctx.db, ctx.actor, input)),
  reopen: reviewProcedure("lead")
    .input(StageInput.extend({ recordId: Id, note: z.string().max(5000).optional(), confirm: z.boolean().optional() }))
    .mutation(({ ctx, input }) => reopenOutcome({ db: ctx.db, storage: fileStorage() }, ctx.actor, input)),
  override: reviewProcedure("lead")
    .input(
      StageInput.extend({
        recordId: Id,
        verdict: z.enum(["include", "exclude"]),
        reasonId: Id.nullish(),
        note: z.string().max(5000),
        confirm: z.boolean().optional(),
      }),
    )
    .mutation(({ ctx, input }) => overrideOutcome({ db: ctx.db, storage: fileStorage() }, ctx.actor, input)),
});
