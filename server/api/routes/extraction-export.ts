import { ExportParams, extractionExport } from "../../extraction/export-data";
import { download } from "../download";
import type { ReviewRouteHandler } from "../review-route";

/** GET /api/reviews/<id>/extraction/export?form=…&format=csv|xlsx&layout=wide|long&values=consensus|extractors */
export const exportExtractions: ReviewRouteHandler = async ({ db, reviewId, actor, request }) => {
  const params = ExportParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  const file = await extractionExport(db, reviewId, actor.role, params);
  return download(file.body as BodyInit, file);
};
