// The PRISMA flow of one review for the API, the download routes and the CLI: counts → boxes and identity
// checks → SVG, PNG, PDF or the PRISMA2020 template CSV.

import type { Db } from "../db/client";
import { AppError } from "../errors/app-error";
import { seesOthersDecisions } from "../reviews/stage-visibility";
import type { MemberScope } from "../shared/actor";
import { svgToPng } from "../svg/svg-to-png";
import { cachedFlowCounts } from "./cached-flow-counts";
import type { DiagramFormat } from "./diagram-formats";
import { diagramNote } from "./diagram-note";
import { svgToPdf } from "./export-files";
import { type ListKey, prisma2020Flow } from "./flow";
import { listFlowItems } from "./flow-items";
import { layoutDiagram } from "./layout";
import { pendingWork } from "./pending-work";
import { readPreviousVersion } from "./previous-version";
import { renderSvg } from "./render-svg";
import { templateCsv } from "./template-csv";

/**
 * The diagram counts settled outcomes only, but while a stage is blinded even those tell a reviewer how a
 * co-reviewer decided (a count that moves after one's own decision), so such viewers get none of it.
 */
async function assertSeesFlow(db: Db, member: MemberScope): Promise<void> {
  for (const stage of ["title_abstract", "full_text"] as const) {
    if (!(await seesOthersDecisions(db, member, stage))) {
      throw new AppError(
        "FORBIDDEN",
        "While screening is blinded, the PRISMA diagram is for leads and owners only: its counts would reveal how other reviewers decided.",
      );
    }
  }
}

export async function computeFlow(db: Db, reviewId: string) {
  const [counts, previous] = await Promise.all([cachedFlowCounts(db, reviewId), readPreviousVersion(db, reviewId)]);
  return prisma2020Flow(counts, previous);
}

/** The diagram for the page: numbers, identity checks, and the SVG whose boxes are buttons. */
export async function flowDiagram(db: Db, member: MemberScope) {
  const { reviewId } = member;
  await assertSeesFlow(db, member);
  const [flow, previousVersion] = await Promise.all([computeFlow(db, reviewId), readPreviousVersion(db, reviewId)]);
  const layout = layoutDiagram(flow);
  return {
    flow,
    previousVersion,
    pending: pendingWork(flow),
    svg: renderSvg(layout, { interactive: true }),
    width: layout.width,
    height: layout.height,
  };
}

const CONTENT_TYPES: Record<DiagramFormat, string> = {
  svg: "image/svg+xml",
  png: "image/png",
  pdf: "application/pdf",
  csv: "text/csv; charset=utf-8",
};

/** What a box or a failed identity counts, for a member allowed to see the diagram. */
export async function flowItems(db: Db, member: MemberScope, list: ListKey, page: { offset: number; limit: number }) {
  const { reviewId } = member;
  await assertSeesFlow(db, member);
  return listFlowItems(db, reviewId, list, page);
}

/** A file of the diagram; `member` is absent for the CLI, which runs with the database's own rights. */
export async function diagramFile(db: Db, reviewId: string, format: DiagramFormat, member?: MemberScope) {
  if (member) await assertSeesFlow(db, member);
  const review = await db.review.findUniqueOrThrow({ where: { id: reviewId }, select: { slug: true, title: true } });
  const flow = await computeFlow(db, reviewId);
  const file = { fileName: `${review.slug}-prisma.${format}`, contentType: CONTENT_TYPES[format], checks: flow.checks };
  if (format === "csv") return { ...file, body: Buffer.from(templateCsv(flow), "utf8") };
  const layout = layoutDiagram(flow, { note: diagramNote(flow, new Date()) });
  const svg = renderSvg(layout, { title: `PRISMA 2020 flow diagram: ${review.title}` });
  if (format === "svg") return { ...file, body: Buffer.from(svg, "utf8") };
  if (format === "png") return { ...file, body: svgToPng(svg) };
  return { ...file, body: await svgToPdf(svg, layout) };
}
