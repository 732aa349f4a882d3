// People's grouping of reports into studies: confirm a suggestion, make, merge and split studies, move a
// report, rename, set the design. Each change and its audit event commit together; a report someone else
// grouped meanwhile is refused as stale rather than silently moved.

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db, Tx } from "../db/client";
import { AppError } from "../errors/app-error";
import { refuseUnlessSeesOthersDecisions } from "../reviews/stage-visibility";
import type { MemberScope } from "../shared/actor";
import { DEFAULT_TOOL, type Design, type RISK_OF_BIAS_TOOLS, TOOL_LABELS, type ToolName } from "./designs";
import { includedReportsWhere } from "./studies-view";
import { studyLabelFor } from "./suggest-groups";

/**
 * Grouping reports reads which reports are included at full text (a refusal names one that is not), so while
 * that stage is blinded it is for those who may see its outcomes, refused before any report is read.
 */
async function assertMayGroup(db: Db, scope: MemberScope): Promise<void> {
  await refuseUnlessSeesOthersDecisions(
    db,
    scope,
    "full_text",
    "While full-text screening is blinded, reports are grouped into studies by the review's leads.",
  );
}

async function loadStudy(tx: Tx, reviewId: string, studyId: string) {
  const study = await tx.study.findFirst({ where: { id: studyId, reviewId } });
  if (!study) throw new AppError("NOT_FOUND", "That study is not in this review. Reload the page.");
  return study;
}

/** The reports, which must all be included at full text in this review and (when given) currently in `from`. */
async function loadReports(tx: Tx, reviewId: string, reportIds: readonly string[], from?: string | null) {
  const unique = [...new Set(reportIds)];
  const reports = await tx.report.findMany({
    where: { id: { in: unique }, ...includedReportsWhere(reviewId) },
    select: { id: true, studyId: true, record: { select: { title: true, authors: true, year: true, nctIds: true } } },
  });
  if (reports.length !== unique.length) {
    throw new AppError("NOT_FOUND", "Some of these reports are not included reports of this review. Reload the page.");
  }
  if (from !== undefined && reports.some((r) => r.studyId !== from)) {
    throw new AppError(
      "STALE",
      "Someone has grouped some of these reports meanwhile. Reload the page to see the studies as they are now.",
    );
  }
  return reports;
}

/** A study left without reports goes, unless data were already extracted or appraised for it. */
async function removeIfEmpty(tx: Tx, scope: MemberScope, studyId: string) {
  const left = await tx.report.count({ where: { studyId } });
  if (left > 0) return;
  const work = (await tx.appraisal.count({ where: { studyId } })) + (await tx.extraction.count({ where: { studyId } }));
  if (work > 0)
    throw new AppError(
      "STUDY_HAS_WORK",
      "This would leave a study with appraisals or extracted data without any report. Move another report into it first.",
    );
  await tx.study.delete({ where: { id: studyId } });
  await recordAuditEvent(tx, {
    ...scopeOf(scope),
    action: "study.removed",
    entityType: "study",
    entityId: studyId,
    data: { reason: "no reports left" },
  });
}

function scopeOf(scope: MemberScope) {
  return { reviewId: scope.reviewId, actorId: scope.actorId };
}

/** Makes a study of ungrouped reports (a confirmed suggestion, or a single report on its own). */
export async function createStudy(db: Db, scope: MemberScope, input: { reportIds: string[]; label?: string }) {
  if (input.reportIds.length === 0) throw new AppError("INVALID_INPUT", "Choose at least one report for the study.");
  await assertMayGroup(db, scope);
  return db.$transaction(async (tx) => {
    const reports = await loadReports(tx, scope.reviewId, input.reportIds, null);
    const first = [...reports].sort(
      (a, b) => (a.record.authors.length ? 0 : 1) - (b.record.authors.length ? 0 : 1),
    )[0]!;
    const label = input.label?.trim() || studyLabelFor(first.record);
    const study = await tx.study.create({ data: { reviewId: scope.reviewId, label } });
    await tx.report.updateMany({ where: { id: { in: reports.map((r) => r.id) } }, data: { studyId: study.id } });
    await recordAuditEvent(tx, {
      ...scopeOf(scope),
      action: "study.created",
      entityType: "study",
      entityId: study.id,
      data: { label, reportIds: reports.map((r) => r.id) },
    });
    return { id: study.id, label };
  });
}

/** Puts reports into a study (from no study or another one); the study they leave goes if it is left empty. */
export async function moveReports(db: Db, scope: MemberScope, input: { reportIds: string[]; studyId: string | null }) {
  await assertMayGroup(db, scope);
  return db.$transaction(async (tx) => {
    if (input.studyId) await loadStudy(tx, scope.reviewId, input.studyId);
    const reports = await loadReports(tx, scope.reviewId, input.reportIds);
    const left = new Set(reports.map((r) => r.studyId).filter((s): s is string => s !== null && s !== input.studyId));
    await tx.report.updateMany({ where: { id: { in: reports.map((r) => r.id) } }, data: { studyId: input.studyId } });
    for (const studyId of left) await removeIfEmpty(tx, scope, studyId);
    await recordAuditEvent(tx, {
      ...scopeOf(scope),
      action: "study.reports_moved",
      entityType: "study",
      entityId: input.studyId ?? "none",
      data: { reportIds: reports.map((r) => r.id), from: reports.map((r) => r.studyId) },
    });
  });
}

/** Merges studies into the first one; refused when the others already hold appraisals or extracted data. */
export async function mergeStudies(db: Db, scope: MemberScope, input: { targetId: string; sourceIds: string[] }) {
  const sources = [...new Set(input.sourceIds)].filter((id) => id !== input.targetId);
  if (sources.length === 0) throw new AppError("INVALID_INPUT", "Choose at least two studies to merge.");
  return db.$transaction(async (tx) => {
    await loadStudy(tx, scope.reviewId, input.targetId);
    for (const id of sources) await loadStudy(tx, scope.reviewId, id);
    const work =
      (await tx.appraisal.count({ where: { studyId: { in: sources } } })) +
      (await tx.extraction.count({ where: { studyId: { in: sources } } }));
    if (work > 0) {
      throw new AppError(
        "STUDY_HAS_WORK",
        "Only the study you merge into may hold appraisals or extracted data; the others already have some. Merge into that study instead.",
      );
    }
    await tx.report.updateMany({ where: { studyId: { in: sources } }, data: { studyId: input.targetId } });
    await tx.study.deleteMany({ where: { id: { in: sources } } });
    await recordAuditEvent(tx, {
      ...scopeOf(scope),
      action: "study.merged",
      entityType: "study",
      entityId: input.targetId,
      data: { merged: sources },
    });
  });
}

/** Takes some reports out of a study into a new one. */
export async function splitStudy(
  db: Db,
  scope: MemberScope,
  input: { studyId: string; reportIds: string[]; label?: string },
) {
  await assertMayGroup(db, scope);
  return db.$transaction(async (tx) => {
    await loadStudy(tx, scope.reviewId, input.studyId);
    const reports = await loadReports(tx, scope.reviewId, input.reportIds, input.studyId);
    const remaining = await tx.report.count({
      where: { studyId: input.studyId, id: { notIn: reports.map((r) => r.id) } },
    });
    if (remaining === 0) throw new AppError("INVALID_INPUT", "Leave at least one report in the study you split.");
    const label = input.label?.trim() || studyLabelFor(reports[0]!.record);
    const study = await tx.study.create({ data: { reviewId: scope.reviewId, label } });
    await tx.report.updateMany({ where: { id: { in: reports.map((r) => r.id) } }, data: { studyId: study.id } });
    await recordAuditEvent(tx, {
      ...scopeOf(scope),
      action: "study.split",
      entityType: "study",
      entityId: input.studyId,
      data: { newStudyId: study.id, reportIds: reports.map((r) => r.id) },
    });
    return { id: study.id, label };
  });
}

export async function renameStudy(db: Db, scope: MemberScope, input: { studyId: string; label: string }) {
  const label = input.label.trim();
  if (!label) throw new AppError("INVALID_INPUT", "A study needs a name.");
  return db.$transaction(async (tx) => {
    const study = await loadStudy(tx, scope.reviewId, input.studyId);
    await tx.study.update({ where: { id: study.id }, data: { label } });
    await recordAuditEvent(tx, {
      ...scopeOf(scope),
      action: "study.renamed",
      entityType: "study",
      entityId: study.id,
      data: { from: study.label, to: label },
    });
  });
}

/**
 * A study's appraisals with a tool it would no longer be appraised with leave the appraisal table, plots and
 * downloads (they are kept, and come back if the tool is set back), so such a change waits for the lead to
 * confirm it, naming what it hides.
 */
async function requireConfirmationIfOrphaning(
  tx: Tx,
  study: { id: string; label: string; appraisalTool: string | null },
  nextTool: ToolName | null,
  confirm: boolean | undefined,
) {
  const from = study.appraisalTool as ToolName | null;
  if (!from || from === nextTool || confirm) return;
  const rows = await tx.appraisal.findMany({
    where: { studyId: study.id, tool: from },
    select: { isConsensus: true, completedAt: true },
  });
  if (rows.length === 0) return;
  const own = rows.filter((r) => !r.isConsensus).length;
  const consensus = rows.some((r) => r.isConsensus && r.completedAt);
  const label = TOOL_LABELS[from];
  const parts = [
    own > 0 ? `${own} ${label} ${own === 1 ? "appraisal" : "appraisals"}` : null,
    consensus ? `its recorded ${label} consensus` : null,
  ].filter(Boolean);
  const to = nextTool ? TOOL_LABELS[nextTool] : "validity of conclusions only";
  throw new AppError(
    "CONFIRM_REQUIRED",
    `${study.label} would be appraised with ${to}: ${parts.join(" and ") || `its ${label} work`} would leave the appraisal table, plots and downloads. They are kept, and return if the tool is set back.`,
  );
}

/** Setting the design picks the tool the design calls for; a lead may choose another afterwards. */
export async function setStudyDesign(
  db: Db,
  scope: MemberScope,
  input: { studyId: string; design: Design; confirm?: boolean },
) {
  return db.$transaction(async (tx) => {
    const study = await loadStudy(tx, scope.reviewId, input.studyId);
    const appraisalTool = DEFAULT_TOOL[input.design];
    await requireConfirmationIfOrphaning(tx, study, appraisalTool, input.confirm);
    await tx.study.update({ where: { id: study.id }, data: { design: input.design, appraisalTool } });
    await recordAuditEvent(tx, {
      ...scopeOf(scope),
      action: "study.design_set",
      entityType: "study",
      entityId: study.id,
      data: { from: study.design, to: input.design, appraisalTool },
    });
  });
}

export async function setStudyTool(
  db: Db,
  scope: MemberScope,
  input: { studyId: string; tool: (typeof RISK_OF_BIAS_TOOLS)[number] | null; confirm?: boolean },
) {
  return db.$transaction(async (tx) => {
    const study = await loadStudy(tx, scope.reviewId, input.studyId);
    await requireConfirmationIfOrphaning(tx, study, input.tool, input.confirm);
    await tx.study.update({ where: { id: study.id }, data: { appraisalTool: input.tool } });
    await recordAuditEvent(tx, {
      ...scopeOf(scope),
      action: "study.tool_set",
      entityType: "study",
      entityId: study.id,
      data: { from: study.appraisalTool, to: input.tool },
    });
  });
}
