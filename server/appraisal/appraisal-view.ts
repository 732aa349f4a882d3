// What each person sees of appraisal: their own work, counts of others' progress (never their answers), and
// recorded consensus results, which every member may read.

import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import { hasRole } from "../shared/roles";
import { studyTools } from "../studies/designs";
import { studyWithReports } from "../studies/studies-view";
import { currentToolWhere, studyForTool } from "./access";
import { assess, readAnswers } from "./answers";
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
      select: { studyId: true, tool: true, appraiserId: true, isConsensus: true, completedAt: true, overall: true },
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
        return {
          tool,
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

/** The member's own appraisal of a study with a tool, and the recorded consensus if there is one. */
export async function myAppraisal(db: Db, member: MemberScope, input: { studyId: string; tool: ToolName }) {
  const { reviewId } = member;
  await studyForTool(db, reviewId, input.studyId, input.tool);
  const tool = toolDefinition(input.tool);
  const [mine, consensus] = await Promise.all([
    db.appraisal.findUnique({
      where: {
        studyId_tool_appraiserId_isConsensus: {
          studyId: input.studyId,
          tool: input.tool,
          appraiserId: member.actorId,
          isConsensus: false,
        },
      },
    }),
    db.appraisal.findFirst({
      where: { reviewId, studyId: input.studyId, tool: input.tool, isConsensus: true, completedAt: { not: null } },
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

export interface ResultRow {
  studyId: string;
  label: string;
  judgements: (string | null)[];
  overall: string | null;
  variant?: string;
  design?: string;
}

/** Recorded consensus judgements of every study appraised with a tool, for plots and downloads. */
export async function consensusResults(db: Db, reviewId: string, toolName: ToolName): Promise<ResultRow[]> {
  const tool = toolDefinition(toolName);
  const rows = await db.appraisal.findMany({
    where: { reviewId, ...currentToolWhere(toolName), isConsensus: true, completedAt: { not: null } },
    select: { answers: true, study: { select: { id: true, label: true } } },
    orderBy: { study: { label: "asc" } },
  });
  return rows.map((r) => {
    const { answers } = readAnswers(tool, r.answers);
    const assessment = assess(tool, answers);
    // Only a chosen variant is named; answers without one read as the default wherever rows are labelled.
    return {
      studyId: r.study.id,
      label: r.study.label,
      judgements: assessment.domains.map((d) => d.final),
      overall: assessment.overall?.final ?? null,
      ...(answers.variant ? { variant: answers.variant } : {}),
      ...(answers.design ? { design: answers.design } : {}),
    };
  });
}
