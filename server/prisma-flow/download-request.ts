// The download endpoint's logic (tRPC carries no binary files): the same access rules as the diagram's page.
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import type { Db } from "../db/client";
import { APP_ERROR_STATUS, AppError } from "../errors/app-error";
import { assertReviewRole } from "../team/members";
import { DIAGRAM_FORMATS, type DiagramFormat } from "./diagram-formats";
import { diagramFile } from "./prisma-flow-service";

export async function handleDiagramDownload(req: { db: Db; userId: string | null; reviewId: string; format: string }): Promise<Response> {
  try {
    if (!req.userId) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
    const membership = await assertReviewRole(req.db, req.reviewId, req.userId, "observer");
    if (!(DIAGRAM_FORMATS as readonly string[]).includes(req.format)) {
      throw new AppError("NOT_FOUND", `The diagram comes as ${DIAGRAM_FORMATS.join(", ")}; not as "${req.format}".`);
    }
    const file = await diagramFile(req.db, req.reviewId, req.format as DiagramFormat, { userId: req.userId, role: membership.role });
    return new Response(new Uint8Array(file.body), {
      headers: {
        "content-type": file.contentType,
        "content-disposition": `attachment; filename="${file.fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (err) {
    if (err instanceof AppError) {
      const status = getHTTPStatusCodeFromError(new TRPCError({ code: APP_ERROR_STATUS[err.code] }));
      return Response.json({ error: err.message }, { status });
    }
    console.error("sift: PRISMA diagram download failed:", err);
    return Response.json({ error: "The diagram could not be made on the server. Try again." }, { status: 500 });
  }
}
