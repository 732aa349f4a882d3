import { z } from "zod";
import { allocateSelection } from "../../records/allocate-selection";
import { ChosenRecords, RecordListInput } from "../../records/browse-input";
import { filterOptions } from "../../records/filter-options";
import { listRecords } from "../../records/list-records";
import { recordPage } from "../../records/record-page";
import { removeBeforeScreening, restoreRemoved } from "../../records/removal";
import { RemovalFields } from "../../records/removal-reasons";
import { listWithdrawnRecords, withdrawnRecordPage } from "../../records/withdrawn-records";
import { STAGES } from "../../shared/stages";
import { reviewProcedure, router } from "../trpc";

const Id = z.string().min(1).max(64);

export const recordsRouter = router({
  list: reviewProcedure("observer")
    .input(RecordListInput)
    .query(({ ctx, input }) => listRecords(ctx.db, ctx.actor, input)),
  filterOptions: reviewProcedure("observer").query(({ ctx }) => filterOptions(ctx.db, ctx.actor)),
  get: reviewProcedure("observer")
    .input(z.object({ recordId: Id }))
    .query(({ ctx, input }) => recordPage(ctx.db, ctx.actor, input.recordId)),
  allocate: reviewProcedure("lead")
    .input(ChosenRecords.extend({ stage: z.enum(STAGES), reviewerId: Id }))
    .mutation(({ ctx, input }) => allocateSelection(ctx.db, ctx.actor, input)),
  /** Removing records before screening shapes what the team screens and the PRISMA diagram: a lead's. */
  removeBeforeScreening: reviewProcedure("lead")
    .input(ChosenRecords.extend(RemovalFields))
    .mutation(({ ctx, input }) => removeBeforeScreening(ctx.db, ctx.actor, input)),
  restoreRemoved: reviewProcedure("lead")
    .input(ChosenRecords)
    .mutation(({ ctx, input }) => restoreRemoved(ctx.db, ctx.actor, input)),
  /** Records that left with a withdrawn import: a lead's, as withdrawing is (they carry everyone's decisions). */
  withdrawn: reviewProcedure("lead")
    .input(
      z.object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(100).default(50) }),
    )
    .query(({ ctx, input }) => listWithdrawnRecords(ctx.db, ctx.actor, input)),
  getWithdrawn: reviewProcedure("lead")
    .input(z.object({ recordId: Id }))
    .query(({ ctx, input }) => withdrawnRecordPage(ctx.db, ctx.actor, input.recordId)),
});
