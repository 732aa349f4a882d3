import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import type { DuplicateCheck } from "./overlap";
import { dayOf } from "./search-log";

const IMPORT_FIELDS = {
  id: true,
  fileName: true,
  format: true,
  requestedFormat: true,
  status: true,
  byteSize: true,
  bytesRead: true,
  parsedCount: true,
  recordCount: true,
  skippedCount: true,
  error: true,
  createdAt: true,
  finishedAt: true,
  dedupedAt: true,
  duplicateCheck: true,
  confirmedAt: true,
  platform: true,
  searchedOn: true,
  searchString: true,
  limits: true,
  withdrawnAt: true,
  withdrawalReason: true,
  withdrawalProgress: true,
  withdrawalError: true,
  source: { select: { name: true, kind: true } },
  createdBy: { select: { name: true } },
  withdrawnBy: { select: { name: true } },
} as const;

export async function listImports(db: Db, reviewId: string) {
  const imports = await db.import.findMany({
    where: { reviewId },
    select: IMPORT_FIELDS,
    orderBy: { createdAt: "desc" },
  });
  const removed = await db.record.groupBy({
    by: ["importId"],
    where: { reviewId, duplicateOfId: { not: null } },
    _count: true,
  });
  const removedBy = new Map(removed.map((r) => [r.importId, r._count]));
  return imports.map((i) => ({
    ...i,
    byteSize: Number(i.byteSize),
    bytesRead: Number(i.bytesRead),
    duplicatesRemoved: removedBy.get(i.id) ?? 0,
    duplicateCheck: i.duplicateCheck as DuplicateCheck | null,
    searchedOn: dayOf(i.searchedOn),
  }));
}

export async function importDiagnostics(db: Db, reviewId: string, importId: string) {
  const imp = await db.import.findFirst({
    where: { id: importId, reviewId },
    select: { diagnostics: true, skippedCount: true, fileName: true },
  });
  if (!imp) throw new AppError("NOT_FOUND", "That import does not exist in this review.");
  return imp;
}

export async function listSources(db: Db, reviewId: string) {
  return db.source.findMany({
    where: { reviewId },
    select: { id: true, name: true, kind: true, _count: { select: { records: true } } },
    orderBy: { name: "asc" },
  });
}
