import { z } from "zod";
import {
  completeAppraisal,
  nameResult,
  reopenAppraisal,
  saveAppraisal,
  setAppraisersPerStudy,
  startAppraisal,
} from "../../appraisal/appraisal-records";
import {
  appraisalOverview,
  appraisalStudy,
  consensusResults,
  myAppraisal,
  studyResults,
} from "../../appraisal/appraisal-view";
import { appraisalComparison, startConsensus } from "../../appraisal/consensus";
import { appraisalExportRows } from "../../appraisal/export-rows";
import { ResultInput } from "../../appraisal/result-ref";
import { TOOL_NAMES } from "../../appraisal/tools/types";
import { reviewProcedure, router } from "../trpc";

const Id = z.string().min(1).max(64);
const StudyTool = z.object({ studyId: Id, tool: z.enum(TOOL_NAMES) });
/** RoB 2 and ROBINS-I: the result (outcome and time point) the appraisal assesses; absent = not named yet. */
const StudyToolResult = StudyTool.extend({ result: ResultInput.optional() });
const Version = z.number().int().min(0);

export const appraisalRouter = router({
  overview: reviewProcedure("observer").query(({ ctx }) => appraisalOverview(ctx.db, ctx.actor)),
  study: reviewProcedure("observer")
    .input(z.object({ studyId: Id }))
    .query(({ ctx, input }) => appraisalStudy(ctx.db, ctx.reviewId, input.studyId)),
  studyResults: reviewProcedure("observer")
    .input(StudyTool)
    .query(({ ctx, input }) => studyResults(ctx.db, ctx.actor, input)),
  mine: reviewProcedure("observer")
    .input(StudyToolResult)
    .query(({ ctx, input }) => myAppraisal(ctx.db, ctx.actor, input)),
  start: reviewProcedure("reviewer")
    .input(StudyToolResult)
    .mutation(({ ctx, input }) => startAppraisal(ctx.db, ctx.actor, input)),
  nameResult: reviewProcedure("reviewer")
    .input(z.object({ appraisalId: Id, version: Version, result: ResultInput }))
    .mutation(({ ctx, input }) => nameResult(ctx.db, ctx.actor, input)),
  save: reviewProcedure("reviewer")
    .input(z.object({ appraisalId: Id, version: Version, toolVersion: z.number().int(), answers: z.unknown() }))
    .mutation(({ ctx, input }) => saveAppraisal(ctx.db, ctx.actor, input)),
  complete: reviewProcedure("reviewer")
    .input(z.object({ appraisalId: Id, version: Version }))
    .mutation(({ ctx, input }) => completeAppraisal(ctx.db, ctx.actor, input)),
  reopen: reviewProcedure("reviewer")
    .input(z.object({ appraisalId: Id }))
    .mutation(({ ctx, input }) => reopenAppraisal(ctx.db, ctx.actor, input)),
  compare: reviewProcedure("lead")
    .input(StudyToolResult)
    .query(({ ctx, input }) => appraisalComparison(ctx.db, ctx.reviewId, input)),
  startConsensus: reviewProcedure("lead")
    .input(StudyToolResult)
    .mutation(({ ctx, input }) => startConsensus(ctx.db, ctx.actor, input)),
  results: reviewProcedure("observer")
    .input(z.object({ tool: z.enum(TOOL_NAMES) }))
    .query(({ ctx, input }) => consensusResults(ctx.db, ctx.reviewId, input.tool)),
  exportRows: reviewProcedure("observer")
    .input(z.object({ source: z.enum(["consensus", "appraisers"]).default("consensus") }))
    .query(({ ctx, input }) => appraisalExportRows(ctx.db, ctx.actor, input.source)),
  setAppraisers: reviewProcedure("lead")
    .input(z.object({ appraisersPerStudy: z.union([z.literal(1), z.literal(2)]) }))
    .mutation(({ ctx, input }) => setAppraisersPerStudy(ctx.db, ctx.actor, input.appraisersPerStudy)),
});
