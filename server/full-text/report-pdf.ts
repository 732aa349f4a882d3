// Reading a report's stored PDF. A report exists exactly when its record was included at title/abstract, which a
// blinded reviewer must not learn from its id: an unknown report, one in another review and one without a PDF
// are all the same "nothing here".
import type { Readable } from "node:stream";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { FileStorage } from "../storage/file-storage";

export const noPdfHere = () => new AppError("NOT_FOUND", "No PDF is here, or you have no access to it.");

/** The review a report belongs to, or null for no such report. */
export async function reviewOfReport(db: Db, reportId: string): Promise<string | null> {
  const report = await db.report.findUnique({ where: { id: reportId }, select: { reviewId: true } });
  return report?.reviewId ?? null;
}

export async function reportPdf(
  deps: { db: Db; storage: FileStorage },
  reviewId: string,
  reportId: string,
): Promise<{ body: Readable; fileName: string | null; byteSize: number | null }> {
  const report = await deps.db.report.findFirst({
    where: { id: reportId, reviewId },
    select: { fileKey: true, fileName: true, byteSize: true },
  });
  if (!report?.fileKey) throw noPdfHere();
  return { body: await deps.storage.get(report.fileKey), fileName: report.fileName, byteSize: report.byteSize };
}
