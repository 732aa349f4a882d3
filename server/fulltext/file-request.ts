// The HTTP side of full-text files (tRPC does not carry raw file bodies): access checks, then the domain.
import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { z } from "zod";
import type { Db } from "../db/client";
import { APP_ERROR_STATUS, AppError } from "../errors/app-error";
import type { FileStorage } from "../storage/file-storage";
import { activeMembership, assertReviewRole } from "../team/members";
import { attachReportFile } from "./attach-file";
import { pdfHeaders } from "./file-headers";

interface FileRequest {
  db: Db;
  storage: FileStorage;
  userId: string | null;
  reportId: string;
}

const UploadParams = z.object({
  reviewId: z.string().min(1).max(64),
  fileName: z.string().trim().min(1, "The file has no name.").max(255),
});

function errorResponse(err: unknown): Response {
  if (err instanceof AppError) {
    const status = getHTTPStatusCodeFromError(new TRPCError({ code: APP_ERROR_STATUS[err.code] }));
    return Response.json({ error: err.message }, { status });
  }
  if (err instanceof z.ZodError) return Response.json({ error: err.issues[0]?.message ?? "Invalid upload." }, { status: 400 });
  console.error("sift: full-text request failed:", err);
  return Response.json({ error: "The request failed on the server. Try again." }, { status: 500 });
}

/** POST: the raw PDF as the body, ?reviewId=…&fileName=…; reviewers and above. */
export async function handleReportUpload(req: FileRequest & { params: URLSearchParams; body: ReadableStream<Uint8Array> | null }) {
  try {
    if (!req.userId) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
    const params = UploadParams.parse(Object.fromEntries(req.params));
    const membership = await assertReviewRole(req.db, params.reviewId, req.userId, "reviewer");
    if (!req.body) throw new AppError("INVALID_INPUT", "The upload has no file in it.");
    const report = await attachReportFile(
      { db: req.db, storage: req.storage },
      { reviewId: params.reviewId, actorId: req.userId, role: membership.role },
      { reportId: req.reportId, fileName: params.fileName, body: Readable.fromWeb(req.body as WebReadableStream<Uint8Array>) },
    );
    return Response.json({ reportId: report.id, fileName: report.fileName, byteSize: report.byteSize }, { status: 201 });
  } catch (err) {
    return errorResponse(err);
  }
}

/**
 * GET: the PDF inline, for any member of the report's review (observers included). An unknown report and one
 * in a review the caller is not a member of get the same answer, so ids of other reviews reveal nothing.
 */
export async function serveReportFile(req: FileRequest): Promise<Response> {
  try {
    if (!req.userId) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
    const report = await req.db.report.findUnique({
      where: { id: req.reportId },
      select: { reviewId: true, fileKey: true, fileName: true, byteSize: true },
    });
    // One answer for an unknown report, one in another review and one without a PDF: a report exists exactly
    // when its record was included at title/abstract, which a blinded reviewer must not learn from its id.
    if (!report?.fileKey || !(await activeMembership(req.db, report.reviewId, req.userId))) {
      throw new AppError("NOT_FOUND", "No PDF is here, or you have no access to it.");
    }
    const body = await req.storage.get(report.fileKey);
    return new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status: 200, headers: pdfHeaders(report.fileName, report.byteSize) });
  } catch (err) {
    return errorResponse(err);
  }
}
