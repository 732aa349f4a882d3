import { currentUserId } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { handleDiagramDownload } from "@/server/prisma-flow/download-request";

export const dynamic = "force-dynamic";

/** GET /api/reviews/<id>/prisma/svg|png|pdf|csv: the review's PRISMA diagram as a file. */
export async function GET(_req: Request, ctx: { params: Promise<{ reviewId: string; format: string }> }) {
  const { reviewId, format } = await ctx.params;
  return handleDiagramDownload({ db: db(), userId: await currentUserId(), reviewId, format });
}
