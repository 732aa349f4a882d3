import { z } from "zod";
import { cancelImport, confirmImport } from "../../import/confirm-import";
import { importDiagnostics, listImports, listSources } from "../../import/import-queries";
import { searchLog, updateSearchLog } from "../../import/search-log";
import { SearchLogInput } from "../../import/search-log-fields";
import { SUGGESTED_SOURCES } from "../../import/sources";
import { requestWithdrawal } from "../../import/withdraw-import";
import { withdrawalImpact } from "../../import/withdrawal-impact";
import { enqueueInTransaction, QUEUES } from "../../jobs/queue";
import { fileStorage } from "../../storage/file-storage";
import { reviewProcedure, router } from "../trpc";

const ImportInput = z.object({ importId: z.string().max(64) });

export const importsRouter = router({
  list: reviewProcedure("observer").query(({ ctx }) => listImports(ctx.db, ctx.reviewId)),
  diagnostics: reviewProcedure("observer")
    .input(ImportInput)
    .query(({ ctx, input }) => importDiagnostics(ctx.db, ctx.reviewId, input.importId)),
  sources: reviewProcedure("observer").query(async ({ ctx }) => ({
    used: await listSources(ctx.db, ctx.reviewId),
    suggested: SUGGESTED_SOURCES,
  })),
  /** An upload that repeats an earlier import waits for a lead's answer: import it anyway… */
  confirm: reviewProcedure("lead")
    .input(ImportInput)
    .mutation(({ ctx, input }) =>
      confirmImport(
        { db: ctx.db, enqueueImport: (tx, importId) => enqueueInTransaction(tx, QUEUES.import, { importId }) },
        ctx.actor,
        input.importId,
      ),
    ),
  /** …or not. */
  cancel: reviewProcedure("lead")
    .input(ImportInput)
    .mutation(({ ctx, input }) => cancelImport({ db: ctx.db, storage: fileStorage() }, ctx.actor, input.importId)),
  /** What withdrawing the import would change; leads only, since it counts every reviewer's decisions. */
  withdrawalImpact: reviewProcedure("lead")
    .input(ImportInput)
    .query(({ ctx, input }) => withdrawalImpact(ctx.db, ctx.reviewId, input.importId)),
  withdraw: reviewProcedure("lead")
    .input(
      ImportInput.extend({
        reason: z.string().max(2000).default(""),
        downstreamKey: z.string().max(64),
        confirmDownstream: z.boolean().default(false),
      }),
    )
    .mutation(({ ctx, input }) =>
      requestWithdrawal(
        { db: ctx.db, enqueueWithdrawal: (tx, job) => enqueueInTransaction(tx, QUEUES.withdrawal, job) },
        ctx.actor,
        input,
      ),
    ),
  searchLog: reviewProcedure("observer").query(({ ctx }) => searchLog(ctx.db, ctx.reviewId)),
  updateSearchLog: reviewProcedure("lead")
    .input(SearchLogInput)
    .mutation(({ ctx, input }) => updateSearchLog(ctx.db, ctx.actor, input)),
});
