import { longTable, toCsv, toXlsx, wideTable } from "@/server/appraisal/export-files";
import { TOOL_NAMES, type ToolName } from "@/server/appraisal/tools/types";
import { download, errorResponse, routeCaller } from "@/server/api/route-caller";

export const dynamic = "force-dynamic";

/**
 * GET ?format=xlsx | ?format=csv&layout=wide&tool=rob2 | ?format=csv&layout=long, with &source=appraisers for
 * each appraiser's own values (leads only); consensus values otherwise.
 */
export async function GET(req: Request, ctx: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await ctx.params;
  const params = new URL(req.url).searchParams;
  const format = params.get("format") ?? "xlsx";
  const layout = params.get("layout") ?? "long";
  const source = params.get("source") === "appraisers" ? "appraisers" : "consensus";
  const tool = params.get("tool");
  if (!["csv", "xlsx"].includes(format) || !["wide", "long"].includes(layout) || (format === "csv" && layout === "wide" && !(TOOL_NAMES as readonly string[]).includes(tool ?? ""))) {
    return new Response("Ask for format=xlsx, or format=csv with layout=long, or layout=wide and a tool.", { status: 400 });
  }
  try {
    const { wide, long } = await (await routeCaller(req)).appraisal.exportRows({ reviewId, source });
    const stem = `appraisal-${source}`;
    if (format === "xlsx") return download(new Uint8Array(await toXlsx(wide, long)), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", `${stem}.xlsx`);
    const table = layout === "wide" ? wideTable(tool as ToolName, wide) : longTable(long);
    return download(toCsv(table), "text/csv; charset=utf-8", `${stem}-${layout === "wide" ? tool : "items"}.csv`);
  } catch (err) {
    return errorResponse(err);
  }
}
