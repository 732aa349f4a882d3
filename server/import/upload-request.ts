// The file upload endpoint's logic (tRPC does not carry raw file bodies): check access, validate, store, queue.
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { z } from "zod";
import type { Db } from "../db/client";
import { APP_ERROR_STATUS, AppError } from "../errors/app-error";
import { enqueueInTransaction, QUEUES } from "../jobs/queue";
import type { FileStorage } from "../storage/file-storage";
import { assertReviewRole } from "../team/members";
import { createImport } from "./create-import";
import { SOURCE_KINDS } from "./sources";
import { FORMATS } from "./types";

export const UploadParams = z.object({
  fileName: z.string().trim().min(1, "The file has no name.").max(255),
  source: z.string().trim().min(1, "Name the source these records come from (e.g. PubMed).").max(100),
  sourceKind: z.enum(SOURCE_KINDS),
  format: z.enum(FORMATS).optional(),
});

export interface UploadRequest {
  db: Db;
  storage: FileStorage;
  userId: string | null;
  reviewId: string;
  params: URLSearchParams;
  body: ReadableStream<Uint8Array> | null;
}

function errorResponse(err: unknown): Response {
  if (err instanceof AppError) {
    const status = getHTTPStatusCodeFromError(new TRPCError({ code: APP_ERROR_STATUS[err.code] }));
    return Response.json({ error: err.message }, { status });
  }
  if (err instanceof z.ZodError) return Response.json({ error: err.issues[0]?.message ?? "Invalid upload." }, { status: 400 });
  console.error("sift: upload failed:", err);
  return Response.json({ error: "The upload failed on the server. Try again." }, { status: 500 });
}

export async function handleUpload(req: UploadRequest): Promise<Response> {
  try {
    if (!req.userId) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
    await assertReviewRole(req.db, req.reviewId, req.userId, "lead");
    const params = UploadParams.parse(Object.fromEntries(req.params));
    if (!req.body) throw new AppError("INVALID_INPUT", "The upload has no file in it.");
    const created = await createImport(
      { db: req.db, storage: req.storage, enqueueImport: (tx, importId) => enqueueInTransaction(tx, QUEUES.import, { importId }) },
      { reviewId: req.reviewId, actorId: req.userId },
      {
        fileName: params.fileName,
        body: Readable.fromWeb(req.body as WebReadableStream<Uint8Array>),
        source: { name: params.source, kind: params.sourceKind },
        requestedFormat: params.format,
      },
    );
    return Response.json({ importId: created.id }, { status: 201 });
  } catch (err) {
    return errorResponse(err);
  }
}
