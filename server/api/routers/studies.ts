import { z } from "zod";
import { DESIGNS, RISK_OF_BIAS_TOOLS } from "../../studies/designs";
import {
  createStudy,
  mergeStudies,
  moveReports,
  renameStudy,
  setStudyDesign,
  setStudyTool,
  splitStudy,
} from "../../studies/grouping";
import { studiesOverview } from "../../studies/studies-view";
import { reviewProcedure, router } from "../trpc";

const Id = z.string().min(1).max(64);
const Ids = z.array(Id).min(1).max(500);
const Label = z.string().max(200);

export const studiesRouter = router({
  list: reviewProcedure("observer").query(({ ctx }) => studiesOverview(ctx.db, ctx.actor)),
  create: reviewProcedure("reviewer")
    .input(z.object({ reportIds: Ids, label: Label.optional() }))
    .mutation(({ ctx, input }) => createStudy(ctx.db, ctx.actor, input)),
  moveReports: reviewProcedure("reviewer")
    .input(z.object({ reportIds: Ids, studyId: Id.nullable() }))
    .mutation(({ ctx, input }) => moveReports(ctx.db, ctx.actor, input)),
  merge: reviewProcedure("reviewer")
    .input(z.object({ targetId: Id, sourceIds: Ids }))
    .mutation(({ ctx, input }) => mergeStudies(ctx.db, ctx.actor, input)),
  split: reviewProcedure("reviewer")
    .input(z.object({ studyId: Id, reportIds: Ids, label: Label.optional() }))
    .mutation(({ ctx, input }) => splitStudy(ctx.db, ctx.actor, input)),
  // A study's name, design and tool decide how it is cited and appraised, for the whole team: a lead's call.
  rename: reviewProcedure("lead")
    .input(z.object({ studyId: Id, label: Label }))
    .mutation(({ ctx, input }) => renameStudy(ctx.db, ctx.actor, input)),
  setDesign: reviewProcedure("lead")
    .input(z.object({ studyId: Id, design: z.enum(DESIGNS), confirm: z.boolean().optional() }))
    .mutation(({ ctx, input }) => setStudyDesign(ctx.db, ctx.actor, input)),
  setTool: reviewProcedure("lead")
    .input(z.object({ studyId: Id, tool: z.enum(RISK_OF_BIAS_TOOLS).nullable(), confirm: z.boolean().optional() }))
    .mutation(({ ctx, input }) => setStudyTool(ctx.db, ctx.actor, input)),
});
