import { summaryBarSvg } from "../../appraisal/plots/summary-bar";
import { trafficLightSvg } from "../../appraisal/plots/traffic-light";
import { TOOLS } from "../../appraisal/tools";
import { TOOL_NAMES, type ToolName } from "../../appraisal/tools/types";
import { AppError } from "../../errors/app-error";
import { svgToPng } from "../../svg/svg-to-png";
import { download } from "../download";
import type { ReviewRouteHandler } from "../review-route";

/** GET /api/reviews/<id>/appraisal/plots/<tool>?kind=traffic-light|summary&format=svg|png[&download=1] */
export const appraisalPlot: ReviewRouteHandler<{ tool: string }> = async ({
  reviewId,
  params,
  request,
  procedures,
}) => {
  const { tool } = params;
  const query = new URL(request.url).searchParams;
  const kind = query.get("kind") ?? "traffic-light";
  const format = query.get("format") ?? "svg";
  if (
    !(TOOL_NAMES as readonly string[]).includes(tool) ||
    !["traffic-light", "summary"].includes(kind) ||
    !["svg", "png"].includes(format)
  ) {
    throw new AppError("INVALID_INPUT", "Ask for a known tool, kind=traffic-light or summary, and format=svg or png.");
  }
  const rows = await procedures.appraisal.results({ reviewId, tool: tool as ToolName });
  const definition = TOOLS[tool as ToolName];
  const svg = kind === "summary" ? summaryBarSvg(definition, rows) : trafficLightSvg(definition, rows);
  const fileName = `${tool}-${kind}.${format}`;
  if (format === "png") return download(new Uint8Array(svgToPng(svg)), { contentType: "image/png", fileName });
  if (query.get("download")) return download(svg, { contentType: "image/svg+xml", fileName });
  return new Response(svg, { headers: { "content-type": "image/svg+xml", "cache-control": "no-store" } });
};
