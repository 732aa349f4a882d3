import { currentUserId } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { handleDownload } from "@/server/export/download-request";
import { fileStorage } from "@/server/storage/file-storage";

export const dynamic = "force-dynamic";

/** GET the finished file of one of your exports. */
export async function GET(_req: Request, ctx: { params: Promise<{ reviewId: string; exportId: string }> }) {
  const { reviewId, exportId } = await ctx.params;
  return handleDownload({ db: db(), storage: fileStorage(), userId: await currentUserId(), reviewId, exportId });
}
