// The search log PRISMA-S asks a review to report (items 1, 8, 9, 13 and 15): for each search whose records are in
// the review, the database and the platform it was searched on, the date, the search string, the limits and
// filters, and how many records it brought. One import is one search. Leads fill it in on upload and correct it
// afterwards; the review's search summary (CSV, XLSX) and the PRISMA flow's per-database counts read it here.
import { recordAuditEvent } from "../audit/record-audit-event";
import type { Db } from "../db/client";
import type { SourceKind } from "../db/generated/enums.ts";
import { AppError } from "../errors/app-error";
import type { ActorScope } from "../shared/actor";
import { sourceFor } from "./create-import";
import type { SearchLogInput } from "./search-log-fields";

/** Imports whose records are in the review: the searches a report lists. */
const REPORTED = ["succeeded", "withdrawing"] as const;

export function dayOf(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

export async function updateSearchLog(db: Db, scope: ActorScope, input: SearchLogInput) {
  const searchedOn = input.searchedOn ? new Date(`${input.searchedOn}T00:00:00Z`) : null;
  // A day ahead of UTC is still today somewhere.
  if (searchedOn && searchedOn.getTime() > Date.now() + 86_400_000)
    throw new AppError("INVALID_INPUT", "The date searched cannot be in the future.");
  return db.$transaction(async (tx) => {
    const before = await tx.import.findFirst({
      where: { id: input.importId, reviewId: scope.reviewId },
      select: {
        status: true,
        sourceId: true,
        platform: true,
        searchedOn: true,
        searchString: true,
        limits: true,
        source: { select: { name: true, kind: true } },
      },
    });
    if (!before) throw new AppError("NOT_FOUND", "That import does not exist in this review.");
    if (before.status === "cancelled")
      throw new AppError("INVALID_INPUT", "This upload was cancelled, so it has no search to describe.");
    const source = await sourceFor(tx, scope.reviewId, input.source);
    if (source.id !== before.sourceId) {
      // The records came from the search this log describes: they follow it to the database it names.
      await tx.record.updateMany({ where: { importId: input.importId }, data: { sourceId: source.id } });
    }
    const after = {
      sourceId: source.id,
      platform: input.platform,
      searchedOn,
      searchString: input.searchString,
      limits: input.limits,
    };
    await tx.import.update({ where: { id: input.importId }, data: after });
    const changed: Record<string, { from: string | null; to: string | null }> = Object.fromEntries(
      (["platform", "searchString", "limits"] as const)
        .filter((k) => before[k] !== after[k])
        .map((k) => [k, { from: before[k], to: after[k] }]),
    );
    if (dayOf(before.searchedOn) !== input.searchedOn)
      changed.searchedOn = { from: dayOf(before.searchedOn), to: input.searchedOn };
    if (source.id !== before.sourceId) changed.source = { from: before.source.name, to: source.name };
    if (Object.keys(changed).length > 0)
      await recordAuditEvent(tx, {
        ...scope,
        action: "import.search_log_updated",
        entityType: "import",
        entityId: input.importId,
        data: changed,
      });
    return { importId: input.importId, changed: Object.keys(changed) };
  });
}

export interface SearchLogRow {
  importId: string;
  database: string;
  kind: SourceKind;
  platform: string;
  searchedOn: string | null;
  searchString: string;
  limits: string;
  /** The search's records in the review now. */
  records: number;
  fileName: string;
  importedAt: Date;
  importedBy: string;
}

/** One row per search whose records are in the review, by database and date. */
export async function searchLog(db: Db, reviewId: string): Promise<SearchLogRow[]> {
  const [imports, counts] = await Promise.all([
    db.import.findMany({
      where: { reviewId, status: { in: [...REPORTED] } },
      select: {
        id: true,
        fileName: true,
        platform: true,
        searchedOn: true,
        searchString: true,
        limits: true,
        createdAt: true,
        source: { select: { name: true, kind: true } },
        createdBy: { select: { name: true } },
      },
    }),
    db.record.groupBy({ by: ["importId"], where: { reviewId }, _count: true }),
  ]);
  const records = new Map(counts.map((c) => [c.importId, c._count]));
  return imports
    .map((i) => ({
      importId: i.id,
      database: i.source.name,
      kind: i.source.kind,
      platform: i.platform,
      searchedOn: dayOf(i.searchedOn),
      searchString: i.searchString,
      limits: i.limits,
      records: records.get(i.id) ?? 0,
      fileName: i.fileName,
      importedAt: i.createdAt,
      importedBy: i.createdBy.name,
    }))
    .sort(
      (a, b) =>
        a.database.localeCompare(b.database) ||
        (a.searchedOn ?? "").localeCompare(b.searchedOn ?? "") ||
        a.importedAt.getTime() - b.importedAt.getTime(),
    );
}

/**
 * Records identified per database (or other source), as PRISMA's identification boxes count them: the records
 * of each search in the log, under the database the log names, and records that came without an import (made by
 * hand or by an older Sift) under their own source.
 */
export async function identifiedPerSource(db: Db, reviewId: string) {
  return db.$queryRaw<{ name: string; kind: SourceKind; records: number }[]>`
    SELECT s.name, s.kind::text AS kind, count(*)::int AS records
      FROM records r
      LEFT JOIN imports i ON i.id = r.import_id
      JOIN sources s ON s.id = coalesce(i.source_id, r.source_id)
     WHERE r.review_id = ${reviewId}
     GROUP BY s.id, s.name, s.kind`;
}

export const SEARCH_LOG_COLUMNS = [
  "Database or source",
  "Source kind",
  "Interface or platform",
  "Date searched",
  "Search string",
  "Limits and filters",
  "Records identified",
  "File",
  "Imported on",
  "Imported by",
] as const;
