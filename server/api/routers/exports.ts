import { z } from "zod";
import { listMyExports, requestExport } from "../../export/export-jobs";
import { EXPORT_FORMATS, EXPORT_PAGE_KINDS, RECORD_FILTERS, SELECTION_FORMATS } from "../../export/export-kinds";
import { enqueueInTransaction, QUEUES } from "../../jobs/queue";
import { ChosenRecords } from "../../records/browse-input";
import { STAGES } from "../../shared/stages";
import { reviewProcedure, router } from "../trpc";

export const exportsRouter = router({
  /** Which exports the caller may ask for is decided per kind in the domain (leads for logs and bundles). */
  // An archived review can still be exported: that is how its owner keeps a copy before deleting it.
  start: reviewProcedure("observer", { whileArchived: true })
    .input(
      z.object({
        kind: z.enum(EXPORT_PAGE_KINDS),
        format: z.enum(EXPORT_FORMATS),
        stage: z.enum(STAGES).nullish(),
        filter: z.enum(RECORD_FILTERS).optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      requestExport(ctx.db, ctx.actor, input, (tx, exportId) => enqueueInTransaction(tx, QUEUES.export, { exportId })),
    ),
  /**
   * The records chosen in the browser, as its caller may see them there: every member may, as the browser is
   * every member's; the filters are read with the caller's own decisions and refusals.
   */
  startSelection: reviewProcedure("observer", { whileArchived: true })
    .input(ChosenRecords.extend({ format: z.enum(SELECTION_FORMATS), stage: z.enum(STAGES).default("title_abstract") }))
    .mutation(({ ctx, input: { format, stage, ...chosen } }) =>
      requestExport(ctx.db, ctx.actor, { kind: "selection", format, stage, chosen }, (tx, exportId) =>
        enqueueInTransaction(tx, QUEUES.export, { exportId }),
      ),
    ),
  /** The caller's own exports only: another person's file may hold what the caller is not allowed to see. */
  mine: reviewProcedure("observer").query(({ ctx }) => listMyExports(ctx.db, ctx.actor)),
});
