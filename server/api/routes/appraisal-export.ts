import { longTable, toCsv, toXlsx, wideTable } from "../../appraisal/export-files";
import { TOOL_NAMES, type ToolName } from "../../appraisal/tools/types";
import { AppError } from "../../errors/app-error";
import { download } from "../download";
import type { ReviewRouteHandler } from "../review-route";

/**
 * GET /api/reviews/<id>/appraisal/export?format=xlsx | ?format=csv&layout=wide&tool=rob2 | ?format=csv&layout=long,
 * with &source=appraisers for each appraiser's own values (leads only); consensus values otherwise.
 */
export const exportAppraisals: ReviewRouteHandler = async ({ reviewId, request, procedures }) => {
  const query = new URL(request.url).searchParams;
  const format = query.get("format") ?? "xlsx";
  const layout = query.get("layout") ?? "long";
  const source = query.get("source") === "appraisers" ? "appraisers" : "consensus";
  const tool = query.get("tool");
  if (
    !["csv", "xlsx"].includes(format) ||
    !["wide", "long"].includes(layout) ||
    (format === "csv" && layout === "wide" && !(TOOL_NAMES as readonly string[]).includes(tool ?? ""))
  ) {
    throw new AppError(
      "INVALID_INPUT",
      "Ask for format=xlsx, or format=csv with layout=long, or layout=wide and a tool.",
    );
  }
  const { wide, long } = await procedures.appraisal.exportRows({ reviewId, source });
  const stem = `appraisal-${source}`;
  if (format === "xlsx") {
    const contentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    return download(new Uint8Array(await toXlsx(wide, long)), { contentType, fileName: `${stem}.xlsx` });
  }
  const table = layout === "wide" ? wideTable(tool as ToolName, wide) : longTable(long);
  return download(toCsv(table), {
    contentType: "text/csv; charset=utf-8",
    fileName: `${stem}-${layout === "wide" ? tool : "items"}.csv`,
  });
};
