// The download endpoint's logic: only the person who asked for an export gets its file, and only while they
// still hold the role that export needs.
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { Readable } from "node:stream";
import type { Db } from "../db/client";
import { APP_ERROR_STATUS, AppError } from "../errors/app-error";
import type { FileStorage } from "../storage/file-storage";
import { assertReviewRole } from "../team/members";
import { FORMAT_FILES, type ExportFormat, type ExportKind } from "./export-kinds";
import { assertMayExport } from "./export-jobs";

export interface DownloadRequest {
  db: Db;
  storage: FileStorage;
  userId: string | null;
  reviewId: string;
  exportId: string;
}

function errorResponse(err: unknown): Response {
  if (err instanceof AppError) {
    const status = getHTTPStatusCodeFromError(new TRPCError({ code: APP_ERROR_STATUS[err.code] }));
    return Response.json({ error: err.message }, { status });
  }
  console.error("sift: download failed:", err);
  return Response.json({ error: "The download failed on the server. Try again." }, { status: 500 });
}

/** RFC 6266: a plain ASCII name for old clients and the exact UTF-8 name for the rest. */
function attachment(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function handleDownload(req: DownloadRequest): Promise<Response> {
  try {
    if (!req.userId) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
    const membership = await assertReviewRole(req.db, req.reviewId, req.userId, "observer");
    const found = await req.db.export.findFirst({ where: { id: req.exportId, reviewId: req.reviewId, requestedById: req.userId } });
    if (!found) throw new AppError("NOT_FOUND", "There is no such export of yours in this review.");
    assertMayExport(membership.role, found.kind as ExportKind);
    if (found.status !== "succeeded" || !found.fileKey || !found.fileName) throw new AppError("STALE", "This export has no file yet.");
    const body = await req.storage.get(found.fileKey);
    return new Response(Readable.toWeb(body) as ReadableStream, {
      headers: {
        "content-type": FORMAT_FILES[found.format as ExportFormat].contentType,
        "content-disposition": attachment(found.fileName),
        "content-length": String(found.byteSize),
        "cache-control": "private, no-store",
      },
    });
  } catch (err) {
    return errorResponse(err);
  }
}
