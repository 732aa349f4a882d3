// The studies screen: the review's studies with their reports, the included reports not yet in a study, and
// suggestions for grouping them.

import type { Db, Tx } from "../db/client";
import { seesOthersDecisions } from "../reviews/stage-visibility";
import type { MemberScope } from "../shared/actor";
import { DESIGNS, type Design, studyTools } from "./designs";
import { type GroupingReport, suggestGroups } from "./suggest-groups";

/** Reports to group: those whose record was included at full-text screening. */
export function includedReportsWhere(reviewId: string) {
  return { reviewId, record: { outcomes: { some: { stage: "full_text" as const, status: "included" as const } } } };
}

const REPORT_SELECT = {
  id: true,
  studyId: true,
  recordId: true,
  fileKey: true,
  url: true,
  record: {
    select: {
      title: true,
      authors: true,
      year: true,
      nctIds: true,
      journal: true,
      abstract: true,
      url: true,
      doi: true,
    },
  },
} as const;

export interface ReportView {
  id: string;
  recordId: string;
  studyId: string | null;
  title: string;
  authors: string[];
  year: number | null;
  nctIds: string[];
  journal: string | null;
  hasFile: boolean;
  url: string | null;
}

type ReportRow = {
  id: string;
  studyId: string | null;
  recordId: string;
  fileKey: string | null;
  url: string | null;
  record: {
    title: string;
    authors: string[];
    year: number | null;
    nctIds: string[];
    journal: string | null;
    url: string | null;
    doi: string | null;
    abstract: string;
  };
};

function toView(r: ReportRow): ReportView {
  return {
    id: r.id,
    recordId: r.recordId,
    studyId: r.studyId,
    title: r.record.title,
    authors: r.record.authors,
    year: r.record.year,
    nctIds: r.record.nctIds,
    journal: r.record.journal,
    hasFile: r.fileKey !== null,
    url: r.url ?? r.record.url ?? (r.record.doi ? `https://doi.org/${r.record.doi}` : null),
  };
}

export function asGroupingReport(r: ReportView): GroupingReport {
  return {
    reportId: r.id,
    recordId: r.recordId,
    studyId: r.studyId,
    title: r.title,
    authors: r.authors,
    year: r.year,
    nctIds: r.nctIds,
  };
}

export async function groupingInputs(db: Db | Tx, reviewId: string) {
  const reports = (
    await db.report.findMany({
      where: includedReportsWhere(reviewId),
      select: REPORT_SELECT,
      orderBy: { createdAt: "asc" },
    })
  ).map(toView);
  const links = await db.studyLink.findMany({
    where: { reviewId },
    select: { recordAId: true, recordBId: true, nctId: true },
  });
  return { reports, links };
}

/**
 * Which reports are included at full text says how the full-text reviewers decided, so while that stage is
 * blinded only those who may see its outcomes (leads) get the reports still to group and the suggestions; the
 * studies already made are everyone's.
 */
export async function studiesOverview(db: Db, member: MemberScope) {
  const { reviewId } = member;
  const mayGroup = await seesOthersDecisions(db, member, "full_text");
  const [{ reports: included, links }, studies] = await Promise.all([
    mayGroup ? groupingInputs(db, reviewId) : { reports: [], links: [] },
    db.study.findMany({
      where: { reviewId },
      orderBy: [{ label: "asc" }, { createdAt: "asc" }],
      select: {
        id: true,
        label: true,
        design: true,
        appraisalTool: true,
        reports: { select: REPORT_SELECT, orderBy: { createdAt: "asc" } },
        _count: { select: { appraisals: true, extractions: true } },
      },
    }),
  ]);
  const suggestions = suggestGroups(included.map(asGroupingReport), links);
  const byId = new Map(included.map((r) => [r.id, r]));
  return {
    mayGroup,
    studies: studies.map((s) => ({
      id: s.id,
      label: s.label,
      design: (DESIGNS as readonly string[]).includes(s.design ?? "") ? (s.design as Design) : null,
      appraisalTool: s.appraisalTool,
      tools: studyTools(s.appraisalTool),
      reports: s.reports.map(toView),
      hasWork: s._count.appraisals + s._count.extractions > 0,
    })),
    ungrouped: included.filter((r) => r.studyId === null),
    suggestions: suggestions.map((s) => ({ ...s, reports: s.reportIds.map((id) => byId.get(id)!) })),
  };
}

/** One study with its reports, for the appraisal screen; a study of another review is "not found". */
export async function studyWithReports(db: Db, reviewId: string, studyId: string) {
  const study = await db.study.findFirst({
    where: { id: studyId, reviewId },
    select: {
      id: true,
      label: true,
      design: true,
      appraisalTool: true,
      reports: { select: REPORT_SELECT, orderBy: { createdAt: "asc" } },
    },
  });
  if (!study) return null;
  return {
    id: study.id,
    label: study.label,
    design: study.design,
    appraisalTool: study.appraisalTool,
    tools: studyTools(study.appraisalTool),
    reports: study.reports.map((r) => ({ ...toView(r), abstract: r.record.abstract })),
  };
}
