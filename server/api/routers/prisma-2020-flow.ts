import { z } from "zod";
import { LIST_KEYS } from "../../prisma-2020-flow/flow";
import { flowDiagram, flowItems } from "../../prisma-2020-flow/flow-service";
import { clearPreviousVersion, MAX_PREVIOUS, setPreviousVersion } from "../../prisma-2020-flow/previous-version";
import { reviewProcedure, router } from "../trpc";

export const prisma2020FlowRouter = router({
  diagram: reviewProcedure("observer").query(({ ctx }) => flowDiagram(ctx.db, ctx.actor)),
  items: reviewProcedure("observer")
    .input(
      z.object({
        list: z.enum(LIST_KEYS).default("records_screened"),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(({ ctx, input }) => flowItems(ctx.db, ctx.actor, input.list, input)),
  /** The updated-review form, with the previous version's numbers as a lead entered them (or see the bundle route). */
  setPreviousVersion: reviewProcedure("lead")
    .input(
      z.object({
        studies: z.number().int().min(0).max(MAX_PREVIOUS),
        reports: z.number().int().min(0).max(MAX_PREVIOUS),
      }),
    )
    .mutation(({ ctx, input }) => setPreviousVersion(ctx.db, ctx.actor, input)),
  clearPreviousVersion: reviewProcedure("lead").mutation(({ ctx }) => clearPreviousVersion(ctx.db, ctx.actor)),
});
