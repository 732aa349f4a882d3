import { z } from "zod";
import { FULL_TEXT_OUTCOMES, listReports, RETRIEVAL_STATUSES } from "../../full-text/report-list";
import { markNotRetrieved, setReportLink, undoRetrieval } from "../../full-text/retrieval";
import { fileStorage } from "../../storage/file-storage";
import { reviewProcedure, router } from "../trpc";

const Id = z.string().min(1).max(64);
const ReportInput = z.object({ reportId: Id });

// PDFs are uploaded and served by /api/reports/<reportId>/file, since tRPC does not carry file bodies.
export const fullTextRouter = router({
  list: reviewProcedure("observer")
    .input(
      z.object({
        status: z.enum(RETRIEVAL_STATUSES).optional(),
        outcome: z.enum(FULL_TEXT_OUTCOMES).optional(),
        cursor: Id.optional(),
        take: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => listReports(ctx.db, ctx.actor, input)),
  setLink: reviewProcedure("reviewer")
    .input(ReportInput.extend({ url: z.string().max(4000) }))
    .mutation(({ ctx, input }) => setReportLink(ctx.db, ctx.actor, input)),
  markNotRetrieved: reviewProcedure("reviewer")
    .input(ReportInput.extend({ note: z.string().max(2000).optional() }))
    .mutation(({ ctx, input }) => markNotRetrieved({ db: ctx.db, storage: fileStorage() }, ctx.actor, input)),
  undoRetrieval: reviewProcedure("reviewer")
    .input(ReportInput)
    .mutation(({ ctx, input }) => undoRetrieval({ db: ctx.db, storage: fileStorage() }, ctx.actor, input)),
});
