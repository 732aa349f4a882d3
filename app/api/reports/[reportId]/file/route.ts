import { noPdfHere } from "@/server/api/contract/full-text";
import { reviewRoute } from "@/server/api/review-route";
import { reviewOfPathReport, reviewOfQuery, serveReportFile, uploadReportFile } from "@/server/api/routes/report-file";

export const dynamic = "force-dynamic";

// Members of any role read the PDF; anyone else gets the answer an unknown report or one without a PDF gets.
export const GET = reviewRoute("observer", serveReportFile, { reviewOf: reviewOfPathReport, refuseAs: noPdfHere });

export const POST = reviewRoute("reviewer", uploadReportFile, { reviewOf: reviewOfQuery });
