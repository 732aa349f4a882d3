import { currentUserId } from "@/server/auth/session";
import { db } from "@/server/db/client";
import { handleUpload } from "@/server/import/upload-request";
import { fileStorage } from "@/server/storage/file-storage";

export const dynamic = "force-dynamic";

/** POST the raw file as the body; ?fileName=…&source=…&sourceKind=…[&format=…] */
export async function POST(req: Request, ctx: { params: Promise<{ reviewId: string }> }) {
  const { reviewId } = await ctx.params;
  return handleUpload({
    db: db(),
    storage: fileStorage(),
    userId: await currentUserId(),
    reviewId,
    params: new URL(req.url).searchParams,
    body: req.body,
  });
}
