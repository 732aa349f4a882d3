import { plottedOutcomes, rowsForOutcome } from "../../appraisal/plots/by-outcome";
import { summaryBarSvg } from "../../appraisal/plots/summary-bar";
import { trafficLightSvg } from "../../appraisal/plots/traffic-light";
import { isPerResult } from "../../appraisal/result-ref";
import { TOOLS } from "../../appraisal/tools";
import { TOOL_NAMES, type ToolName } from "../../appraisal/tools/types";
import { AppError } from "../../errors/app-error";
import { svgToPng } from "../../svg/svg-to-png";
import { download } from "../download";
import type { ReviewRouteHandler } from "../review-route";

/**
 * GET /api/reviews/<id>/appraisal/plots/<tool>?kind=traffic-light|summary&format=svg|png[&outcome=<id>|unnamed]
 * [&download=1]. RoB 2 and ROBINS-I plot one outcome (the first judged when none is named).
 */
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
  const all = await procedures.appraisal.results({ reviewId, tool: tool as ToolName });
  let rows = all;
  let fileName = `${tool}-${kind}.${format}`;
  if (isPerResult(tool as ToolName)) {
    const outcomes = plottedOutcomes(all);
    const outcome = outcomes.find((o) => o.id === (query.get("outcome") ?? outcomes[0]?.id));
    if (query.get("outcome") && !outcome)
      throw new AppError("NOT_FOUND", "No consensus is recorded for that outcome with this tool. Reload the page.");
    rows = outcome ? rowsForOutcome(all, outcome.id) : [];
    if (outcome) fileName = `${tool}-${kind}-${outcome.name.replace(/[^A-Za-z0-9]+/g, "-").toLowerCase()}.${format}`;
  }
  const definition = TOOLS[tool as ToolName];
  const svg = kind === "summary" ? summaryBarSvg(definition, rows) : trafficLightSvg(definition, rows);
  if (format === "png") return download(new Uint8Array(svgToPng(svg)), { contentType: "image/png", fileName });
  if (query.get("download")) return download(svg, { contentType: "image/svg+xml", fileName });
  return new Response(svg, { headers: { "content-type": "image/svg+xml", "cache-control": "no-store" } });
};
