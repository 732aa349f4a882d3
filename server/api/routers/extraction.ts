import { z } from "zod";
import { compareStudy, recordConsensus } from "../../extraction/consensus";
import {
  assignExtractors,
  completeExtraction,
  extractionWorklist,
  myExtraction,
  saveExtractionValues,
} from "../../extraction/extractions";
import {
  createForm,
  discardDraft,
  formForBuilder,
  listForms,
  publishDraft,
  saveDraft,
  updateFormSettings,
} from "../../extraction/forms";
import { TEMPLATE_IDS } from "../../extraction/templates";
import { hasRole } from "../../shared/roles";
import { reviewProcedure, router } from "../trpc";

const Id = z.string().min(1).max(64);
const Target = z.object({ formId: Id, studyId: Id });
const Revision = z.object({ formId: Id, revision: z.number().int().min(0) });
const Values = z.array(z.object({ fieldId: Id, instanceKey: z.string().max(64), value: z.unknown() })).max(5000);

export const extractionRouter = router({
  forms: reviewProcedure("observer").query(({ ctx }) => listForms(ctx.db, ctx.reviewId, hasRole(ctx.role, "lead"))),
  form: reviewProcedure("lead")
    .input(z.object({ formId: Id }))
    .query(({ ctx, input }) => formForBuilder(ctx.db, ctx.reviewId, input.formId)),
  createForm: reviewProcedure("lead")
    .input(
      z.object({
        name: z.string().trim().min(1, "Name the form.").max(200),
        template: z.enum(TEMPLATE_IDS).nullable(),
      }),
    )
    .mutation(({ ctx, input }) => createForm(ctx.db, ctx.actor, input)),
  saveDraft: reviewProcedure("lead")
    .input(Revision.extend({ definition: z.unknown() }))
    .mutation(({ ctx, input }) => saveDraft(ctx.db, ctx.actor, input)),
  discardDraft: reviewProcedure("lead")
    .input(Revision)
    .mutation(({ ctx, input }) => discardDraft(ctx.db, ctx.actor, input)),
  publish: reviewProcedure("lead")
    .input(Revision)
    .mutation(({ ctx, input }) => publishDraft(ctx.db, ctx.actor, input)),
  updateSettings: reviewProcedure("lead")
    .input(
      z.object({
        formId: Id,
        name: z.string().trim().min(1, "Name the form.").max(200),
        extractorsPerStudy: z.union([z.literal(1), z.literal(2)]),
      }),
    )
    .mutation(({ ctx, input }) => updateFormSettings(ctx.db, ctx.actor, input)),
  studies: reviewProcedure("observer")
    .input(z.object({ formId: Id }))
    .query(({ ctx, input }) => extractionWorklist(ctx.db, ctx.actor, input.formId)),
  assign: reviewProcedure("lead")
    .input(Target.extend({ extractorIds: z.array(Id).max(2) }))
    .mutation(({ ctx, input }) => assignExtractors(ctx.db, ctx.actor, input)),
  mine: reviewProcedure("reviewer")
    .input(Target)
    .query(({ ctx, input }) => myExtraction(ctx.db, ctx.actor, input)),
  save: reviewProcedure("reviewer")
    .input(Target.extend({ formVersionId: Id, values: Values }))
    .mutation(({ ctx, input }) => saveExtractionValues(ctx.db, ctx.actor, input)),
  complete: reviewProcedure("reviewer")
    .input(
      Target.extend({
        formVersionId: Id,
        items: z.record(Id, z.array(z.string().min(1).max(64)).max(1000)).optional(),
      }),
    )
    .mutation(({ ctx, input }) => completeExtraction(ctx.db, ctx.actor, input)),
  compare: reviewProcedure("lead")
    .input(Target)
    .query(({ ctx, input }) => compareStudy(ctx.db, ctx.reviewId, input)),
  recordConsensus: reviewProcedure("lead")
    .input(Target.extend({ formVersionId: Id, values: Values }))
    .mutation(({ ctx, input }) => recordConsensus(ctx.db, ctx.actor, input)),
});
