// What each person sees of appraisal: their own work, counts of others' progress (never their answers), and
// recorded consensus results, which every member may read.

import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import { hasRole } from "../shared/roles";
import { studyTools } from "../studies/designs";
import { studyWithReports } from "../studies/studies-view";
import { currentToolWhere, resultWhere, studyForTool } from "./access";
import { assess, readAnswers } from "./answers";
import { offeredResults } from "./offered-results";
import { checkResult, isPerResult, type ResultRef, resultLabel } from "./result-ref";
import { toolDefinition } from "./tools";
import type { ToolName } from "./tools/types";
import { validityPrefillFor } from "./validity-source";

export async function appraisalOverview(db: Db, member: MemberScope) {
  const { reviewId } = member;
  const [review, studies, appraisals] = await Promise.all([
    db.review.findUniqueOrThrow({ where: { id: reviewId }, select: { appraisersPerStudy: true } }),
    db.study.findMany({
      where: { reviewId },
      orderBy: [{ label: "asc" }, { createdAt: "asc" }],
      select: { id: true, label: true, design: true, appraisalTool: true, _count: { select: { reports: true } } },
    }),
    db.appraisal.findMany({
      where: { reviewId },
      select: {
        studyId: true,
        tool: true,
        appraiserId: true,
        isConsensus: true,
        completedAt: true,
        overall: true,
        outcomeId: true,
        timePoint: true,
      },
    }),
  ]);
  const lead = hasRole(member.role, "lead");
  return {
    appraisersPerStudy: review.appraisersPerStudy,
    studies: studies.map((s) => ({
      id: s.id,
      label: s.label,
      design: s.design,
      reportCount: s._count.reports,
      tools: studyTools(s.appraisalTool).map((tool) => {
        const rows = appraisals.filter((a) => a.studyId === s.id && a.tool === tool);
        const own = rows.filter((a) => !a.isConsensus);
        const mine = own.find((a) => a.appraiserId === member.actorId);
        const consensus = rows.find((a) => a.isConsensus);
        const mineRows = own.filter((a) => a.appraiserId === member.actorId);
        return {
          tool,
          /** RoB 2 and ROBINS-I: how many results the caller appraises, and how many of theirs are not named yet. */
          myResults: isPerResult(tool) ? mineRows.length : null,
          myUnnamed: isPerResult(tool) ? mineRows.filter((a) => a.outcomeId === null).length : null,
          consensusResults: rows.filter((a) => a.isConsensus && a.completedAt).length,
          mine: (mine ? (mine.completedAt ? "completed" : "in_progress") : "not_started") as
            | "completed"
            | "in_progress"
            | "not_started",
          started: own.length,
          completed: own.filter((a) => a.completedAt).length,
          consensus: consensus?.completedAt
            ? { overall: consensus.overall }
            : consensus && lead
              ? { overall: null }
              : null,
        };
      }),
    })),
  };
}

/**
 * The member's own appraisal of a study with a tool (of one result, for RoB 2 and ROBINS-I; the result not named yet
 * when none is given), and the recorded consensus of that result if there is one.
 */
export async function myAppraisal(
  db: Db,
  member: MemberScope,
  input: { studyId: string; tool: ToolName; result?: { outcomeId: string | null; timePoint?: string } },
) {
  const { reviewId } = member;
  await studyForTool(db, reviewId, input.studyId, input.tool);
  const tool = toolDefinition(input.tool);
  const result = resultWhere(checkResult(input.tool, input.result));
  const [mine, consensus] = await Promise.all([
    db.appraisal.findFirst({
      where: { studyId: input.studyId, tool: input.tool, appraiserId: member.actorId, isConsensus: false, ...result },
    }),
    db.appraisal.findFirst({
      where: {
        reviewId,
        studyId: input.studyId,
        tool: input.tool,
        ...result,
        isConsensus: true,
        completedAt: { not: null },
      },
    }),
  ]);
  const view = (row: NonNullable<typeof mine>) => {
    const { answers, setAside } = readAnswers(tool, row.answers);
    return {
      id: row.id,
      version: row.version,
      completedAt: row.completedAt,
      answers,
      setAside,
      assessment: assess(tool, answers),
    };
  };
  return {
    mine: mine ? view(mine) : null,
    consensus: consensus ? view(consensus) : null,
    /** For the validity questions: what the consensus extraction says, shown beside the questions it answers. */
    prefill: input.tool === "validity_of_conclusions" ? await validityPrefillFor(db, reviewId, input.studyId) : null,
  };
}

export async function appraisalStudy(db: Db, reviewId: string, studyId: string) {
  const study = await studyWithReports(db, reviewId, studyId);
  if (!study) throw new AppError("NOT_FOUND", "That study is not in this review. Reload the page.");
  return study;
}

/**
 * The results of a study a member may open with a per-result tool: their own appraisals' results, the results with a
 * recorded consensus, and those the study's extraction reports (the consensus extraction's and the member's own
 * result rows), each with its label; plus the review's outcomes, for a result not yet extracted.
 */
export async function studyResults(db: Db, member: MemberScope, input: { studyId: string; tool: ToolName }) {
  const { reviewId } = member;
  await studyForTool(db, reviewId, input.studyId, input.tool);
  if (!isPerResult(input.tool)) return { outcomes: [], results: [] };
  const [outcomes, rows, offered] = await Promise.all([
    db.reviewOutcome.findMany({
      where: { reviewId },
      orderBy: [{ position: "asc" }, { id: "asc" }],
      select: { id: true, name: true },
    }),
    db.appraisal.findMany({
      where: {
        reviewId,
        studyId: input.studyId,
        tool: input.tool,
        OR: [
          { appraiserId: member.actorId, isConsensus: false },
          { isConsensus: true, completedAt: { not: null } },
        ],
      },
      orderBy: { createdAt: "asc" },
      select: { outcomeId: true, timePoint: true, isConsensus: true, completedAt: true, overall: true },
    }),
    offeredResults(db, member, input.studyId),
  ]);
  const names = new Map(outcomes.map((o) => [o.id, o.name]));
  const results: {
    outcomeId: string | null;
    timePoint: string;
    label: string;
    mine: "completed" | "in_progress" | "not_started";
    consensus: string | null | undefined;
    extracted: boolean;
  }[] = [];
  const entry = (ref: ResultRef) => {
    let found = results.find((r) => r.outcomeId === ref.outcomeId && r.timePoint === ref.timePoint);
    if (!found) {
      found = {
        ...ref,
        label: resultLabel(ref, ref.outcomeId ? names.get(ref.outcomeId) : null),
        mine: "not_started",
        consensus: undefined,
        extracted: false,
      };
      results.push(found);
    }
    return found;
  };
  for (const row of rows) {
    const e = entry(row);
    if (row.isConsensus) e.consensus = row.overall;
    else e.mine = row.completedAt ? "completed" : "in_progress";
  }
  for (const ref of offered) if (ref.outcomeId && names.has(ref.outcomeId)) entry(ref).extracted = true;
  return { outcomes, results };
}

export interface ResultRow {
  studyId: string;
  label: string;
  /** The result the consensus judges (RoB 2, ROBINS-I); null outcome for a per-study tool or a result not named. */
  outcomeId: string | null;
  outcomeName: string | null;
  timePoint: string;
  result: string;
  judgements: (string | null)[];
  overall: string | null;
  variant?: string;
  design?: string;
}

/**
 * Recorded consensus judgements of every study appraised with a tool, one row per result for RoB 2 and ROBINS-I, for
 * plots, downloads and the analyses that pool a result (see result-lookup.ts).
 */
export async function consensusResults(db: Db, reviewId: string, toolName: ToolName): Promise<ResultRow[]> {
  const tool = toolDefinition(toolName);
  const rows = await db.appraisal.findMany({
    where: { reviewId, ...currentToolWhere(toolName), isConsensus: true, completedAt: { not: null } },
    select: {
      answers: true,
      outcomeId: true,
      timePoint: true,
      outcome: { select: { name: true } },
      study: { select: { id: true, label: true } },
    },
    orderBy: [{ study: { label: "asc" } }, { timePoint: "asc" }],
  });
  return rows.map((r) => {
    const { answers } = readAnswers(tool, r.answers);
    const assessment = assess(tool, answers);
    // Only a chosen variant is named; answers without one read as the default wherever rows are labelled.
    return {
      studyId: r.study.id,
      label: r.study.label,
      outcomeId: r.outcomeId,
      outcomeName: r.outcome?.name ?? null,
      timePoint: r.timePoint,
      result: isPerResult(toolName) ? resultLabel(r, r.outcome?.name) : "",
      judgements: assessment.domains.map((d) => d.final),
      overall: assessment.overall?.final ?? null,
      ...(answers.variant ? { variant: answers.variant } : {}),
      ...(answers.design ? { design: answers.design } : {}),
    };
  });
}
