import { summaryBarSvg } from "@/server/appraisal/plots/summary-bar";
import { trafficLightSvg } from "@/server/appraisal/plots/traffic-light";
import { TOOLS } from "@/server/appraisal/tools";
import { TOOL_NAMES, type ToolName } from "@/server/appraisal/tools/types";
import { download, errorResponse, routeCaller } from "@/server/api/route-caller";
import { svgToPng } from "@/server/svg/svg-to-png";

export const dynamic = "force-dynamic";

/** GET ?kind=traffic-light|summary&format=svg|png[&download=1]: the consensus plot of one tool. */
export async function GET(req: Request, ctx: { params: Promise<{ reviewId: string; tool: string }> }) {
  const { reviewId, tool } = await ctx.params;
  const params = new URL(req.url).searchParams;
  const kind = params.get("kind") ?? "traffic-light";
  const format = params.get("format") ?? "svg";
  if (!(TOOL_NAMES as readonly string[]).includes(tool) || !["traffic-light", "summary"].includes(kind) || !["svg", "png"].includes(format)) {
    return new Response("Ask for a known tool, kind=traffic-light or summary, and format=svg or png.", { status: 400 });
  }
  try {
    const rows = await (await routeCaller(req)).appraisal.results({ reviewId, tool: tool as ToolName });
    const definition = TOOLS[tool as ToolName];
    const svg = kind === "summary" ? summaryBarSvg(definition, rows) : trafficLightSvg(definition, rows);
    const name = `${tool}-${kind}.${format}`;
    if (format === "png") {
      return download(new Uint8Array(svgToPng(svg)), "image/png", name);
    }
    if (params.get("download")) return download(svg, "image/svg+xml", name);
    return new Response(svg, { headers: { "content-type": "image/svg+xml", "cache-control": "no-store" } });
  } catch (err) {
    return errorResponse(err);
  }
}
