import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { z } from "zod";
import { AppError } from "../../errors/app-error";
import { createImport } from "../../import/create-import";
import { SOURCE_KINDS } from "../../import/sources";
import { FORMATS } from "../../import/types";
import { enqueueInTransaction, QUEUES } from "../../jobs/queue";
import type { ReviewRouteHandler } from "../review-route";

const UploadParams = z.object({
  fileName: z.string().trim().min(1, "The file has no name.").max(255),
  source: z.string().trim().min(1, "Name the source these records come from (e.g. PubMed).").max(100),
  sourceKind: z.enum(SOURCE_KINDS),
  format: z.enum(FORMATS).optional(),
});

/** POST /api/reviews/<id>/imports?fileName=…&source=…&sourceKind=…[&format=…], the raw file as the body. */
export const uploadImport: ReviewRouteHandler = async ({ db, storage, reviewId, actor, request }) => {
  const params = UploadParams.parse(Object.fromEntries(new URL(request.url).searchParams));
  if (!request.body) throw new AppError("INVALID_INPUT", "The upload has no file in it.");
  const created = await createImport(
    { db, storage, enqueueImport: (tx, importId) => enqueueInTransaction(tx, QUEUES.import, { importId }) },
    actor,
    {
      fileName: params.fileName,
      body: Readable.fromWeb(request.body as WebReadableStream<Uint8Array>),
      source: { name: params.source, kind: params.sourceKind },
      requestedFormat: params.format,
    },
  );
  return Response.json({ importId: created.id }, { status: 201 });
};
