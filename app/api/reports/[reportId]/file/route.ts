import { currentUserId } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { handleReportUpload, serveReportFile } from "@/server/fulltext/file-request";
import { fileStorage } from "@/server/storage/file-storage";

export const dynamic = "force-dynamic";

type Ctx = { params: Promise<{ reportId: string }> };

/** The report's PDF, inline: embedded beside screening, extraction and appraisal forms. */
export async function GET(_req: Request, ctx: Ctx) {
  const { reportId } = await ctx.params;
  return serveReportFile({ db: db(), storage: fileStorage(), userId: await currentUserId(), reportId });
}

/** POST the raw PDF as the body; ?reviewId=…&fileName=… */
export async function POST(req: Request, ctx: Ctx) {
  const { reportId } = await ctx.params;
  return handleReportUpload({
    db: db(),
    storage: fileStorage(),
    userId: await currentUserId(),
    reportId,
    params: new URL(req.url).searchParams,
    body: req.body,
  });
}
