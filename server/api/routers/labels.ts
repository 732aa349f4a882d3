import { z } from "zod";
import { LABEL_COLOURS, MAX_LABEL_NAME } from "../../labels/label-rules";
import { createLabel, deleteLabel, listLabels, updateLabel } from "../../labels/labels";
import { labelsOfRecord, setRecordLabel } from "../../labels/record-labels";
import { ChosenRecords } from "../../records/browse-input";
import { labelChosenRecords } from "../../records/label-chosen";
import { reviewProcedure, router } from "../trpc";

const Id = z.string().min(1).max(64);
// Lengths are checked by the rules, with their own message; this only bounds what is read.
const LabelFields = z.object({
  name: z.string().max(MAX_LABEL_NAME * 4),
  colour: z.enum(LABEL_COLOURS),
  shortcut: z.string().max(8).nullish(),
});

export const labelsRouter = router({
  list: reviewProcedure("observer").query(({ ctx }) => listLabels(ctx.db, ctx.actor)),
  create: reviewProcedure("lead")
    .input(LabelFields)
    .mutation(({ ctx, input }) => createLabel(ctx.db, ctx.actor, input)),
  update: reviewProcedure("lead")
    .input(LabelFields.extend({ labelId: Id }))
    .mutation(({ ctx, input }) => updateLabel(ctx.db, ctx.actor, input)),
  /** `records`: how many records the lead was told carry it; deletion waits for a fresh confirmation if that moved. */
  remove: reviewProcedure("lead")
    .input(z.object({ labelId: Id, records: z.number().int().min(0) }))
    .mutation(({ ctx, input }) => deleteLabel(ctx.db, ctx.actor, input)),
  ofRecord: reviewProcedure("observer")
    .input(z.object({ recordId: Id }))
    .query(({ ctx, input }) => labelsOfRecord(ctx.db, ctx.actor, input.recordId)),
  /** Labels are on records, not decisions: whoever screens may set them. */
  setOnRecord: reviewProcedure("reviewer")
    .input(z.object({ recordId: Id, labelId: Id, on: z.boolean() }))
    .mutation(({ ctx, input }) => setRecordLabel(ctx.db, ctx.actor, input)),
  setOnSelection: reviewProcedure("lead")
    .input(ChosenRecords.extend({ labelId: Id, on: z.boolean() }))
    .mutation(({ ctx, input }) => labelChosenRecords(ctx.db, ctx.actor, input)),
});
