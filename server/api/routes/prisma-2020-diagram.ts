import { AppError } from "../../errors/app-error";
import { DIAGRAM_FORMATS, type DiagramFormat } from "../../prisma-2020-flow/diagram-formats";
import { diagramFile } from "../../prisma-2020-flow/flow-service";
import { download } from "../download";
import type { ReviewRouteHandler } from "../review-route";

/** GET /api/reviews/<id>/prisma/svg|png|pdf|csv: the review's PRISMA diagram as a file, for whoever may see it. */
export const downloadDiagram: ReviewRouteHandler<{ format: string }> = async ({ db, reviewId, actor, params }) => {
  if (!(DIAGRAM_FORMATS as readonly string[]).includes(params.format)) {
    throw new AppError("NOT_FOUND", `The diagram comes as ${DIAGRAM_FORMATS.join(", ")}; not as "${params.format}".`);
  }
  const file = await diagramFile(db, reviewId, params.format as DiagramFormat, actor);
  return download(new Uint8Array(file.body), file);
};
