import { PassThrough } from "node:stream";
import { buffer } from "node:stream/consumers";
import { z } from "zod";
import { writeCsv, writeXlsx } from "../../export/table-writer";
import { SEARCH_LOG_COLUMNS } from "../../import/search-log";
import { SOURCE_KIND_LABELS } from "../../import/sources";
import { download } from "../download";
import type { ReviewRouteHandler } from "../review-route";

const Params = z.object({ format: z.enum(["csv", "xlsx"]).default("csv") });

const CONTENT_TYPES = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

/**
 * GET /api/reviews/<id>/imports/search-log?format=csv|xlsx: the review's search summary for PRISMA-S, one row per
 * search whose records are in the review, as the imports.searchLog procedure gives it to the caller.
 */
export const downloadSearchLog: ReviewRouteHandler = async ({ reviewId, request, procedures }) => {
  const { format } = Params.parse(Object.fromEntries(new URL(request.url).searchParams));
  const log = await procedures.imports.searchLog({ reviewId });
  const rows = log.map((s) => [
    s.database,
    SOURCE_KIND_LABELS[s.kind],
    s.platform,
    s.searchedOn ?? "",
    s.searchString,
    s.limits,
    s.records,
    s.fileName,
    s.importedAt.toISOString().slice(0, 10),
    s.importedBy,
  ]);
  const out = new PassThrough();
  const bytes = buffer(out);
  const table = { sheetName: "Searches", columns: SEARCH_LOG_COLUMNS, rows };
  await (format === "xlsx" ? writeXlsx(out, table) : writeCsv(out, table));
  const date = new Date().toISOString().slice(0, 10);
  return download(new Uint8Array(await bytes), {
    contentType: CONTENT_TYPES[format],
    fileName: `search-summary-${date}.${format}`,
  });
};
