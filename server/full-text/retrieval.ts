// Retrieval of a report's full text by link, "not retrieved", and taking either back. Each change is written
// with its audit event in one transaction. PDFs arrive through attach-file.ts.

import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db/client";
import type { MemberScope } from "../shared/actor";
import type { FileStorage } from "../storage/file-storage";
import { assertNoFullTextDecisions, lockReport } from "./lock-report";
import { parseReportUrl } from "./report-url";
import { assertMayRetrieve, assertMayTakeBack } from "./retrieval-access";

/** What callers get back: never the storage key, which is Sift's business only. */
const REPORT_STATE = { id: true, retrievalStatus: true, fileName: true, url: true, retrievalNote: true } as const;

/** A link keeps any PDF already attached (a publisher's page beside the copy); the report counts as retrieved. */
export async function setReportLink(db: Db, scope: MemberScope, input: { reportId: string; url: string }) {
  const url = parseReportUrl(input.url);
  await assertMayRetrieve(db, scope);
  return db.$transaction(async (tx) => {
    const report = await lockReport(tx, scope.reviewId, input.reportId);
    const updated = await tx.report.update({
      where: { id: report.id },
      data: { url, retrievalStatus: "retrieved", retrievalNote: "" },
      select: REPORT_STATE,
    });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: "report.link_set",
      entityType: "report",
      entityId: report.id,
      data: { url, from: { status: report.retrievalStatus, url: report.url } },
    });
    return updated;
  });
}

/** PRISMA counts these as "reports not retrieved"; they are never screened. */
export async function markNotRetrieved(
  deps: { db: Db; storage: FileStorage },
  scope: MemberScope,
  input: { reportId: string; note?: string },
) {
  const note = (input.note ?? "").trim().slice(0, 2000);
  return clearRetrieval(deps, scope, input.reportId, "not_retrieved", note);
}

/** Back to "sought", as if nothing had been tried: any PDF is deleted and any link forgotten. */
export async function undoRetrieval(
  deps: { db: Db; storage: FileStorage },
  scope: MemberScope,
  input: { reportId: string },
) {
  return clearRetrieval(deps, scope, input.reportId, "sought", "");
}

async function clearRetrieval(
  deps: { db: Db; storage: FileStorage },
  scope: MemberScope,
  reportId: string,
  status: "sought" | "not_retrieved",
  note: string,
) {
  await assertMayRetrieve(deps.db, scope);
  const { updated, oldKey } = await deps.db.$transaction(async (tx) => {
    const report = await lockReport(tx, scope.reviewId, reportId);
    await assertMayTakeBack(tx, scope, report.retrievalStatus);
    await assertNoFullTextDecisions(
      tx,
      report.recordId,
      status === "sought" ? "set back to sought" : "marked not retrieved",
    );
    const updated = await tx.report.update({
      where: { id: report.id },
      data: { retrievalStatus: status, retrievalNote: note, url: null, fileKey: null, fileName: null, byteSize: null },
      select: REPORT_STATE,
    });
    // Records served for full-text screening but not yet decided leave their reviewers' queues.
    await tx.screeningAssignment.deleteMany({ where: { recordId: report.recordId, stage: "full_text" } });
    await recordAuditEvent(tx, {
      reviewId: scope.reviewId,
      actorId: scope.actorId,
      action: status === "sought" ? "report.retrieval_undone" : "report.not_retrieved",
      entityType: "report",
      entityId: report.id,
      data: {
        note,
        from: {
          status: report.retrievalStatus,
          fileName: report.fileName,
          url: report.url,
          note: report.retrievalNote,
        },
      },
    });
    return { updated, oldKey: report.fileKey };
  });
  // After the commit: a failed transaction keeps its file, and a file left behind by a crash here harms nothing.
  if (oldKey)
    await deps.storage.delete(oldKey).catch((err: unknown) => console.error("sift: could not delete", oldKey, err));
  return updated;
}
