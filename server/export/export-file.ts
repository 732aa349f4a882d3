// The finished file of an export: only the person who asked for it gets it, and only while they still hold the
// role that export needs.

import type { Readable } from "node:stream";
import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { MemberScope } from "../shared/actor";
import type { FileStorage } from "../storage/file-storage";
import { assertMayExport } from "./export-jobs";
import { type ExportFormat, type ExportKind, FORMAT_FILES } from "./export-kinds";

export interface ExportFile {
  body: Readable;
  contentType: string;
  fileName: string;
  byteSize: bigint;
}

export async function exportFile(
  deps: { db: Db; storage: FileStorage },
  scope: MemberScope,
  exportId: string,
): Promise<ExportFile> {
  const found = await deps.db.export.findFirst({
    where: { id: exportId, reviewId: scope.reviewId, requestedById: scope.actorId },
  });
  if (!found) throw new AppError("NOT_FOUND", "There is no such export of yours in this review.");
  assertMayExport(scope.role, found.kind as ExportKind);
  if (found.status !== "succeeded" || !found.fileKey || !found.fileName)
    throw new AppError("STALE", "This export has no file yet.");
  const body = await deps.storage.get(found.fileKey);
  return {
    body,
    contentType: FORMAT_FILES[found.format as ExportFormat].contentType,
    fileName: found.fileName,
    byteSize: found.byteSize,
  };
}
