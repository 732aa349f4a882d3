import { z } from "zod";
import { importDiagnostics, listImports, listSources } from "../../import/import-queries";
import { SUGGESTED_SOURCES } from "../../import/sources";
import { reviewProcedure, router } from "../trpc";

export const importsRouter = router({
  list: reviewProcedure("observer").query(({ ctx }) => listImports(ctx.db, ctx.reviewId)),
  diagnostics: reviewProcedure("observer")
    .input(z.object({ importId: z.string().max(64) }))
    .query(({ ctx, input }) => importDiagnostics(ctx.db, ctx.reviewId, input.importId)),
  sources: reviewProcedure("observer").query(async ({ ctx }) => ({
    used: await listSources(ctx.db, ctx.reviewId),
    suggested: SUGGESTED_SOURCES,
  })),
});
