// A full-text PDF for a report: checked while it streams to storage, then recorded with its audit event.
import { randomUUID } from "node:crypto";
import { pipeline, type Readable } from "node:stream";
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import { type FileStorage, safeFileName } from "../storage/file-storage";
import { lockReport } from "./lock-report";
import { maxPdfBytes, pdfGuard } from "./pdf-guard";
import { assertMayRetrieve } from "./retrieval-access";

export interface NewReportFile {
  reportId: string;
  fileName: string;
  body: Readable;
}

/**
 * Each upload gets a key of its own, so replacing a PDF never overwrites the file the database points at: the
 * new file is stored, the report switched to it in a transaction, and only then is the old file deleted.
 */
export async function attachReportFile(
  deps: { db: Db; storage: FileStorage },
  scope: MemberScope,
  input: NewReportFile,
  maxBytes = maxPdfBytes(),
) {
  await assertMayRetrieve(deps.db, scope);
  const known = await deps.db.report.findFirst({
    where: { id: input.reportId, reviewId: scope.reviewId },
    select: { id: true },
  });
  if (!known) throw new AppError("NOT_FOUND", "That report is not in this review.");
  const fileName = input.fileName.trim().slice(0, 255) || "full-text.pdf";
  const key = `reviews/${scope.reviewId}/reports/${known.id}/${randomUUID()}/${safeFileName(fileName)}`;
  // pipeline, not pipe: an aborted upload must fail the store instead of leaving it waiting for the end.
  const checked = pipeline(input.body, pdfGuard(maxBytes), () => {});
  let bytes: number;
  try {
    ({ bytes } = await deps.storage.put(key, checked, "application/pdf"));
  } catch (err) {
    await deps.storage.delete(key).catch(() => {});
    throw err;
  }
  let oldKey: string | null = null;
  try {
    const updated = await deps.db.$transaction(async (tx) => {
      const report = await lockReport(tx, scope.reviewId, known.id);
      oldKey = report.fileKey;
      const updated = await tx.report.update({
        where: { id: report.id },
        data: { fileKey: key, fileName, byteSize: bytes, retrievalStatus: "retrieved", retrievalNote: "" },
      });
      await recordAuditEvent(tx, {
        reviewId: scope.reviewId,
        actorId: scope.actorId,
        action: "report.file_attached",
        entityType: "report",
        entityId: report.id,
        data: { fileName, bytes, from: { status: report.retrievalStatus, fileName: report.fileName } },
      });
      return updated;
    });
    const replaced: string | null = oldKey;
    if (replaced && replaced !== key) {
      await deps.storage
        .delete(replaced)
        .catch((err: unknown) => console.error("sift: could not delete", replaced, err));
    }
    return updated;
  } catch (err) {
    await deps.storage.delete(key).catch(() => {});
    throw err;
  }
}
