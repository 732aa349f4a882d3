import { z } from "zod";
import { MAX_OUTCOME_NAME, MAX_OUTCOME_UNIT, OUTCOME_DIRECTIONS, OUTCOME_TYPES } from "../../outcomes/outcome-rules";
import {
  addOutcome,
  listOutcomes,
  removeOutcome,
  reorderOutcomes,
  updateOutcome,
} from "../../outcomes/review-outcomes";
import { reviewProcedure, router } from "../trpc";

const Id = z.string().min(1).max(64);
// Lengths are checked by the rules with their own message; this only bounds what is read.
const OutcomeFields = z.object({
  name: z.string().max(MAX_OUTCOME_NAME * 4),
  type: z.enum(OUTCOME_TYPES),
  unit: z
    .string()
    .max(MAX_OUTCOME_UNIT * 4)
    .default(""),
  direction: z.enum(OUTCOME_DIRECTIONS),
});

/** The review's outcome list (what result rows are extracted against), kept by its leads. */
export const outcomesRouter = router({
  list: reviewProcedure("observer").query(({ ctx }) => listOutcomes(ctx.db, ctx.actor)),
  add: reviewProcedure("lead")
    .input(OutcomeFields)
    .mutation(({ ctx, input }) => addOutcome(ctx.db, ctx.actor, input)),
  update: reviewProcedure("lead")
    .input(OutcomeFields.extend({ outcomeId: Id }))
    .mutation(({ ctx, input }) => updateOutcome(ctx.db, ctx.actor, input)),
  reorder: reviewProcedure("lead")
    .input(z.object({ outcomeIds: z.array(Id).max(200) }))
    .mutation(({ ctx, input }) => reorderOutcomes(ctx.db, ctx.actor, input.outcomeIds)),
  remove: reviewProcedure("lead")
    .input(z.object({ outcomeId: Id }))
    .mutation(({ ctx, input }) => removeOutcome(ctx.db, ctx.actor, input.outcomeId)),
});
