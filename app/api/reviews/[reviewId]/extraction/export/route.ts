import { currentUserId } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { handleExtractionExport } from "@/server/extraction/export-request";

export const dynamic = "force-dynamic";

/** GET ?form=…&format=csv|xlsx&layout=wide|long&values=consensus|extractors */
export async function GET(req: Request, ctx: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await ctx.params;
  return handleExtractionExport(db(), await currentUserId(), reviewId, new URL(req.url).searchParams);
}
