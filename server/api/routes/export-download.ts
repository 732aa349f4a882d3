import { Readable } from "node:stream";
import { exportFile } from "../../export/export-file";
import { download } from "../download";
import type { ReviewRouteHandler } from "../review-route";

/** GET /api/reviews/<id>/exports/<exportId>: the finished file of one of your exports. */
export const downloadExport: ReviewRouteHandler<{ exportId: string }> = async ({
  db,
  storage,
  reviewId,
  actor,
  params,
}) => {
  const file = await exportFile({ db, storage }, actor, params.exportId);
  return download(Readable.toWeb(file.body) as ReadableStream, file);
};
