// Reading and undoing the work that hangs on a settled outcome a lead reopens or overrides (dependent-work.ts
// says what it is and writes the sentences). Runs in the change's transaction, after the record's row was locked.

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Tx } from "../db/client";
import type { ActorScope } from "../shared/actor";
import type { Stage } from "../shared/stages";
import { type DependentWork, NO_WORK, type StudyWork } from "./dependent-work";

/** The study a report is in, with what taking the report out would leave behind. */
async function studyOf(tx: Tx, studyId: string | null): Promise<StudyWork | null> {
  if (!studyId) return null;
  const study = await tx.study.findUniqueOrThrow({
    where: { id: studyId },
    select: { label: true, _count: { select: { reports: true, extractions: true, appraisals: true } } },
  });
  const counts = study._count;
  return {
    label: study.label,
    otherReports: counts.reports - 1,
    extractions: counts.extractions,
    appraisals: counts.appraisals,
  };
}

/**
 * The work that taking back the record's inclusion at `stage` would undo: at title/abstract its report and all
 * that followed it; at full text its place in a study. Nothing when the outcome is not an inclusion.
 */
export async function laterWork(tx: Tx, recordId: string, stage: Stage, included: boolean): Promise<DependentWork> {
  if (!included) return NO_WORK;
  const report = await tx.report.findUnique({
    where: { recordId },
    select: { id: true, retrievalStatus: true, fileName: true, url: true, studyId: true },
  });
  if (!report) return NO_WORK;
  const study = await studyOf(tx, report.studyId);
  if (stage === "full_text") return { ...NO_WORK, study };
  const [fullTextDecisions, fullText] = await Promise.all([
    tx.screeningDecision.count({ where: { recordId, stage: "full_text" } }),
    tx.screeningOutcome.findUnique({
      where: { recordId_stage: { recordId, stage: "full_text" } },
      select: { status: true },
    }),
  ]);
  return {
    report: {
      id: report.id,
      retrievalStatus: report.retrievalStatus,
      fileName: report.fileName,
      url: report.url,
    },
    fullTextDecisions,
    fullTextOutcome: fullText?.status ?? null,
    study,
  };
}

/**
 * A stage's round of decisions stops counting: the decisions move to superseded_decisions under the change that
 * superseded them (kept, so the round's agreement can still be reported), records served for it go back, and its
 * conflict, open or resolved, is withdrawn (its resolution stays on the row and in the audit trail; a new
 * disagreement reopens the same row). Returns how many decisions were superseded.
 */
export async function supersedeRound(tx: Tx, recordId: string, stage: Stage, changeId: string): Promise<number> {
  const moved = await tx.$executeRaw`
    WITH gone AS (
      DELETE FROM screening_decisions WHERE record_id = ${recordId} AND stage = ${stage}::stage
      RETURNING id, review_id, record_id, stage, reviewer_id, verdict, reason_id, note, created_at, updated_at)
    INSERT INTO superseded_decisions (id, review_id, record_id, stage, reviewer_id, verdict, reason_id, note, created_at, updated_at, change_id)
    SELECT g.*, ${changeId} FROM gone g`;
  await tx.screeningAssignment.deleteMany({ where: { recordId, stage } });
  await tx.conflict.updateMany({
    where: { recordId, stage, status: { in: ["open", "resolved"] } },
    data: { status: "withdrawn" },
  });
  return moved;
}

/** Takes the report out of its study; a study left without reports goes, with its extraction and appraisals. */
async function leaveStudy(tx: Tx, scope: ActorScope, report: { id: string; studyId: string | null }, study: StudyWork) {
  if (!report.studyId) return;
  await tx.report.update({ where: { id: report.id }, data: { studyId: null } });
  await recordAuditEvent(tx, {
    ...scope,
    action: "study.reports_moved",
    entityType: "study",
    entityId: "none",
    data: { reportIds: [report.id], from: [report.studyId], reason: "inclusion taken back" },
  });
  if (study.otherReports > 0) return;
  // Extractions and appraisals go with the study (ON DELETE CASCADE); their counts are in the audit event.
  await tx.study.delete({ where: { id: report.studyId } });
  await recordAuditEvent(tx, {
    ...scope,
    action: "study.removed",
    entityType: "study",
    entityId: report.studyId,
    data: {
      reason: "its only report's inclusion was taken back",
      label: study.label,
      reportIds: [report.id],
      extractions: study.extractions,
      appraisals: study.appraisals,
    },
  });
}

/**
 * Undoes `work` (as laterWork read it under the same lock). At title/abstract the full-text round is superseded
 * like a reopened one, the full-text outcome goes, and so does the report; its stored PDF's key is returned, to be
 * deleted once the transaction has committed.
 */
export async function undoLaterWork(
  tx: Tx,
  scope: ActorScope,
  recordId: string,
  stage: Stage,
  work: DependentWork,
  changeId: string,
): Promise<{ fileKey: string | null }> {
  if (!work.report && !work.study) return { fileKey: null };
  const report = await tx.report.findUnique({
    where: { recordId },
    select: { id: true, studyId: true, fileKey: true },
  });
  if (!report) return { fileKey: null };
  if (work.study) await leaveStudy(tx, scope, report, work.study);
  if (stage === "full_text") return { fileKey: null };
  await supersedeRound(tx, recordId, "full_text", changeId);
  await tx.screeningOutcome.deleteMany({ where: { recordId, stage: "full_text" } });
  await tx.report.delete({ where: { id: report.id } });
  return { fileKey: report.fileKey };
}
