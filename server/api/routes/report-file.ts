import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { z } from "zod";
import type { Db } from "../../db/client";
import { AppError } from "../../errors/app-error";
import { attachReportFile } from "../../full-text/attach-file";
import { reportPdf, reviewOfReport } from "../../full-text/report-pdf";
import type { ReviewRouteHandler } from "../review-route";
import { pdfHeaders } from "./pdf-headers";

type ReportParams = { reportId: string };

/** The review of the report the path names: a GET answers for the report's own review. */
export const reviewOfPathReport = (db: Db, params: ReportParams) => reviewOfReport(db, params.reportId);

const ReviewQuery = z.object({ reviewId: z.string().min(1).max(64) });

/** An upload names its review in the query, and attaching checks the report is in it. */
export const reviewOfQuery = async (_db: Db, _params: ReportParams, request: Request) =>
  ReviewQuery.parse({ reviewId: new URL(request.url).searchParams.get("reviewId") ?? undefined }).reviewId;

/** GET /api/reports/<reportId>/file: the PDF inline, embedded beside screening, extraction and appraisal forms. */
export const serveReportFile: ReviewRouteHandler<ReportParams> = async ({ db, storage, reviewId, params }) => {
  const pdf = await reportPdf({ db, storage }, reviewId, params.reportId);
  return new Response(Readable.toWeb(pdf.body) as ReadableStream<Uint8Array>, {
    status: 200,
    headers: pdfHeaders(pdf.fileName, pdf.byteSize),
  });
};

const UploadParams = z.object({ fileName: z.string().trim().min(1, "The file has no name.").max(255) });

/** POST /api/reports/<reportId>/file?reviewId=…&fileName=…, the raw PDF as the body. */
export const uploadReportFile: ReviewRouteHandler<ReportParams> = async ({
  db,
  storage,
  reviewId,
  actor,
  params,
  request,
}) => {
  const { fileName } = UploadParams.parse({ fileName: new URL(request.url).searchParams.get("fileName") ?? undefined });
  if (!request.body) throw new AppError("INVALID_INPUT", "The upload has no file in it.");
  const report = await attachReportFile({ db, storage }, actor, {
    reportId: params.reportId,
    fileName,
    body: Readable.fromWeb(request.body as WebReadableStream<Uint8Array>),
  });
  return Response.json({ reportId: report.id, fileName: report.fileName, byteSize: report.byteSize }, { status: 201 });
};
