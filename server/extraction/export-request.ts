// The download endpoint's logic (a file, not JSON, so not tRPC): the same membership check, then the file.
import { TRPCError } from "@trpc/server";
import { getHTTPStatusCodeFromError } from "@trpc/server/http";
import { z } from "zod";
import type { Db } from "../db/client";
import { APP_ERROR_STATUS, AppError } from "../errors/app-error";
import { assertReviewRole } from "../team/members";
import { ExportParams, extractionExport } from "./export-data";

export async function handleExtractionExport(db: Db, userId: string | null, reviewId: string, params: URLSearchParams): Promise<Response> {
  try {
    if (!userId) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
    const membership = await assertReviewRole(db, reviewId, userId, "observer");
    const file = await extractionExport(db, reviewId, membership.role, ExportParams.parse(Object.fromEntries(params)));
    return new Response(file.body as BodyInit, {
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
    if (err instanceof z.ZodError) return Response.json({ error: err.issues[0]?.message ?? "Invalid download request." }, { status: 400 });
    console.error("sift: extraction export failed:", err);
    return Response.json({ error: "The download failed on the server. Try again." }, { status: 500 });
  }
}
